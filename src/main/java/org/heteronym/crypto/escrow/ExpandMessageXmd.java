package org.heteronym.crypto.escrow;

import java.security.MessageDigest;

/**
 * {@code expand_message_xmd} of RFC 9380, section 5.3.1, instantiated with SHA-256 (b_in_bytes = 32,
 * s_in_bytes = 64).
 *
 * <h2>Security guarantees</h2>
 * Modelled as a random oracle with output length {@code lenInBytes}, independent for each distinct DST
 * (RFC 9380, section 5.3.4, and its K.1 test vectors are part of this project's tests).
 *
 * <h2>WARNING</h2>
 * Use a DST that is unique to one purpose. DSTs longer than 255 bytes are rejected instead of being hashed
 * (RFC 9380, section 5.3.3), because this project only ever uses short constant DSTs.
 */
public final class ExpandMessageXmd {
    private static final int B_IN_BYTES = 32;
    private static final int S_IN_BYTES = 64;

    private ExpandMessageXmd() {}

    public static byte[] expand(byte[] msg, byte[] dst, int lenInBytes) {
        if (dst.length == 0 || dst.length > 255) {
            throw new IllegalArgumentException("DST must be 1 to 255 bytes");
        }
        int ell = (lenInBytes + B_IN_BYTES - 1) / B_IN_BYTES;
        if (lenInBytes <= 0 || ell > 255 || lenInBytes > 65535) {
            throw new IllegalArgumentException("len_in_bytes out of range");
        }
        byte[] dstPrime = new byte[dst.length + 1];
        System.arraycopy(dst, 0, dstPrime, 0, dst.length);
        dstPrime[dst.length] = (byte) dst.length;

        MessageDigest h = Bytes.sha256();
        h.update(new byte[S_IN_BYTES]); // Z_pad
        h.update(msg);
        h.update((byte) (lenInBytes >>> 8));
        h.update((byte) lenInBytes);
        h.update((byte) 0);
        h.update(dstPrime);
        byte[] b0 = h.digest();

        byte[] out = new byte[lenInBytes];
        byte[] prev = new byte[B_IN_BYTES]; // b_0 XOR b_0 = 0 makes b_1 fit the general rule
        for (int i = 1; i <= ell; i++) {
            for (int k = 0; k < B_IN_BYTES; k++) {
                h.update((byte) (b0[k] ^ prev[k]));
            }
            h.update((byte) i);
            h.update(dstPrime);
            prev = h.digest();
            int off = (i - 1) * B_IN_BYTES;
            System.arraycopy(prev, 0, out, off, Math.min(B_IN_BYTES, lenInBytes - off));
        }
        return out;
    }
}
