package org.heteronym.crypto.escrow;

/**
 * A trustee's share of the epoch key: index i (1-based) and secret x_i, with verification key Y_i = x_i·G.
 *
 * <h2>Security guarantees</h2>
 * Rejects a zero secret and a non-positive index. {@link #toString()} never prints the secret.
 *
 * <h2>WARNING</h2>
 * The secret is a {@link Scalar} and cannot be wiped (see its WARNING). Keep one instance per trustee process,
 * loaded only when a court-ordered decryption is performed.
 */
public final class TrusteeKey {
    private final int index;
    private final Scalar secret;
    private final Point publicKey;

    public TrusteeKey(int index, Scalar secret) {
        if (index < 1 || index > EpochKey.MAX_TRUSTEES) {
            throw new IllegalArgumentException("trustee index must be 1.." + EpochKey.MAX_TRUSTEES);
        }
        if (secret.isZero()) {
            throw new IllegalArgumentException("trustee secret must be non-zero");
        }
        this.index = index;
        this.secret = secret;
        this.publicKey = Point.multiplyGenerator(secret);
    }

    public int index() {
        return index;
    }

    public Point publicKey() {
        return publicKey;
    }

    Scalar secret() {
        return secret;
    }

    /** x_i as 32 big-endian bytes, for the trustee's encrypted key file; the caller must wipe the array. */
    public byte[] exportSecret() {
        return secret.encode();
    }

    @Override
    public String toString() {
        return "TrusteeKey[" + index + ", " + publicKey + "]";
    }
}
