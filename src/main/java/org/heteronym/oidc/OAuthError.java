package org.heteronym.oidc;

/**
 * An OAuth 2.0 error (RFC 6749 §5.2, RFC 6750 §3.1, RFC 7009 §2.2.1) answered by the token, revocation and userinfo
 * endpoints as {@code {"error", "error_description"}}. Protocol endpoints speak the protocol's error format, not
 * problem+json: that is what relying-party libraries parse.
 */
public final class OAuthError extends RuntimeException {

    /** The registered error codes this provider uses, with the HTTP status each is answered with. */
    public enum Code {
        INVALID_REQUEST("invalid_request", 400),
        /** Client authentication failed (RFC 6749 §5.2): 401 with a {@code WWW-Authenticate} challenge. */
        INVALID_CLIENT("invalid_client", 401),
        INVALID_GRANT("invalid_grant", 400),
        UNAUTHORIZED_CLIENT("unauthorized_client", 400),
        UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
        INVALID_SCOPE("invalid_scope", 400),
        /** A bearer token that is missing, malformed, expired or revoked (RFC 6750 §3.1). */
        INVALID_TOKEN("invalid_token", 401),
        UNSUPPORTED_TOKEN_TYPE("unsupported_token_type", 400);

        private final String wireName;
        private final int status;

        Code(String wireName, int status) {
            this.wireName = wireName;
            this.status = status;
        }

        public String wireName() {
            return wireName;
        }

        public int status() {
            return status;
        }
    }

    private final Code code;

    public OAuthError(Code code, String description) {
        super(description, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public String description() {
        return getMessage();
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(Code.INVALID_REQUEST, description);
    }

    public static OAuthError invalidClient(String description) {
        return new OAuthError(Code.INVALID_CLIENT, description);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError(Code.INVALID_GRANT, description);
    }
}
