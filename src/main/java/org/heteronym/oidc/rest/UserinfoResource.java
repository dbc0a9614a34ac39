package org.heteronym.oidc.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.heteronym.oidc.AccessTokens;
import org.heteronym.oidc.OAuthError;
import org.heteronym.oidc.OidcEndpoints;
import org.heteronym.oidc.TokenRevocations;

/**
 * The userinfo endpoint (OpenID Connect Core §5.3): the bearer access token's pseudonym and released claims, as
 * JSON. Only the {@code Authorization: Bearer} header is accepted (RFC 6750 §2.1), never a token in a query string.
 */
@Path(OidcEndpoints.USERINFO)
public class UserinfoResource {

    private final AccessTokens tokens;
    private final TokenRevocations revocations;

    UserinfoResource(AccessTokens tokens, TokenRevocations revocations) {
        this.tokens = tokens;
        this.revocations = revocations;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userinfo(authorization);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userinfo(authorization);
    }

    private Uni<Response> userinfo(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new OAuthError(OAuthError.Code.INVALID_TOKEN, "send the access token as a Bearer token");
        }
        AccessTokens.AccessToken token = tokens.verify(authorization.substring(7).strip());
        return revocations.isRevoked(token).map(revoked -> {
            if (revoked) {
                throw new OAuthError(OAuthError.Code.INVALID_TOKEN, "the access token has been revoked");
            }
            Map<String, Object> body = new LinkedHashMap<>(token.memberClaims());
            body.put("sub", token.subject());
            return Response.ok(body).header("Cache-Control", "no-store").build();
        });
    }
}
