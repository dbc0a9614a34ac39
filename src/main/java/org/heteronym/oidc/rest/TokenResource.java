package org.heteronym.oidc.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.heteronym.oidc.OidcEndpoints;
import org.heteronym.oidc.TokenExchange;
import org.heteronym.oidc.client.ClientAuthenticator;

/** The token endpoint (RFC 6749 §3.2): the forum authenticates and exchanges its code for tokens. */
@Path(OidcEndpoints.TOKEN)
public class TokenResource {

    private final ClientAuthenticator clients;
    private final TokenExchange exchange;

    TokenResource(ClientAuthenticator clients, TokenExchange exchange) {
        this.clients = clients;
        this.exchange = exchange;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               MultivaluedMap<String, String> form) {
        return clients.authenticate(authorization, form).chain(forum -> exchange.exchange(forum, form))
                .map(tokens -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", tokens.accessToken());
                    body.put("token_type", "Bearer");
                    body.put("expires_in", tokens.expiresIn());
                    body.put("id_token", tokens.idToken());
                    body.put("scope", tokens.scope());
                    return Response.ok(body).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                            .build();
                });
    }
}
