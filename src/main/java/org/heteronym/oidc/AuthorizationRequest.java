package org.heteronym.oidc;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.heteronym.forum.Forum;

/**
 * An authorization request (OpenID Connect Core §3.1.2.1) in this provider's profile: {@code response_type=code},
 * {@code scope} with {@code openid}, PKCE with S256, and optional {@code state}, {@code nonce} and {@code prompt}.
 * Every parameter may appear once (RFC 6749 §3.1). Request objects and other response modes are refused by name.
 *
 * @param scopes what was asked and is known here ({@code openid}, {@code profile}, {@code email}); others are ignored
 *               (RFC 6749 §3.3)
 * @param prompt the {@code prompt} values asked for ({@code none}, {@code login}, {@code consent},
 *               {@code select_account})
 */
public record AuthorizationRequest(String clientId, String redirectUri, Set<String> scopes, Optional<String> state,
                                   Optional<String> nonce, String codeChallenge, Set<String> prompt) {

    public static final List<String> SUPPORTED_SCOPES = List.of("openid", "profile", "email");
    public static final List<String> SUPPORTED_PROMPTS = List.of("none", "login", "consent", "select_account");
    /** RFC 6749 Appendix A.5: state is VSCHAR; bounded so a request fits in a sign-in redirect. */
    private static final Pattern STATE = Pattern.compile("[\\x20-\\x7e]{1,512}");
    private static final Pattern NONCE = Pattern.compile("[\\x20-\\x7e]{1,255}");

    public AuthorizationRequest {
        scopes = Set.copyOf(scopes);
        prompt = Set.copyOf(prompt);
    }

    /**
     * The client id and redirect URI, each given once: until both are known to belong together, nothing may be
     * redirected.
     */
    public static Target target(Map<String, List<String>> params) {
        String clientId = single(params, "client_id").orElseThrow(() -> new UnknownClientOrRedirect(
                "The request names no client (client_id)."));
        String redirectUri = single(params, "redirect_uri").orElseThrow(() -> new UnknownClientOrRedirect(
                "The request names no redirect_uri."));
        return new Target(clientId, redirectUri);
    }

    /** The client id and redirect URI, unchecked. */
    public record Target(String clientId, String redirectUri) {

        /** This target if {@code forum} registered exactly this redirect URI. */
        public Target checkedAgainst(Forum forum) {
            if (!forum.definition().redirectUris().contains(redirectUri)) {
                throw new UnknownClientOrRedirect("The redirect_uri is not one this forum registered.");
            }
            return this;
        }
    }

    /** The request's other parameters, checked; a failure is an {@link AuthorizationError} to redirect. */
    public static AuthorizationRequest parse(Map<String, List<String>> params, Target target) {
        if (params.containsKey("request")) {
            throw new AuthorizationError("request_not_supported", "request objects are not supported");
        }
        if (params.containsKey("request_uri")) {
            throw new AuthorizationError("request_uri_not_supported", "request_uri is not supported");
        }
        String responseType = required(params, "response_type");
        if (!responseType.equals("code")) {
            throw new AuthorizationError("unsupported_response_type", "only response_type=code is supported");
        }
        single(params, "response_mode").filter(mode -> !mode.equals("query")).ifPresent(mode -> {
            throw AuthorizationError.invalidRequest("only response_mode=query is supported");
        });
        Set<String> asked = new LinkedHashSet<>(Arrays.asList(required(params, "scope").split(" ")));
        if (!asked.contains("openid")) {
            throw new AuthorizationError("invalid_scope", "scope must include openid");
        }
        asked.retainAll(SUPPORTED_SCOPES);
        String challenge = single(params, "code_challenge").orElseThrow(() -> AuthorizationError.invalidRequest(
                "PKCE is required: send code_challenge with code_challenge_method=S256"));
        if (!single(params, "code_challenge_method").orElse("plain").equals("S256")) {
            throw AuthorizationError.invalidRequest("code_challenge_method must be S256");
        }
        if (!Pkce.isChallenge(challenge)) {
            throw AuthorizationError.invalidRequest("code_challenge must be 43 base64url characters (S256)");
        }
        Optional<String> state = checked(params, "state", STATE);
        Optional<String> nonce = checked(params, "nonce", NONCE);
        Set<String> prompt = new LinkedHashSet<>(Arrays.asList(single(params, "prompt").orElse("").split(" ")));
        prompt.remove("");
        if (!SUPPORTED_PROMPTS.containsAll(prompt)) {
            throw AuthorizationError.invalidRequest("prompt may hold " + String.join(", ", SUPPORTED_PROMPTS));
        }
        if (prompt.contains("none") && prompt.size() > 1) {
            throw AuthorizationError.invalidRequest("prompt=none cannot be combined with other values");
        }
        return new AuthorizationRequest(target.clientId(), target.redirectUri(), asked, state, nonce, challenge,
                prompt);
    }

    public String scope() {
        return String.join(" ", SUPPORTED_SCOPES.stream().filter(scopes::contains).toList());
    }

    private static String required(Map<String, List<String>> params, String name) {
        return single(params, name).orElseThrow(() -> AuthorizationError.invalidRequest(name + " is required"));
    }

    private static Optional<String> checked(Map<String, List<String>> params, String name, Pattern pattern) {
        Optional<String> value = single(params, name);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            throw AuthorizationError.invalidRequest(name + " must be 1 to " + (name.equals("state") ? 512 : 255)
                    + " printable ASCII characters");
        }
        return value;
    }

    /** The parameter's one value; empty if absent or empty (RFC 6749 §3.1); refused if repeated. */
    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            if (name.equals("client_id") || name.equals("redirect_uri")) {
                throw new UnknownClientOrRedirect("The request repeats " + name + ".");
            }
            throw AuthorizationError.invalidRequest(name + " is repeated");
        }
        return Optional.of(values.getFirst()).filter(v -> !v.isEmpty());
    }
}
