package org.heteronym.oidc;

/**
 * An authorization request refused with an error the client is told of by redirect (RFC 6749 §4.1.2.1, OpenID
 * Connect Core §3.1.2.6): {@code invalid_request}, {@code access_denied}, {@code login_required}, …. Only raised once
 * the client id and the redirect URI are known to be registered together; before that nothing is redirected
 * ({@link UnknownClientOrRedirect}).
 */
public final class AuthorizationError extends RuntimeException {

    private final String error;

    public AuthorizationError(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public static AuthorizationError invalidRequest(String description) {
        return new AuthorizationError("invalid_request", description);
    }

    public static AuthorizationError accessDenied(String description) {
        return new AuthorizationError("access_denied", description);
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
