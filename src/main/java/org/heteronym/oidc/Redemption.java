package org.heteronym.oidc;

import java.util.Optional;

/** The outcome of presenting a code at the token endpoint. */
public sealed interface Redemption {

    /** The code was valid, unused, for this client, redirect URI and PKCE verifier; it is now spent. */
    record Granted(CodeGrant grant) implements Redemption {
    }

    /**
     * The code was already redeemed: a replay, so whatever it issued must be revoked (RFC 6749 §4.1.2, RFC 9700
     * §4.5.3).
     */
    record Replayed(Optional<IssuedToken> issued) implements Redemption {
    }

    /** Unknown, expired, or bound to another client, redirect URI or verifier: {@code invalid_grant}. */
    record Refused(String reason) implements Redemption {
    }
}
