package org.heteronym.oidc.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.heteronym.oidc.AccessTokens;
import org.heteronym.oidc.OAuthError;
import org.heteronym.oidc.OidcEndpoints;
import org.heteronym.oidc.TokenRevocations;
import org.heteronym.oidc.client.ClientAuthenticator;

/**
 * Token revocation (RFC 7009). The forum authenticates as at the token endpoint. An access token issued to that
 * forum is revoked; anything that is not a valid access token of ours (an expired one, an ID token, garbage) is
 * answered 200 with nothing done, as §2.2 asks, since there is nothing left to revoke. A token of another forum is
 * refused: a forum may revoke only its own.
 */
@Path(OidcEndpoints.REVOKE)
public class RevocationResource {

    private final ClientAuthenticator clients;
    private final AccessTokens tokens;
    private final TokenRevocations revocations;

    RevocationResource(ClientAuthenticator clients, AccessTokens tokens, TokenRevocations revocations) {
        this.clients = clients;
        this.tokens = tokens;
        this.revocations = revocations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                MultivaluedMap<String, String> form) {
        return clients.authenticate(authorization, form).chain(forum -> {
            String token = form.getFirst("token");
            if (token == null || token.isEmpty()) {
                throw OAuthError.invalidRequest("token is required");
            }
            AccessTokens.AccessToken access;
            try {
                access = tokens.verify(token);
            } catch (OAuthError notOurs) {
                return Uni.createFrom().voidItem();
            }
            if (!access.clientId().equals(forum.clientId())) {
                throw new OAuthError(OAuthError.Code.UNAUTHORIZED_CLIENT, "the token was issued to another client");
            }
            return revocations.revoke(access.issued());
        }).map(ignored -> Response.ok().header("Cache-Control", "no-store").build());
    }
}
