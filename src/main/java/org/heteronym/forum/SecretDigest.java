package org.heteronym.forum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.heteronym.crypto.escrow.Transcript;

/**
 * What the service keeps of a forum's client secret:
 * {@code SHA-256(Transcript("heteronym/v1/forum-client-secret", bytes(client id), bytes(secret)))}. The secret itself
 * is 32 bytes from {@link SecureRandom}, shown once as base64url without padding (43 characters), and never stored.
 *
 * <h2>Security guarantees</h2>
 * A stolen digest does not authenticate: finding a secret that hashes to it is a SHA-256 preimage. No slow password
 * hash is needed because nobody chooses these secrets: guessing one means searching 2^256 values, which no work
 * factor would make harder in any way that matters, while a slow hash would cost CPU on every token request. The
 * client id in the hashed transcript means a digest copied to another forum's row matches nothing there.
 * {@link #matches} hashes what was presented and compares digests with {@link MessageDigest#isEqual}, whose time does
 * not depend on where they differ.
 *
 * <h2>WARNING</h2>
 * Never log or show the digest either: it is not the secret, but there is no reason for anyone to have it.
 */
public final class SecretDigest {

    static final String TAG = "heteronym/v1/forum-client-secret";
    static final int SECRET_BYTES = 32;
    /** Longer presentations are not ours; refusing them before hashing bounds the work an attacker can ask for. */
    private static final int MAX_PRESENTED = 256;

    private final byte[] digest;

    private SecretDigest(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a secret digest is 32 bytes");
        }
        this.digest = digest;
    }

    /** A fresh secret for {@code clientId}: the plaintext to show once, and the digest to store. */
    static IssuedSecret issue(String clientId, SecureRandom random) {
        byte[] raw = new byte[SECRET_BYTES];
        random.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return new IssuedSecret(secret, of(clientId, secret));
    }

    static SecretDigest of(String clientId, String secret) {
        byte[] transcript = Transcript.start(TAG)
                .bytes(clientId.getBytes(StandardCharsets.UTF_8))
                .bytes(secret.getBytes(StandardCharsets.UTF_8))
                .toByteArray();
        try {
            return new SecretDigest(MessageDigest.getInstance("SHA-256").digest(transcript));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static SecretDigest fromStored(byte[] stored) {
        return new SecretDigest(stored.clone());
    }

    byte[] bytes() {
        return digest.clone();
    }

    /** Whether {@code presented} is the secret this digest was made from, for {@code clientId}. */
    boolean matches(String clientId, String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_PRESENTED) {
            return false;
        }
        return MessageDigest.isEqual(digest, of(clientId, presented).digest);
    }

    @Override
    public String toString() {
        return "SecretDigest[redacted]";
    }
}
