package org.heteronym.oidc;

import org.heteronym.crypto.Sha256;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** RFC 7636 PKCE with the S256 method only (the plain method is refused: it protects nothing against a code thief). */
public final class Pkce {

    /** A verifier: 43 to 128 unreserved characters (RFC 7636 §4.1). */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    /** An S256 challenge: base64url of 32 bytes, no padding. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    public static boolean isChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    /**
     * The S256 challenge of {@code verifier} (BASE64URL(SHA-256(ASCII(verifier)))), or empty if it is not a verifier
     * (43 to 128 unreserved characters). A code is redeemed only if this equals the challenge it was issued with.
     */
    public static Optional<String> challengeFor(String verifier) {
        return verifier != null && VERIFIER.matcher(verifier).matches() ? Optional.of(challengeOf(verifier))
                : Optional.empty();
    }

    static String challengeOf(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(verifier));
    }
}
