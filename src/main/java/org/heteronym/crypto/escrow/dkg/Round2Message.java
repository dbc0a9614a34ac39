package org.heteronym.crypto.escrow.dkg;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Round 2 (CertEq) message of participant k: COCKTAIL-DKG's transcript signature sig_k, followed by k's view of
 * Round 1 so that a split view can be traced to an equivocating participant.
 *
 * <pre>
 * round2 = u8(0x01) || u8(0x02) || u32(k)                   header (6 bytes)
 *       || sig_k                                             Sign(d_k, T): the COCKTAIL CertEq signature (65)
 *       || D_1 || σ_1 || ... || D_n || σ_n                   for each j, the digest and signature of the
 *                                                            Round 1 message k received from j (97·n)
 * </pre>
 */
final class Round2Message {
    static final byte VERSION = 0x01;
    static final byte TYPE = 0x02;
    static final int HEADER_LENGTH = 6;
    static final int VIEW_ENTRY_LENGTH = 32 + CocktailP256.SIGNATURE_LENGTH;

    private Round2Message() {}

    static int length(int n) {
        return HEADER_LENGTH + CocktailP256.SIGNATURE_LENGTH + VIEW_ENTRY_LENGTH * n;
    }

    static byte[] create(int sender, StaticKeyPair key, byte[] transcript, List<Round1Message> round1) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length(round1.size()));
        out.write(VERSION);
        out.write(TYPE);
        Wire.u32be(out, sender);
        out.writeBytes(CocktailP256.sign(key.secret(), transcript));
        for (Round1Message m : round1) {
            out.writeBytes(m.digest);
            out.writeBytes(m.signature);
        }
        return out.toByteArray();
    }

    /** The sender index in a well-formed header, or -1. */
    static int headerSender(byte[] msg, int n) {
        if (msg == null || msg.length < HEADER_LENGTH || msg[0] != VERSION || msg[1] != TYPE) {
            return -1;
        }
        long i = Wire.getU32be(msg, 2);
        return i >= 1 && i <= n ? (int) i : -1;
    }

    static byte[] transcriptSignature(byte[] msg) {
        return Arrays.copyOfRange(msg, HEADER_LENGTH, HEADER_LENGTH + CocktailP256.SIGNATURE_LENGTH);
    }

    static byte[] viewDigest(byte[] msg, int j) {
        int off = HEADER_LENGTH + CocktailP256.SIGNATURE_LENGTH + VIEW_ENTRY_LENGTH * (j - 1);
        return Arrays.copyOfRange(msg, off, off + 32);
    }

    static byte[] viewSignature(byte[] msg, int j) {
        int off = HEADER_LENGTH + CocktailP256.SIGNATURE_LENGTH + VIEW_ENTRY_LENGTH * (j - 1) + 32;
        return Arrays.copyOfRange(msg, off, off + CocktailP256.SIGNATURE_LENGTH);
    }
}
