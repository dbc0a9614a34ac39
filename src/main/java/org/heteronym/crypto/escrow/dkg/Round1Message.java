package org.heteronym.crypto.escrow.dkg;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.Transcript;

/**
 * Round 1 message of participant i: Heteronym's signed envelope around COCKTAIL-DKG's msg_{1|i}.
 *
 * <pre>
 * round1 = u8(0x01) || u8(0x01) || u32(i)                               header (6 bytes)
 *       || C_{i,0} || ... || C_{i,t-1}                                   VSS commitment (33·t)
 *       || PoP_i                                                          COCKTAIL Schnorr under a_{i,0} (65)
 *       || E_i                                                            ephemeral key (33)
 *       || u64be(48) || c_{i,1} || ... || u64be(48) || c_{i,n}            framed ciphertexts (56·n)
 *       || σ_i                                                            COCKTAIL Schnorr under d_i (65)
 * D_i  = SHA-256(everything before σ_i)
 * σ_i  = Sign(d_i, transcript("heteronym/v1/dkg/round1"; BYTES context, UINT i, BYTES D_i))
 * </pre>
 *
 * The bytes from C_{i,0} to the last ciphertext are exactly COCKTAIL-DKG's msg_{1|i} with empty payloads.
 */
final class Round1Message {
    static final byte VERSION = 0x01;
    static final byte TYPE = 0x01;
    static final int HEADER_LENGTH = 6;
    static final String SIGNING_TAG = "heteronym/v1/dkg/round1";

    final int sender;
    final List<Point> commitment;
    final byte[] pop;
    final Point ephemeral;
    private final List<byte[]> ciphertexts;
    final byte[] signature;
    final byte[] digest;
    private final byte[] encoded;

    private Round1Message(int sender, List<Point> commitment, byte[] pop, Point ephemeral, List<byte[]> ciphertexts,
            byte[] signature, byte[] digest, byte[] encoded) {
        this.sender = sender;
        this.commitment = List.copyOf(commitment);
        this.pop = pop;
        this.ephemeral = ephemeral;
        this.ciphertexts = List.copyOf(ciphertexts);
        this.signature = signature;
        this.digest = digest;
        this.encoded = encoded;
    }

    static int length(int t, int n) {
        return HEADER_LENGTH + CocktailP256.POINT_LENGTH * t + CocktailP256.SIGNATURE_LENGTH
                + CocktailP256.POINT_LENGTH + CocktailP256.FRAMED_CIPHERTEXT_LENGTH * n
                + CocktailP256.SIGNATURE_LENGTH;
    }

    /** transcript("heteronym/v1/dkg/round1"; BYTES context, UINT sender, BYTES digest): what σ_i signs. */
    static byte[] signingMessage(Hash32 context, int sender, byte[] digest) {
        return Transcript.start(SIGNING_TAG).bytes(context.toBytes()).uint(sender).bytes(digest).toByteArray();
    }

    /** Honest message: shares s_{i,j} = f_i(j). */
    static byte[] create(CeremonyParameters p, int sender, StaticKeyPair key, List<Scalar> coefficients,
            Scalar ephemeral) {
        List<Scalar> shares = new ArrayList<>();
        for (int j = 1; j <= p.participantCount(); j++) {
            shares.add(CocktailP256.evaluate(coefficients, j));
        }
        return create(p, sender, key, coefficients, ephemeral, shares);
    }

    /** The message with explicit shares (the j-th to participant j); tests use it to build a cheating sender. */
    static byte[] create(CeremonyParameters p, int sender, StaticKeyPair key, List<Scalar> coefficients,
            Scalar ephemeral, List<Scalar> shares) {
        int n = p.participantCount();
        if (coefficients.size() != p.threshold() || shares.size() != n || ephemeral.isZero()
                || coefficients.stream().anyMatch(Scalar::isZero)) {
            throw new IllegalArgumentException("need t non-zero coefficients, n shares and a non-zero ephemeral key");
        }
        Hash32 ctx = p.context();
        List<Point> c = coefficients.stream().map(Point::multiplyGenerator).toList();
        Point e = Point.multiplyGenerator(ephemeral);
        byte[] pop = CocktailP256.sign(coefficients.get(0), CocktailP256.popMessage(ctx, c, e));
        ByteArrayOutputStream body = new ByteArrayOutputStream(length(p.threshold(), n));
        header(body, sender);
        c.forEach(x -> body.writeBytes(x.encode()));
        body.writeBytes(pop);
        body.writeBytes(e.encode());
        for (int j = 1; j <= n; j++) {
            CocktailP256.KeyAndNonce kn = CocktailP256.senderKey(ephemeral, key.secret(), e, key.publicKey(),
                    p.participantKey(j), ctx);
            byte[] plaintext = shares.get(j - 1).encode();
            byte[] ct = CocktailP256.encrypt(kn, plaintext);
            Arrays.fill(plaintext, (byte) 0);
            kn.wipe();
            Wire.u64be(body, ct.length);
            body.writeBytes(ct);
        }
        return sign(p, sender, key, body.toByteArray());
    }

    /** body || Sign(d_i, signingMessage(context, sender, SHA-256(body))). */
    static byte[] sign(CeremonyParameters p, int sender, StaticKeyPair key, byte[] body) {
        byte[] sig = CocktailP256.sign(key.secret(), signingMessage(p.context(), sender, Hash32.sha256(body).toBytes()));
        byte[] out = Arrays.copyOf(body, body.length + sig.length);
        System.arraycopy(sig, 0, out, body.length, sig.length);
        return out;
    }

    /** The sender index in a well-formed header, or -1. */
    static int headerSender(byte[] msg, int n) {
        if (msg == null || msg.length < HEADER_LENGTH || msg[0] != VERSION || msg[1] != TYPE) {
            return -1;
        }
        long i = Wire.getU32be(msg, 2);
        return i >= 1 && i <= n ? (int) i : -1;
    }

    /**
     * A valid σ by the given sender's key over SHA-256 of everything before the last 65 bytes. The length is not
     * checked here, so that a signed message of the wrong length is attributable to its signer.
     */
    static boolean signedBy(CeremonyParameters p, int sender, byte[] msg) {
        if (msg.length < HEADER_LENGTH + CocktailP256.SIGNATURE_LENGTH) {
            return false;
        }
        int bodyLength = msg.length - CocktailP256.SIGNATURE_LENGTH;
        byte[] digest = Hash32.sha256(Arrays.copyOf(msg, bodyLength)).toBytes();
        return CocktailP256.verify(p.participantKey(sender), signingMessage(p.context(), sender, digest),
                Arrays.copyOfRange(msg, bodyLength, msg.length));
    }

    static byte[] digest(byte[] msg) {
        return Hash32.sha256(Arrays.copyOf(msg, msg.length - CocktailP256.SIGNATURE_LENGTH)).toBytes();
    }

    static byte[] signatureOf(byte[] msg) {
        return Arrays.copyOfRange(msg, msg.length - CocktailP256.SIGNATURE_LENGTH, msg.length);
    }

    /**
     * Strict structural decoding of a message already known to have the exact length and a valid σ by the
     * participant at {@code position}: header, t non-identity commitment points, PoP encoding, E, every frame
     * exactly u64be(48). Failures are attributable to that participant (it signed the bytes).
     */
    static Round1Message decode(CeremonyParameters p, byte[] msg, int position) throws DkgAbortException {
        int t = p.threshold();
        int n = p.participantCount();
        if (msg.length != length(t, n) || headerSender(msg, n) != position) {
            throw new DkgAbortException(DkgAbortException.Reason.MALFORMED, position,
                    "Round 1 message has a bad header or length");
        }
        int off = HEADER_LENGTH;
        try {
            List<Point> c = new ArrayList<>(t);
            for (int k = 0; k < t; k++, off += CocktailP256.POINT_LENGTH) {
                c.add(Point.decode(Arrays.copyOfRange(msg, off, off + CocktailP256.POINT_LENGTH)));
            }
            byte[] pop = Arrays.copyOfRange(msg, off, off + CocktailP256.SIGNATURE_LENGTH);
            Point.decode(Arrays.copyOfRange(pop, 0, CocktailP256.POINT_LENGTH));
            Scalar.decode(Arrays.copyOfRange(pop, CocktailP256.POINT_LENGTH, CocktailP256.SIGNATURE_LENGTH));
            off += CocktailP256.SIGNATURE_LENGTH;
            Point e = Point.decode(Arrays.copyOfRange(msg, off, off + CocktailP256.POINT_LENGTH));
            off += CocktailP256.POINT_LENGTH;
            List<byte[]> cts = new ArrayList<>(n);
            for (int j = 1; j <= n; j++) {
                if (Wire.getU64be(msg, off) != CocktailP256.CIPHERTEXT_LENGTH) {
                    throw new MalformedEncodingException("ciphertext for participant " + j
                            + " is not framed as exactly " + CocktailP256.CIPHERTEXT_LENGTH + " bytes");
                }
                off += 8;
                cts.add(Arrays.copyOfRange(msg, off, off + CocktailP256.CIPHERTEXT_LENGTH));
                off += CocktailP256.CIPHERTEXT_LENGTH;
            }
            return new Round1Message(position, c, pop, e, cts, Arrays.copyOfRange(msg, off, msg.length), digest(msg),
                    msg.clone());
        } catch (MalformedEncodingException ex) {
            throw new DkgAbortException(DkgAbortException.Reason.MALFORMED, position,
                    "Round 1 message: " + ex.getMessage());
        }
    }

    boolean popValid(Hash32 context) {
        return CocktailP256.verify(commitment.get(0), CocktailP256.popMessage(context, commitment, ephemeral), pop);
    }

    /** c_{i,j}: the raw 48-byte ciphertext addressed to participant j. */
    byte[] ciphertextFor(int j) {
        return ciphertexts.get(j - 1).clone();
    }

    byte[] encoded() {
        return encoded.clone();
    }

    private static void header(ByteArrayOutputStream out, int sender) {
        out.write(VERSION);
        out.write(TYPE);
        Wire.u32be(out, sender);
    }
}
