package org.heteronym.oidc.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.heteronym.oidc.SigningKeys;

/** The OpenID provider's public signing keys (RFC 7517 JWK Set), for forums to verify ID tokens. */
@Path("/oidc/jwks")
public class JwksResource {

    private final SigningKeys keys;

    JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    /** Cacheable for five minutes: a key is published well before it signs (see {@link SigningKeys}). */
    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.jwks()).cacheControl(cache).header("Access-Control-Allow-Origin", "*").build();
    }
}
