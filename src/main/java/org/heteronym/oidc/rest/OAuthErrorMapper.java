package org.heteronym.oidc.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.heteronym.oidc.OAuthError;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers an {@link OAuthError} in the protocol's own format, never cached. */
public class OAuthErrorMapper {

    @ServerExceptionMapper
    public Response oauthError(OAuthError e) {
        Response.ResponseBuilder response = Response.status(e.code().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(Map.of("error", e.code().wireName(), "error_description", e.description()));
        return switch (e.code()) {
            case INVALID_CLIENT -> response.header("WWW-Authenticate", "Basic realm=\"heteronym\"").build();
            case INVALID_TOKEN -> response.header("WWW-Authenticate",
                    "Bearer error=\"invalid_token\", error_description=\"" + e.description().replace('"', '\'')
                            + "\"").build();
            default -> response.build();
        };
    }
}
