package org.heteronym.crypto.escrow;

import java.util.Arrays;
import java.util.Objects;

/**
 * One trustee's unverified decryption share for one chunk: the share D = x_i·A_j ElGamal-encrypted to the
 * officer as (E1, E2) = (u·G, D + u·R), with the compact proof (c, z1, z2).
 * Encoding ({@value #ENCODED_LENGTH} bytes): {@code E1[33] || E2[33] || c[32] || z1[32] || z2[32]}.
 *
 * <h2>Security guarantees</h2>
 * Only structural: points are valid group elements and c, z1, z2 are canonical and non-zero. Nothing is
 * proven until {@link ShareVerifier} has checked the proof and returned a {@link VerifiedShare}.
 *
 * <h2>WARNING</h2>
 * Do not use E1/E2 from an unverified share: a malicious trustee can put anything there.
 */
public record ChunkShare(Point e1, Point e2, Scalar c, Scalar z1, Scalar z2) {
    public static final int ENCODED_LENGTH = 2 * Point.ENCODED_LENGTH + 3 * Scalar.LENGTH;

    public ChunkShare {
        Objects.requireNonNull(e1);
        Objects.requireNonNull(e2);
        if (c.isZero() || z1.isZero() || z2.isZero()) {
            throw new IllegalArgumentException("proof scalars must be non-zero");
        }
    }

    public byte[] encode() {
        byte[] out = new byte[ENCODED_LENGTH];
        e1.copyTo(out, 0);
        e2.copyTo(out, 33);
        System.arraycopy(c.encode(), 0, out, 66, 32);
        System.arraycopy(z1.encode(), 0, out, 98, 32);
        System.arraycopy(z2.encode(), 0, out, 130, 32);
        return out;
    }

    public static ChunkShare decode(byte[] enc, int off) throws MalformedEncodingException {
        if (enc == null || off < 0 || enc.length - off < ENCODED_LENGTH) {
            throw new MalformedEncodingException("chunk share: truncated");
        }
        return new ChunkShare(
                Point.decode(Arrays.copyOfRange(enc, off, off + 33)),
                Point.decode(Arrays.copyOfRange(enc, off + 33, off + 66)),
                Scalar.decodeNonZero(Arrays.copyOfRange(enc, off + 66, off + 98)),
                Scalar.decodeNonZero(Arrays.copyOfRange(enc, off + 98, off + 130)),
                Scalar.decodeNonZero(Arrays.copyOfRange(enc, off + 130, off + 162)));
    }
}
