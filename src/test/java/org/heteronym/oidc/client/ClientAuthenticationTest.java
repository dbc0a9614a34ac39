package org.heteronym.oidc.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.heteronym.forum.ForumFixtures;
import org.heteronym.oidc.OidcEndpoints;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Client authentication at the token endpoint, attacked. A forum that authenticates gets past it to the grant check
 * ({@code invalid_grant} for the made-up code these requests carry); one that does not gets {@code invalid_client}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAuthenticationTest {

    private static final String TOKEN_URL = "http://localhost" + OidcEndpoints.TOKEN;
    private static final String ES256 = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;

    private HttpServer jwksServer;
    private final AtomicReference<String> served = new AtomicReference<>();

    @BeforeAll
    void startJwksServer() throws Exception {
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksServer.createContext("/jwks", exchange -> {
            String body = served.get();
            if (body == null) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        jwksServer.start();
    }

    @AfterAll
    void stopJwksServer() {
        jwksServer.stop(0);
    }

    @Test
    void signedAssertionsWithInlineKeysOfEachTypeAuthenticate() throws Exception {
        PublicJsonWebKey ec = ForumFixtures.ec("ec-1");
        PublicJsonWebKey ed = ForumFixtures.ed("ed-1");
        PublicJsonWebKey rsa = ForumFixtures.rsa("rsa-1", 2048);
        String id = inlineForum(ec, ed, rsa);
        authenticated(assertion(id, ec, ES256, c -> { }));
        authenticated(assertion(id, ed, AlgorithmIdentifiers.EDDSA, c -> { }));
        authenticated(assertion(id, rsa, AlgorithmIdentifiers.RSA_USING_SHA256, c -> { }));
        authenticated(assertion(id, rsa, AlgorithmIdentifiers.RSA_PSS_USING_SHA256, c -> { }));
        // the issuer URL is an accepted audience too (RFC 7523bis)
        authenticated(assertion(id, ec, ES256, c -> c.setAudience("http://localhost")));
    }

    @Test
    void forgedMisdirectedStaleAndReplayedAssertionsAreRefused() throws Exception {
        PublicJsonWebKey key = ForumFixtures.ec("ec-1");
        PublicJsonWebKey other = ForumFixtures.ec("ec-1");
        String id = inlineForum(key);

        refused(assertion(id, other, ES256, c -> { }));                       // another key under the kid
        String[] parts = assertion(id, key, ES256, c -> { }).split("\\.");
        refused(parts[0] + "." + tamper(parts[1]) + "." + parts[2]);          // claims changed after signing
        refused(unsigned(id));                                                // alg none
        refused(hmacWithPublicKey(id, key));                                  // HS256 keyed with the public key
        refused(relabelled(assertion(id, key, ES256, c -> { }), "RS256"));   // alg that does not fit the key
        refused(assertion(id, key, ES256, c -> c.setExpirationTimeMinutesInTheFuture(-2)));
        refused(assertion(id, key, ES256, c -> c.setExpirationTimeMinutesInTheFuture(60)));
        refused(assertion(id, key, ES256, c -> c.setAudience("https://other-provider.example/token")));
        refused(assertion(id, key, ES256, c -> c.setSubject("someone-else")));
        refused(assertion(id, key, ES256, c -> c.unsetClaim("jti")));
        refused(assertion(id, key, ES256, c -> c.unsetClaim("exp")));

        String once = assertion(id, key, ES256, c -> { });
        authenticated(once);
        refused(once);                                                        // the jti is spent

        refused(assertion("no-such-forum", key, ES256, c -> { }));
        token(given().formParam("client_id", "someone-else")
                .formParam("client_assertion_type", ClientAuthenticator.JWT_BEARER)
                .formParam("client_assertion", assertion(id, key, ES256, c -> { })))
                .statusCode(401).body("error", equalTo("invalid_client"));
        token(given().formParam("client_assertion_type", "urn:example:other")
                .formParam("client_assertion", assertion(id, key, ES256, c -> { })))
                .statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void methodsAreNotMixedOrSwapped() throws Exception {
        PublicJsonWebKey key = ForumFixtures.ec("ec-1");
        String keyForum = inlineForum(key);
        String secretForum = ForumFixtures.freshId("secret");
        String secret = ForumFixtures.asOperator().body(ForumFixtures.secretForum(secretForum))
                .post(ForumFixtures.FORUMS).then().statusCode(201).extract().path("client_secret");

        token(given().auth().preemptive().basic(secretForum, secret)).statusCode(400)
                .body("error", equalTo("invalid_grant"));
        token(given().auth().preemptive().basic(secretForum, secret + "x")).statusCode(401)
                .body("error", equalTo("invalid_client")).header("WWW-Authenticate", containsString("Basic"));
        token(given().auth().preemptive().basic(keyForum, secret)).statusCode(401);
        token(given().header("Authorization", "Basic %%%not-base64")).statusCode(401);
        token(given().header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)))).statusCode(401);
        token(given()).statusCode(401).body("error", equalTo("invalid_client"));
        token(given().formParam("client_id", secretForum).formParam("client_secret", secret)).statusCode(400)
                .body("error", equalTo("invalid_request"));
        token(given().auth().preemptive().basic(secretForum, secret)
                .formParam("client_assertion_type", ClientAuthenticator.JWT_BEARER)
                .formParam("client_assertion", assertion(keyForum, key, ES256, c -> { })))
                .statusCode(400).body("error", equalTo("invalid_request"));

        // a secret forum cannot authenticate with an assertion, whatever key signs it; a retired one not at all
        refused(assertion(secretForum, key, ES256, c -> { }));
        ForumFixtures.asOperator().delete(ForumFixtures.FORUMS + "/" + secretForum).then().statusCode(200);
        token(given().auth().preemptive().basic(secretForum, secret)).statusCode(401);
    }

    @Test
    void keysAtAJwksUriAreFetchedCachedAndMustBeServedWellFormed() throws Exception {
        PublicJsonWebKey first = ForumFixtures.ec("k1");
        PublicJsonWebKey second = ForumFixtures.ec("k2");
        served.set(new JsonWebKeySet(first).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        String id = jwksUriForum();
        authenticated(assertion(id, first, ES256, c -> { }));

        served.set(null);
        authenticated(assertion(id, first, ES256, c -> { }));   // from the cache while the server is down
        refused(assertion(id, second, ES256, c -> { }));        // a kid the cache lacks, within the refetch interval

        String down = jwksUriForum();
        refused(assertion(down, first, ES256, c -> { }));       // cannot be fetched
        served.set("{\"keys\":[" + "{\"kty\":\"oct\"},".repeat(5000) + "{}]}");
        refused(assertion(down, first, ES256, c -> { }));       // larger than 64 KiB
        served.set(new JsonWebKeySet(first, second).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        refused(assertion(down, first, ES256, c -> { }));       // carries private keys
        served.set(new JsonWebKeySet(first, second).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        authenticated(assertion(down, second, ES256, c -> { }));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private String jwksUriForum() {
        String id = ForumFixtures.freshId("jwks");
        Map<String, Object> body = ForumFixtures.jwksUriForum(id);
        body.put("jwks_uri", "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks");
        ForumFixtures.asOperator().body(body).post(ForumFixtures.FORUMS).then().statusCode(201);
        return id;
    }

    @SuppressWarnings("unchecked")
    private static String inlineForum(PublicJsonWebKey... keys) {
        String id = ForumFixtures.freshId("pkjwt");
        Map<String, Object>[] params = Arrays.stream(keys).map(ForumFixtures::publicParams).toArray(Map[]::new);
        ForumFixtures.asOperator().body(ForumFixtures.inlineKeysForum(id, params)).post(ForumFixtures.FORUMS)
                .then().statusCode(201);
        return id;
    }

    private static JwtClaims claims(String clientId) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(clientId);
        claims.setSubject(clientId);
        claims.setAudience(TOKEN_URL);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(2);
        return claims;
    }

    private static String assertion(String clientId, PublicJsonWebKey key, String alg, Consumer<JwtClaims> change)
            throws Exception {
        JwtClaims claims = claims(clientId);
        change.accept(claims);
        return sign(claims, alg, key.getKeyId(), key.getPrivateKey());
    }

    private static String sign(JwtClaims claims, String alg, String kid, java.security.Key key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setKey(key);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return jws.getCompactSerialization();
    }

    private static String unsigned(String clientId) throws Exception {
        return sign(claims(clientId), AlgorithmIdentifiers.NONE, null, null);
    }

    /** The classic key-confusion forgery: HMAC keyed with the bytes of the forum's public key. */
    private static String hmacWithPublicKey(String clientId, PublicJsonWebKey key) throws Exception {
        return sign(claims(clientId), AlgorithmIdentifiers.HMAC_SHA256, key.getKeyId(),
                new HmacKey(key.getPublicKey().getEncoded()));
    }

    /** The same signature under a header naming another algorithm. */
    private static String relabelled(String jws, String alg) {
        String[] p = jws.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(p[0]), StandardCharsets.UTF_8)
                .replaceFirst("\"alg\":\"[^\"]+\"", "\"alg\":\"" + alg + "\"");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + "." + p[1] + "." + p[2];
    }

    private static String tamper(String payload) {
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.replace("\"exp\":", "\"extra\":1,\"exp\":").getBytes(StandardCharsets.UTF_8));
    }

    private static ValidatableResponse token(RequestSpecification request) {
        return request.formParams(Map.of("grant_type", "authorization_code", "code", "made-up-code",
                "redirect_uri", "https://forum.example/cb", "code_verifier", "a".repeat(43)))
                .post(OidcEndpoints.TOKEN).then();
    }

    private static void authenticated(String assertion) {
        withAssertion(assertion).statusCode(400).body("error", equalTo("invalid_grant"));
    }

    private static void refused(String assertion) {
        withAssertion(assertion).statusCode(401).body("error", equalTo("invalid_client"));
    }

    private static ValidatableResponse withAssertion(String assertion) {
        return token(given().formParam("client_assertion_type", ClientAuthenticator.JWT_BEARER)
                .formParam("client_assertion", assertion));
    }
}
