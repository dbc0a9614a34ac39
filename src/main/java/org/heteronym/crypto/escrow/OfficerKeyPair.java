package org.heteronym.crypto.escrow;

import java.security.SecureRandom;

/**
 * The legal officer's key pair (ρ, R = ρ·G). Trustees encrypt their decryption shares to R, so only the
 * holder of ρ can combine them; R is bound into every share proof through the {@link ShareContext}.
 *
 * <h2>Security guarantees</h2>
 * Rejects a zero secret. {@link #toString()} never prints ρ.
 *
 * <h2>WARNING</h2>
 * One key pair per registered legal officer (docs/disclosure.md §1): shares stay bound to one request through the
 * share context, not through R. ρ cannot be wiped (see {@link Scalar}); keep it in the officer's encrypted key
 * file and load it only to open a released envelope.
 */
public final class OfficerKeyPair {
    private final Scalar secret;
    private final Point publicKey;

    private OfficerKeyPair(Scalar secret) {
        if (secret.isZero()) {
            throw new IllegalArgumentException("officer secret must be non-zero");
        }
        this.secret = secret;
        this.publicKey = Point.multiplyGenerator(secret);
    }

    public static OfficerKeyPair generate(SecureRandom random) {
        return new OfficerKeyPair(Scalar.random(random));
    }

    public static OfficerKeyPair fromSecret(Scalar secret) {
        return new OfficerKeyPair(secret);
    }

    public Point publicKey() {
        return publicKey;
    }

    Scalar secret() {
        return secret;
    }

    /** ρ as 32 big-endian bytes, for the officer's encrypted key file; the caller must wipe the array. */
    public byte[] exportSecret() {
        return secret.encode();
    }

    @Override
    public String toString() {
        return "OfficerKeyPair[" + publicKey + "]";
    }
}
