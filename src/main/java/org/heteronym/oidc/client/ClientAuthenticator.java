package org.heteronym.oidc.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.heteronym.forum.ClientAuthentication;
import org.heteronym.forum.Forum;
import org.heteronym.forum.ForumClients;
import org.heteronym.oidc.FormParams;
import org.heteronym.oidc.OAuthError;

/**
 * Authenticates a forum at the token and revocation endpoints (OpenID Connect Core §9): {@code client_secret_basic}
 * (RFC 6749 §2.3.1) or {@code private_key_jwt} (RFC 7523 §2.2), whichever the forum registered, and only that one.
 * Every failure is the same {@code invalid_client} to the caller, so client ids cannot be probed; only a malformed
 * request (two methods at once) is {@code invalid_request}.
 */
@ApplicationScoped
public class ClientAuthenticator {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** The one description for an unknown, retired or mismatched client, so that none can be told apart. */
    static final String FAILED = "client authentication failed";

    private final ForumClients clients;
    private final ClientAssertions assertions;

    ClientAuthenticator(ForumClients clients, ClientAssertions assertions) {
        this.clients = clients;
        this.assertions = assertions;
    }

    /** The active forum that authenticated this request, or a failed Uni with an {@link OAuthError}. */
    public Uni<Forum> authenticate(String authorization, MultivaluedMap<String, String> form) {
        try {
            return dispatch(authorization, form);
        } catch (OAuthError e) {
            return Uni.createFrom().failure(e);
        }
    }

    private Uni<Forum> dispatch(String authorization, MultivaluedMap<String, String> form) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String assertion = FormParams.single(form, "client_assertion");
        String assertionType = FormParams.single(form, "client_assertion_type");
        if (basic && (assertion != null || assertionType != null) || FormParams.single(form, "client_secret") != null) {
            throw OAuthError.invalidRequest("use exactly one client authentication method: HTTP Basic or a "
                    + "client assertion (client_secret in the body is not supported)");
        }
        if (basic) {
            return secret(authorization.substring(6).strip());
        }
        if (assertion != null) {
            if (!JWT_BEARER.equals(assertionType)) {
                throw OAuthError.invalidClient("client_assertion_type must be " + JWT_BEARER);
            }
            return assertions.verify(assertion, FormParams.single(form, "client_id"));
        }
        throw OAuthError.invalidClient("client authentication is required (client_secret_basic or private_key_jwt)");
    }

    private Uni<Forum> secret(String credentials) {
        String id;
        String secret;
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient("the Basic credentials are not client_id:client_secret");
            }
            // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("the Basic credentials are not base64 of client_id:client_secret");
        }
        return clients.active(id).map(forum -> forum
                .filter(f -> f.definition().authentication() instanceof ClientAuthentication.ClientSecretBasic)
                .filter(f -> clients.secretMatches(f, secret))
                .orElseThrow(() -> OAuthError.invalidClient(FAILED)));
    }
}
