package org.heteronym.crypto.escrow.dkg;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Integer encodings used on the DKG wire. COCKTAIL-DKG mixes conventions (little-endian lengths and counts in the
 * transcript T and in H6, big-endian ciphertext frames and context lengths); Heteronym's own framing is
 * big-endian, as in the rest of the escrow protocol.
 */
final class Wire {
    private Wire() {}

    static void u32be(ByteArrayOutputStream out, long v) {
        check(v, 0xFFFF_FFFFL);
        for (int k = 3; k >= 0; k--) {
            out.write((int) (v >>> (8 * k)));
        }
    }

    static void u64be(ByteArrayOutputStream out, long v) {
        check(v, Long.MAX_VALUE);
        for (int k = 7; k >= 0; k--) {
            out.write((int) (v >>> (8 * k)));
        }
    }

    static void u32le(ByteArrayOutputStream out, long v) {
        check(v, 0xFFFF_FFFFL);
        for (int k = 0; k < 4; k++) {
            out.write((int) (v >>> (8 * k)));
        }
    }

    static void u64le(ByteArrayOutputStream out, long v) {
        check(v, Long.MAX_VALUE);
        for (int k = 0; k < 8; k++) {
            out.write((int) (v >>> (8 * k)));
        }
    }

    static long getU32be(byte[] in, int off) {
        long v = 0;
        for (int k = 0; k < 4; k++) {
            v = (v << 8) | (in[off + k] & 0xFF);
        }
        return v;
    }

    /** Returns -1 if the value does not fit in a non-negative long (top bit set), so callers reject it. */
    static long getU64be(byte[] in, int off) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (in[off + k] & 0xFF);
        }
        return v < 0 ? -1 : v;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java SE platform provides SHA-256
        }
    }

    private static void check(long v, long max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException("integer out of range: " + v);
        }
    }
}
