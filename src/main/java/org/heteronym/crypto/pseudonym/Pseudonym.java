package org.heteronym.crypto.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.heteronym.crypto.escrow.Transcript;

/**
 * A member's pseudonym at one forum: HMAC-SHA256(PRF key, Transcript("heteronym/v1/pseudonym", member id, forum
 * client id)), 32 bytes, shown to the forum as its base64url form without padding (43 characters), the OpenID Connect
 * pairwise {@code sub} (OpenID Connect Core 1.0 §8.1).
 *
 * <h2>Security guarantees</h2>
 * Stable: the same member and forum always give the same pseudonym, so nothing needs to be stored to find it again.
 * Unlinkable: HMAC-SHA256 is a PRF, so without the key the pseudonyms of one member at two forums look like
 * independent random strings, and nobody can test a guessed member id against a pseudonym. The transcript encodes
 * both ids with their lengths, so no two (member, forum) pairs share an input.
 *
 * <h2>WARNING</h2>
 * Never log a pseudonym next to the member id it came from (Keycloak's pairwise mapper did, and that log linked
 * every account): this class's {@link #toString} shows neither.
 */
public final class Pseudonym {

    public static final int LENGTH = 32;
    static final String TAG = "heteronym/v1/pseudonym";
    private static final Base64.Encoder SUBJECT = Base64.getUrlEncoder().withoutPadding();

    private final byte[] bytes;

    private Pseudonym(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param prfKey   {@link PseudonymKeys#prfKey()}
     * @param memberId the member's id as stored (22 base64url characters), as UTF-8
     * @param clientId the forum's OpenID Connect client id, as UTF-8; never reused, so never another forum's
     */
    public static Pseudonym derive(byte[] prfKey, String memberId, String clientId) {
        byte[] message = Transcript.start(TAG)
                .bytes(memberId.getBytes(StandardCharsets.UTF_8))
                .bytes(clientId.getBytes(StandardCharsets.UTF_8))
                .toByteArray();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(prfKey, "HmacSHA256"));
            return new Pseudonym(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The pseudonym a forum presents back (its {@code sub}); refuses anything but 43 base64url characters. */
    public static Pseudonym fromSubject(String subject) {
        if (subject == null || subject.length() != 43 || !subject.matches("[A-Za-z0-9_-]{43}")) {
            throw new IllegalArgumentException("a subject is 43 base64url characters");
        }
        byte[] decoded = Base64.getUrlDecoder().decode(subject);
        Pseudonym p = new Pseudonym(decoded);
        if (!p.subject().equals(subject)) {
            // the last character carries 2 unused bits; only the canonical form names a pseudonym
            throw new IllegalArgumentException("not the canonical encoding of a subject");
        }
        return p;
    }

    /** The OpenID Connect {@code sub}: base64url without padding, 43 characters. */
    public String subject() {
        return SUBJECT.encodeToString(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pseudonym p && MessageDigest.isEqual(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Pseudonym[redacted]";
    }
}
