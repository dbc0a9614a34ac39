package org.heteronym.crypto.pseudonym;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The pseudonym PRF key, derived from the pseudonym secret by HKDF-SHA256 (RFC 5869), no salt, info
 * {@code heteronym/v1/pseudonym/prf-key}. The secret is not the member secret: each can be held, backed up and
 * revoked on its own, and the distinct info label keeps the two key families apart even if one file were mounted
 * for both by mistake.
 *
 * <h2>WARNING</h2>
 * Whoever holds the PRF key and the member ids (a database dump) can compute every member's pseudonym at every
 * forum, that is, link a member's accounts across forums. It never enters the database or the application log.
 */
public record PseudonymKeys(byte[] prfKey) {

    public static final int SECRET_LENGTH = 32;
    static final String PRF_INFO = "heteronym/v1/pseudonym/prf-key";

    public PseudonymKeys {
        if (prfKey.length != 32) {
            throw new IllegalArgumentException("the PRF key is 32 bytes");
        }
        prfKey = prfKey.clone();
    }

    /** Derives the PRF key from a 32-byte secret. */
    public static PseudonymKeys derive(byte[] secret) {
        if (secret.length != SECRET_LENGTH) {
            throw new IllegalArgumentException("the pseudonym secret must be 32 bytes, got " + secret.length);
        }
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(secret, null, PRF_INFO.getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[32];
        generator.generateBytes(key, 0, key.length);
        return new PseudonymKeys(key);
    }

    @Override
    public byte[] prfKey() {
        return prfKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PseudonymKeys k && Arrays.equals(prfKey, k.prfKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prfKey);
    }

    @Override
    public String toString() {
        return "PseudonymKeys[redacted]";
    }
}
