package org.heteronym.oidc.logout;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.member.MemberFixture;
import org.heteronym.member.WithMemberFixture;
import org.heteronym.oidc.OidcEndpoints;
import org.heteronym.oidc.TestForum;
import org.heteronym.testing.Concurrently;
import org.heteronym.testing.StaffTokens;
import org.junit.jupiter.api.Test;

/**
 * A suspension signs the member out of exactly the forums they use: each forum with a back-channel logout URI gets
 * one logout token for the member's pseudonym there (retried if it fails), every forum's access tokens for that
 * pseudonym stop working, and other members and forums are untouched.
 */
@QuarkusTest
class BackChannelLogoutTest extends WithMemberFixture {

    private static final List<String> DOCTORS = List.of("physician");

    @Test
    void aSuspensionSendsLogoutTokensToTheMembersForumsOnlyAndRevokesTheirAccessTokens() throws Throwable {
        Map<String, List<String>> received = new ConcurrentHashMap<>();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = path.equals("/flaky") && failuresLeft.getAndDecrement() > 0;
            if (!fail) {
                received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(body);
            }
            exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
            TestForum steady = forum("bcl-a", base + "/steady");
            TestForum flaky = forum("bcl-b", base + "/flaky");
            TestForum silent = forum("bcl-c", null);
            TestForum othersOnly = forum("bcl-d", base + "/others");

            TestHealthPki.Doctor doctor = fixture.pki.physician("Paul Suspens", MemberFixture.freshLicence());
            MemberBrowserless member = fixture.enrolled(doctor);
            MemberBrowserless other = fixture.enrolled(fixture.pki.physician("Olga Autre",
                    MemberFixture.freshLicence()));
            JsonPath atSteady = login(steady, member);
            login(flaky, member);
            JsonPath atSilent = login(silent, member);
            JsonPath othersToken = login(othersOnly, other);

            fixture.pki.revoke(doctor);
            given().auth().oauth2(StaffTokens.operator()).post("/admin/v1/licence-monitor/runs").then()
                    .statusCode(200);

            awaitDeliveries(received, 2, Duration.ofSeconds(20));
            assertEquals(java.util.Set.of("/steady", "/flaky"), received.keySet());
            assertLogoutToken(received.get("/steady"), steady, subject(atSteady));
            assertEquals(1, received.get("/flaky").size(), "delivered once, after one failed attempt");
            assertEquals(0, failuresLeft.get() + 1, "the first attempt at /flaky failed and was retried");

            for (JsonPath tokens : List.of(atSteady, atSilent)) {
                given().auth().oauth2(tokens.getString("access_token")).get(OidcEndpoints.USERINFO).then()
                        .statusCode(401);
            }
            given().auth().oauth2(othersToken.getString("access_token")).get(OidcEndpoints.USERINFO).then()
                    .statusCode(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long queued;
            do {
                Thread.sleep(100);
                queued = Concurrently.await(() -> Panache.withSession(() -> LogoutDelivery.count()));
            } while (queued > 0 && System.nanoTime() < deadline);
            assertEquals(0L, queued, "the queue is empty once delivered (a row is deleted after its forum answers)");
        } finally {
            receiver.stop(0);
        }
    }

    private static TestForum forum(String prefix, String logoutUri) {
        String id = TestForum.freshId(prefix);
        return TestForum.register(id, DOCTORS, false, "https://" + id + ".example.org/cb", logoutUri);
    }

    private static JsonPath login(TestForum forum, MemberBrowserless person) {
        TestForum.Login login = TestForum.Login.fresh();
        String code = forum.code(forum.login(person, login), login);
        return forum.token(code, login.verifier()).then().statusCode(200).extract().jsonPath();
    }

    private static String subject(JsonPath tokens) throws Exception {
        return JWTParser.parse(tokens.getString("id_token")).getJWTClaimsSet().getSubject();
    }

    private static void assertLogoutToken(List<String> bodies, TestForum forum, String expectedSub)
            throws Exception {
        assertEquals(1, bodies.size());
        String body = bodies.getFirst();
        assertTrue(body.startsWith("logout_token="), body);
        String token = URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.US_ASCII);
        JWKSet jwks = JWKSet.parse(given().get(OidcEndpoints.JWKS).then().statusCode(200).extract().asString());
        LogoutTokenClaimsSet claims = new LogoutTokenValidator(new Issuer("http://localhost"),
                new ClientID(forum.clientId), JWSAlgorithm.ES256, jwks).validate(JWTParser.parse(token));
        assertEquals(expectedSub, claims.getSubject().getValue());
        assertNull(claims.getSessionID());
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals("logout+jwt", jwt.getHeader().getType().getType());
        assertEquals(java.util.Set.of("iss", "aud", "iat", "exp", "jti", "sub", "events"),
                jwt.getJWTClaimsSet().getClaims().keySet(), "nothing else, and no reason");
    }

    private static void awaitDeliveries(Map<String, List<String>> received, int paths, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (received.size() >= paths) {
                Thread.sleep(1500); // and nothing more arrives
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("only " + new ArrayList<>(received.keySet()) + " received a logout token");
    }
}
