package org.heteronym.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The redirects back to a forum (RFC 6749 §4.1.2): the code, or the error, with {@code state} and the issuer
 * ({@code iss}, RFC 9207, so a forum that uses several providers can tell which one answered). The parameters are
 * added to the registered redirect URI's own query, if it has one.
 */
public final class AuthorizationResponses {

    private AuthorizationResponses() {
    }

    public static URI code(String redirectUri, String code, Optional<String> state, String issuer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        state.ifPresent(s -> params.put("state", s));
        params.put("iss", issuer);
        return to(redirectUri, params);
    }

    public static URI error(String redirectUri, AuthorizationError error, Optional<String> state, String issuer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.error());
        params.put("error_description", error.description());
        state.ifPresent(s -> params.put("state", s));
        params.put("iss", issuer);
        return to(redirectUri, params);
    }

    private static URI to(String redirectUri, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(redirectUri + (redirectUri.contains("?") ? "&" : "?") + query);
    }
}
