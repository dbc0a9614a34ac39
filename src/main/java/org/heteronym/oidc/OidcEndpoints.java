package org.heteronym.oidc;

/**
 * Where the provider's endpoints live, relative to the issuer ({@code heteronym.public-url}). Discovery publishes
 * them; client assertions name the token endpoint as their audience.
 */
public final class OidcEndpoints {

    public static final String DISCOVERY = "/.well-known/openid-configuration";
    public static final String AUTHORIZE = "/oidc/authorize";
    public static final String TOKEN = "/oidc/token";
    public static final String USERINFO = "/oidc/userinfo";
    public static final String JWKS = "/oidc/jwks";
    public static final String REVOKE = "/oidc/revoke";

    private OidcEndpoints() {
    }
}
