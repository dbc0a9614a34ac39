package org.heteronym.oidc.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.oidc.AuthorizationRequest;
import org.heteronym.oidc.OidcEndpoints;

/**
 * OpenID Connect Discovery 1.0 provider metadata: everything a forum's OIDC plug-in needs, so that an issuer URL, a
 * client id and a secret or key are its whole configuration. Only what is implemented is advertised.
 */
@Path(OidcEndpoints.DISCOVERY)
public class DiscoveryResource {

    private static final List<String> CLIENT_AUTH = List.of("private_key_jwt", "client_secret_basic");
    private static final List<String> ASSERTION_ALGS = List.of("ES256", "EdDSA", "RS256", "RS384", "RS512", "PS256",
            "PS384", "PS512");

    private final Map<String, Object> metadata;

    DiscoveryResource(@ConfigProperty(name = "heteronym.public-url") String issuer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", issuer);
        m.put("authorization_endpoint", issuer + OidcEndpoints.AUTHORIZE);
        m.put("token_endpoint", issuer + OidcEndpoints.TOKEN);
        m.put("userinfo_endpoint", issuer + OidcEndpoints.USERINFO);
        m.put("jwks_uri", issuer + OidcEndpoints.JWKS);
        m.put("revocation_endpoint", issuer + OidcEndpoints.REVOKE);
        m.put("scopes_supported", AuthorizationRequest.SUPPORTED_SCOPES);
        m.put("response_types_supported", List.of("code"));
        m.put("response_modes_supported", List.of("query"));
        m.put("grant_types_supported", List.of("authorization_code"));
        m.put("subject_types_supported", List.of("pairwise"));
        m.put("id_token_signing_alg_values_supported", List.of("ES256"));
        m.put("token_endpoint_auth_methods_supported", CLIENT_AUTH);
        m.put("token_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGS);
        m.put("revocation_endpoint_auth_methods_supported", CLIENT_AUTH);
        m.put("revocation_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGS);
        m.put("code_challenge_methods_supported", List.of("S256"));
        m.put("prompt_values_supported", AuthorizationRequest.SUPPORTED_PROMPTS);
        m.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "nonce", "at_hash",
                "preferred_username", "name", "email", "email_verified", "profession"));
        m.put("claims_parameter_supported", false);
        m.put("request_parameter_supported", false);
        m.put("request_uri_parameter_supported", false);
        m.put("authorization_response_iss_parameter_supported", true);
        m.put("backchannel_logout_supported", true);
        m.put("backchannel_logout_session_supported", false);
        this.metadata = java.util.Collections.unmodifiableMap(m);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response metadata() {
        return Response.ok(metadata).header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*").build();
    }
}
