package org.heteronym.crypto.escrow.dkg;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.heteronym.crypto.escrow.MalformedEncodingException;

/**
 * Publicly checkable proof that participant j signed two different Round 1 messages in one ceremony: two pairs
 * (D, σ) where D is the SHA-256 digest of a Round 1 message body and σ is j's COCKTAIL Schnorr signature on the
 * Round 1 signing message for (context, j, D). Anyone with the ceremony parameters can {@link #verify} it.
 *
 * <p>Encoding (200 bytes): {@code u8(0x01) || u8(0x20) || u32(j) || D_a[32] || σ_a[65] || D_b[32] || σ_b[65]},
 * the two pairs in ascending lexicographic order of {@code D || σ}, so each equivocation has one encoding.
 *
 * <h2>Security guarantees</h2>
 * Only the holder of d_j can sign, so a verifying evidence proves that j's key signed two different messages.
 *
 * <h2>WARNING</h2>
 * It proves misbehaviour of j's key, not of the person: a stolen d_j also equivocates.
 */
public final class EquivocationEvidence {
    public static final int ENCODED_LENGTH = 6 + 2 * (32 + CocktailP256.SIGNATURE_LENGTH);
    private static final byte VERSION = 0x01;
    private static final byte TYPE = 0x20;
    private final int participant;
    private final byte[] first;
    private final byte[] second;

    EquivocationEvidence(int participant, byte[] digestA, byte[] sigA, byte[] digestB, byte[] sigB) {
        byte[] a = concat(digestA, sigA);
        byte[] b = concat(digestB, sigB);
        if (a.length != 97 || b.length != 97) {
            throw new IllegalArgumentException("a digest is 32 bytes and a signature 65 bytes");
        }
        boolean ordered = Arrays.compareUnsigned(a, b) < 0;
        this.participant = participant;
        this.first = ordered ? a : b;
        this.second = ordered ? b : a;
    }

    public int participant() {
        return participant;
    }

    /**
     * Accepts iff j is a participant, the two pairs differ, and both signatures verify under P_j for this
     * ceremony's context.
     */
    public boolean verify(CeremonyParameters params) {
        if (participant < 1 || participant > params.participantCount() || Arrays.equals(first, second)) {
            return false;
        }
        return signedByParticipant(params, first) && signedByParticipant(params, second);
    }

    private boolean signedByParticipant(CeremonyParameters params, byte[] pair) {
        byte[] digest = Arrays.copyOfRange(pair, 0, 32);
        byte[] sig = Arrays.copyOfRange(pair, 32, pair.length);
        return CocktailP256.verify(params.participantKey(participant),
                Round1Message.signingMessage(params.context(), participant, digest), sig);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ENCODED_LENGTH);
        out.write(VERSION);
        out.write(TYPE);
        Wire.u32be(out, participant);
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    public static EquivocationEvidence decode(byte[] enc) throws MalformedEncodingException {
        if (enc == null || enc.length != ENCODED_LENGTH || enc[0] != VERSION || enc[1] != TYPE) {
            throw new MalformedEncodingException("equivocation evidence: wrong length or header");
        }
        long j = Wire.getU32be(enc, 2);
        if (j < 1 || j > CeremonyParameters.MAX_PARTICIPANTS) {
            throw new MalformedEncodingException("equivocation evidence: participant index out of range");
        }
        EquivocationEvidence e = new EquivocationEvidence((int) j, Arrays.copyOfRange(enc, 6, 38),
                Arrays.copyOfRange(enc, 38, 103), Arrays.copyOfRange(enc, 103, 135), Arrays.copyOfRange(enc, 135, 200));
        if (!Arrays.equals(e.encode(), enc)) {
            throw new MalformedEncodingException("equivocation evidence: pairs not in canonical order");
        }
        return e;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "EquivocationEvidence[participant " + participant + "]";
    }
}
