package org.heteronym.crypto.escrow;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Small byte helpers shared by the encoders; all integers are big-endian, as the specification requires. */
final class Bytes {
    private Bytes() {}

    static void putU32(byte[] out, int off, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("value does not fit in u32: " + v);
        }
        for (int k = 0; k < 4; k++) {
            out[off + k] = (byte) (v >>> (24 - 8 * k));
        }
    }

    static void putU64(byte[] out, int off, long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative value for u64: " + v);
        }
        for (int k = 0; k < 8; k++) {
            out[off + k] = (byte) (v >>> (56 - 8 * k));
        }
    }

    static long getU32(byte[] in, int off) {
        long v = 0;
        for (int k = 0; k < 4; k++) {
            v = (v << 8) | (in[off + k] & 0xFF);
        }
        return v;
    }

    static long getU64(byte[] in, int off) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (in[off + k] & 0xFF);
        }
        return v;
    }

    static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
