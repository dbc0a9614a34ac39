package org.heteronym.crypto.escrow.dkg;

import java.security.SecureRandom;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;

/**
 * A trustee's long-term COCKTAIL-DKG static key pair (d_i, P_i = d_i·G) on P-256. As the specification requires,
 * the one key serves both purposes: share delivery (the ephemeral-static and static-static ECDH that key each
 * encrypted share) and signing (the CertEq transcript signature, and Heteronym's signature on each Round 1
 * message), with the COCKTAIL Schnorr scheme.
 *
 * <h2>Security guarantees</h2>
 * Rejects a zero secret. {@link #toString()} prints only the public key.
 *
 * <h2>WARNING</h2>
 * d_i decrypts every share ever sent to this trustee: anyone holding d_i and a logged ceremony transcript (which
 * contains the ciphertexts) recovers the trustee's epoch share x_i. Protect d_i exactly like the epoch shares,
 * and rotate it (new ceremony parameters) rather than keep it after its epochs are retired. The secret is a
 * {@link Scalar} and cannot be wiped.
 */
public final class StaticKeyPair {
    private final Scalar secret;
    private final Point publicKey;

    private StaticKeyPair(Scalar secret) {
        if (secret.isZero()) {
            throw new IllegalArgumentException("static secret must be non-zero");
        }
        this.secret = secret;
        this.publicKey = Point.multiplyGenerator(secret);
    }

    public static StaticKeyPair generate(SecureRandom random) {
        return new StaticKeyPair(Scalar.random(random));
    }

    public static StaticKeyPair fromSecret(Scalar secret) {
        return new StaticKeyPair(secret);
    }

    /** Strict: exactly 32 bytes, 0 &lt; d &lt; n. */
    public static StaticKeyPair decodeSecret(byte[] encoded) throws MalformedEncodingException {
        return new StaticKeyPair(Scalar.decodeNonZero(encoded));
    }

    /** d_i as 32 big-endian bytes, for the trustee's key file; the caller must wipe the array. */
    public byte[] exportSecret() {
        return secret.encode();
    }

    public Point publicKey() {
        return publicKey;
    }

    Scalar secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "StaticKeyPair[" + publicKey + "]";
    }
}
