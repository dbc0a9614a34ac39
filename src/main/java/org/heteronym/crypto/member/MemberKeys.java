package org.heteronym.crypto.member;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The two member keys, derived from one secret kept outside the database: the duplicate-tag key and the key that
 * encrypts the licence monitor's status handles. HKDF-SHA256 (RFC 5869), no salt, one info label per key; see
 * docs/members.md, "Member keys".
 *
 * <h2>WARNING</h2>
 * Whoever holds the secret and a database dump can test guesses of (authority, licence number) against tags and
 * read status handles. It lives in a Kubernetes Secret or a file named in configuration, never in the database.
 */
public record MemberKeys(byte[] tagKey, byte[] handleKey) {

    public static final int SECRET_LENGTH = 32;
    static final String TAG_INFO = "heteronym/v1/member/duplicate-tag-key";
    static final String HANDLE_INFO = "heteronym/v1/member/status-handle-key";

    public MemberKeys {
        tagKey = tagKey.clone();
        handleKey = handleKey.clone();
    }

    /** Derives both keys from a 32-byte secret. */
    public static MemberKeys derive(byte[] secret) {
        if (secret.length != SECRET_LENGTH) {
            throw new IllegalArgumentException("the member secret must be 32 bytes, got " + secret.length);
        }
        return new MemberKeys(hkdf(secret, TAG_INFO), hkdf(secret, HANDLE_INFO));
    }

    @Override
    public byte[] tagKey() {
        return tagKey.clone();
    }

    @Override
    public byte[] handleKey() {
        return handleKey.clone();
    }

    private static byte[] hkdf(byte[] secret, String info) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(secret, null, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[32];
        generator.generateBytes(out, 0, out.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemberKeys k && Arrays.equals(tagKey, k.tagKey) && Arrays.equals(handleKey, k.handleKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tagKey);
    }

    @Override
    public String toString() {
        return "MemberKeys[redacted]";
    }
}
