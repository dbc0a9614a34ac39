package org.heteronym.oidc;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.testing.StaffTokens;

/**
 * A forum registered through the admin API with {@code client_secret_basic}, and what its OpenID Connect plug-in does
 * over HTTP: authorization requests with PKCE, state and nonce, and token requests.
 */
public final class TestForum {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");

    public final String clientId;
    public final String secret;
    public final String redirectUri;

    private TestForum(String clientId, String secret, String redirectUri) {
        this.clientId = clientId;
        this.secret = secret;
        this.redirectUri = redirectUri;
    }

    /** What one login attempt keeps between the redirect and the token request. */
    public record Login(String state, String nonce, String verifier, String challenge) {
        public static Login fresh() {
            String verifier = random(48);
            return new Login(random(16), random(16), verifier, Pkce.challengeOf(verifier));
        }
    }

    public static TestForum register(String prefix, List<String> professions, boolean releaseProfession) {
        String id = freshId(prefix);
        return register(id, professions, releaseProfession, "https://" + id + ".example.org/auth/oidc/callback");
    }

    public static TestForum register(String id, List<String> professions, boolean releaseProfession,
                                     String redirect) {
        return register(id, professions, releaseProfession, redirect, null);
    }

    /** A forum that also registered a back-channel logout URI (null for none). */
    public static TestForum register(String id, List<String> professions, boolean releaseProfession,
                                     String redirect, String logoutUri) {
        return register(StaffTokens.operator(), id, professions, releaseProfession, redirect, logoutUri);
    }

    /** Registered by the operator whose bearer token is {@code operatorToken} (a service run as a process). */
    public static TestForum registerAs(String operatorToken, String prefix, List<String> professions) {
        String id = freshId(prefix);
        return register(operatorToken, id, professions, false, "https://" + id + ".example.org/auth/oidc/callback",
                null);
    }

    private static TestForum register(String operatorToken, String id, List<String> professions,
                                      boolean releaseProfession, String redirect, String logoutUri) {
        Map<String, Object> body = new HashMap<>();
        body.put("client_id", id);
        body.put("client_name", "Forum " + id);
        body.put("token_endpoint_auth_method", "client_secret_basic");
        body.put("redirect_uris", List.of(redirect));
        body.put("allowed_professions", professions);
        body.put("release_profession", releaseProfession);
        if (logoutUri != null) {
            body.put("backchannel_logout_uri", logoutUri);
        }
        String secret = given().auth().oauth2(operatorToken).contentType("application/json").body(body)
                .post("/admin/v1/forums").then().statusCode(201).extract().path("client_secret");
        return new TestForum(id, secret, redirect);
    }

    /** A {@code private_key_jwt} forum whose one key is {@code key} (registered inline); it has no secret. */
    public static TestForum withKey(String prefix, org.jose4j.jwk.PublicJsonWebKey key) {
        String id = freshId(prefix);
        Map<String, Object> body = org.heteronym.forum.ForumFixtures.inlineKeysForum(id,
                org.heteronym.forum.ForumFixtures.publicParams(key));
        given().auth().oauth2(StaffTokens.operator()).contentType("application/json").body(body)
                .post("/admin/v1/forums").then().statusCode(201);
        return new TestForum(id, null, "https://" + id + ".example.org/auth/oidc/callback");
    }

    /** The authorization request's parameters, as a forum's plug-in sends them. */
    public Map<String, String> authorizeParams(Login login) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("scope", "openid profile email");
        params.put("state", login.state());
        params.put("nonce", login.nonce());
        params.put("code_challenge", login.challenge());
        params.put("code_challenge_method", "S256");
        return params;
    }

    public Response authorize(MemberBrowserless person, Map<String, String> params) {
        return person.request().queryParams(params).get(OidcEndpoints.AUTHORIZE);
    }

    /**
     * The member's whole way through a login: the authorization request, a passkey sign-in if the session has none,
     * consent if asked; returns where the service sent the browser back to the forum.
     */
    public URI login(MemberBrowserless person, Login login) {
        return follow(person, authorize(person, authorizeParams(login)));
    }

    /** From the authorization endpoint's first answer to the redirect back to the forum, as the member's browser. */
    public static URI follow(MemberBrowserless person, Response response) {
        if (response.statusCode() == 303 && URI.create(response.header("Location")).getPath().equals("/sign-in")) {
            String next = query(URI.create(response.header("Location"))).get("next");
            String back = person.signIn(next).then().statusCode(200).extract().path("next");
            response = person.request().urlEncodingEnabled(false).get(back);
        }
        if (response.statusCode() == 200) {
            response = consent(person, response.asString(), "allow");
        }
        assertEquals(303, response.statusCode(), response.asString());
        return URI.create(response.header("Location"));
    }

    /** Answers the consent page as its form does. */
    public static Response consent(MemberBrowserless person, String page, String decision) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            fields.put(m.group(1), unescape(m.group(2)));
        }
        return person.request().formParams(fields).formParam("decision", decision)
                .post(OidcEndpoints.AUTHORIZE + "/consent");
    }

    /** The code from a redirect back to this forum, after checking it came for this login, from this issuer. */
    public String code(URI back, Login login) {
        assertEquals(redirectUri, back.getScheme() + "://" + back.getHost() + back.getPath());
        Map<String, String> params = query(back);
        assertEquals(login.state(), params.get("state"));
        assertEquals("http://localhost", params.get("iss"), "the test profile's issuer");
        return params.get("code");
    }

    public Response token(String code, String verifier) {
        return token(code, verifier, redirectUri, secret);
    }

    public Response token(String code, String verifier, String redirect, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirect);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return given().auth().preemptive().basic(clientId, clientSecret).formParams(form).post(OidcEndpoints.TOKEN);
    }

    /** Makes an issued code a second past its expiry, as if its lifetime had gone by. */
    public static void expireCode(String code) throws Throwable {
        byte[] hash = AuthorizationCodes.hash(code);
        org.heteronym.testing.Concurrently.await(() -> io.quarkus.hibernate.reactive.panache.Panache.withTransaction(
                () -> io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session
                        .createNativeQuery("update authorization_code set expires_at = now() - interval '1 second'"
                                + " where code_hash = ?1").setParameter(1, hash).executeUpdate())));
    }

    public static Map<String, String> query(URI uri) {
        if (uri.getRawQuery() == null) {
            return Map.of();
        }
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    public static String freshId(String prefix) {
        return prefix + "-" + HexFormat.of().formatHex(bytes(5));
    }

    private static String random(int n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(n));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
