package org.heteronym.oidc.client;

import static org.heteronym.oidc.client.Assertions.ES256;
import static org.heteronym.oidc.client.Assertions.assertion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.heteronym.forum.Forum;
import org.heteronym.forum.ForumFixtures;
import org.heteronym.oidc.OAuthError;
import org.heteronym.oidc.client.Assertions.SecretForum;
import org.heteronym.oidc.client.JwksServer.Answer;
import org.heteronym.testing.Concurrently;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link ClientAuthenticator} called as the token and revocation endpoints call it, with forums registered through
 * the admin API, real keys, the real database and a real forum web server on loopback for JWK Set URIs. Every
 * refusal is checked for its OAuth error code.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAuthenticatorTest {

    private static final OAuthError.Code INVALID_CLIENT = OAuthError.Code.INVALID_CLIENT;
    private static final OAuthError.Code INVALID_REQUEST = OAuthError.Code.INVALID_REQUEST;

    @Inject
    ClientAuthenticator authenticator;
    @Inject
    ClientAssertions assertions;
    @Inject
    ForumJwks jwks;

    private JwksServer server;
    private final Clock clock = new Clock();

    /** Real time, plus however far a test has moved it. */
    private static final class Clock implements InstantSource {
        private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead.get());
        }

        void advance(Duration by) {
            ahead.updateAndGet(d -> d.plus(by));
        }
    }

    @BeforeAll
    void start() throws Exception {
        server = new JwksServer();
        jwks.useClock(clock);
    }

    @AfterAll
    void stop() {
        jwks.useClock(InstantSource.system());
        server.close();
    }

    // --- private_key_jwt with inline keys --------------------------------------------------------------------------

    @Test
    void assertionsSignedWithEachKindOfRegisteredKeyAuthenticate() throws Exception {
        PublicJsonWebKey ec = ForumFixtures.ec("ec-1");
        PublicJsonWebKey ed = ForumFixtures.ed("ed-1");
        PublicJsonWebKey rsa = ForumFixtures.rsa("rsa-1", 2048);
        String id = Assertions.inlineForum(ec, ed, rsa);

        assertEquals(id, withAssertion(assertion(id, ec, ES256)).clientId());
        assertEquals(id, withAssertion(assertion(id, ed, AlgorithmIdentifiers.EDDSA)).clientId());
        assertEquals(id, withAssertion(assertion(id, rsa, AlgorithmIdentifiers.RSA_USING_SHA256)).clientId());
        assertEquals(id, withAssertion(assertion(id, rsa, AlgorithmIdentifiers.RSA_PSS_USING_SHA512)).clientId());
        // the issuer is an accepted audience; so is a list that contains the token endpoint
        withAssertion(assertion(id, ec, ES256, c -> c.setAudience(Assertions.ISSUER)));
        withAssertion(assertion(id, ec, ES256, c -> c.setAudience("https://elsewhere.example", Assertions.TOKEN_URL)));
        // a client_id beside the assertion must name the same forum
        withAssertion(assertion(id, ec, ES256), id);
    }

    @Test
    void withoutAKidEveryKeyOfTheRightTypeIsTried() throws Exception {
        PublicJsonWebKey first = ForumFixtures.ec("a");
        PublicJsonWebKey second = ForumFixtures.ec("b");
        PublicJsonWebKey rsa = ForumFixtures.rsa("c", 2048);
        String id = Assertions.inlineForum(first, rsa, second);

        withAssertion(Assertions.withoutKid(id, second, ES256));
        withAssertion(Assertions.withoutKid(id, first, ES256));
        withAssertion(Assertions.withoutKid(id, rsa, AlgorithmIdentifiers.RSA_USING_SHA384));
        refused(Assertions.withoutKid(id, ForumFixtures.ec("x"), ES256));
    }

    @Test
    void forgedAndMisfittingSignaturesAreRefused() throws Exception {
        PublicJsonWebKey key = ForumFixtures.ec("ec-1");
        PublicJsonWebKey rsa = ForumFixtures.rsa("rsa-1", 2048);
        String id = Assertions.inlineForum(key, rsa);

        refused(Assertions.tampered(assertion(id, key, ES256)));                       // forged
        refused(assertion(id, ForumFixtures.ec("ec-1"), ES256));                       // right kid, another key
        refused(Assertions.unsigned(id));                                              // alg none
        refused(Assertions.hmacWithPublicKey(id, key));                                // HS256 keyed with the public key
        refused(Assertions.hmacWithPublicKey(id, rsa));
        assertTrue(refused(Assertions.relabelled(assertion(id, key, ES256), "RS256"))  // alg that does not fit the key
                .description().contains("signature does not verify"));
        refused(Assertions.relabelled(assertion(id, rsa, "RS256"), "PS256"));
        refused(Assertions.sign(Assertions.claims(id), "RS256", "ec-1", rsa.getPrivateKey()));  // kid of another type
        refused("not.a.jwt");
        refused("x".repeat(ClientAssertions.MAX_LENGTH + 1));
    }

    @Test
    void claimsAreChecked() throws Exception {
        PublicJsonWebKey key = ForumFixtures.ec("ec-1");
        String id = Assertions.inlineForum(key);

        refused(assertion(id, key, ES256, c -> c.setExpirationTimeMinutesInTheFuture(-2)));    // expired
        refused(assertion(id, key, ES256, c -> c.unsetClaim("exp")));                          // no expiry
        refused(assertion(id, key, ES256, c -> c.setExpirationTimeMinutesInTheFuture(10)));    // too far ahead
        refused(assertion(id, key, ES256, c -> c.setNotBeforeMinutesInThePast(-2)));           // nbf ahead
        refused(assertion(id, key, ES256, c -> c.setIssuedAt(                                  // iat ahead
                NumericDate.fromSeconds(Instant.now().plusSeconds(120).getEpochSecond()))));
        assertTrue(refused(assertion(id, key, ES256, c -> c.setIssuedAt(                      // exp before iat
                NumericDate.fromSeconds(Instant.now().plusSeconds(150).getEpochSecond()))))
                .description().contains("iat"));
        refused(assertion(id, key, ES256, c -> c.setAudience("https://other-provider.example/token")));
        refused(assertion(id, key, ES256, c -> c.unsetClaim("aud")));
        refused(assertion(id, key, ES256, c -> c.setSubject("someone-else")));                 // iss ≠ sub
        refused(assertion(id, key, ES256, c -> c.unsetClaim("jti")));
        String valid = assertion(id, key, ES256);
        assertRefused(INVALID_CLIENT, () -> withAssertion(valid, "another-forum"));
        // nbf and iat in the past are fine
        withAssertion(assertion(id, key, ES256, c -> c.setNotBeforeMinutesInThePast(1)));
    }

    @Test
    void aJtiIsSpentOnceEvenAfterItsRowWouldHaveExpired() throws Throwable {
        PublicJsonWebKey key = ForumFixtures.ec("ec-1");
        String id = Assertions.inlineForum(key);

        String once = assertion(id, key, ES256);
        withAssertion(once);
        assertEquals("the client assertion was already used (jti)", refused(once).description());

        // expired ten seconds ago, still within the clock skew: accepted once, and a clean-up in between must not
        // open a window to replay it
        String late = assertion(id, key, ES256, c -> {
            c.setIssuedAt(NumericDate.fromSeconds(Instant.now().minusSeconds(60).getEpochSecond()));
            c.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(10).getEpochSecond()));
        });
        withAssertion(late);
        Concurrently.await(assertions::forgetExpired);
        refused(late);
    }

    @Test
    void unknownRetiredAndSecretForumsCannotUseAssertions() throws Exception {
        PublicJsonWebKey key = ForumFixtures.ec("ec-1");
        String retired = Assertions.inlineForum(key);
        Assertions.retire(retired);
        SecretForum secretForum = SecretForum.register();

        assertEquals(ClientAuthenticator.FAILED, refused(assertion("no-such-forum", key, ES256)).description());
        assertEquals(ClientAuthenticator.FAILED, refused(assertion(retired, key, ES256)).description());
        assertEquals(ClientAuthenticator.FAILED, refused(assertion(secretForum.id(), key, ES256)).description());
    }

    // --- client_secret_basic ---------------------------------------------------------------------------------------

    @Test
    void aSecretForumAuthenticatesWithItsSecretOnly() throws Exception {
        SecretForum forum = SecretForum.register();
        assertEquals(forum.id(), withBasic(basic(forum.id(), forum.secret())).clientId());
        // RFC 6749 §2.3.1: both parts are form-urlencoded, and a client may encode any character
        assertEquals(forum.id(), withBasic(basic(percentEncoded(forum.id()), forum.secret())).clientId());

        OAuthError wrong = assertRefused(INVALID_CLIENT, () -> withBasic(basic(forum.id(), forum.secret() + "x")));
        OAuthError unknown = assertRefused(INVALID_CLIENT, () -> withBasic(basic("no-such-forum", forum.secret())));
        assertEquals(ClientAuthenticator.FAILED, wrong.description());
        assertEquals(wrong.description(), unknown.description());   // ids cannot be probed
        assertRefused(INVALID_CLIENT, () -> withBasic(basic(forum.id(), "")));

        Assertions.retire(forum.id());
        assertRefused(INVALID_CLIENT, () -> withBasic(basic(forum.id(), forum.secret())));
    }

    @Test
    void aKeyForumCannotUseASecret() throws Exception {
        String keyForum = Assertions.inlineForum(ForumFixtures.ec("ec-1"));
        SecretForum other = SecretForum.register();
        assertRefused(INVALID_CLIENT, () -> withBasic(basic(keyForum, other.secret())));
        assertRefused(INVALID_CLIENT, () -> withBasic(basic(keyForum, "")));
    }

    @Test
    void malformedBasicCredentialsAreRefused() {
        assertRefused(INVALID_CLIENT, () -> withBasic("Basic %%%not-base64"));
        assertRefused(INVALID_CLIENT, () -> withBasic("Basic " + base64("no-colon")));
        assertRefused(INVALID_CLIENT, () -> withBasic("Basic "));
        assertRefused(INVALID_CLIENT, () -> withBasic("Basic " + base64("%zz:secret")));   // bad form-urlencoding
    }

    // --- the request as a whole ------------------------------------------------------------------------------------

    @Test
    void exactlyOneMethodIsUsed() throws Exception {
        PublicJsonWebKey key = ForumFixtures.ec("ec-1");
        String keyForum = Assertions.inlineForum(key);
        SecretForum secretForum = SecretForum.register();
        String assertion = assertion(keyForum, key, ES256);

        MultivaluedMap<String, String> both = assertionForm(assertion);
        assertRefused(INVALID_REQUEST, () -> call(basic(secretForum.id(), secretForum.secret()), both));
        MultivaluedMap<String, String> secretInBody = new MultivaluedHashMap<>();
        secretInBody.add("client_id", secretForum.id());
        secretInBody.add("client_secret", secretForum.secret());
        assertRefused(INVALID_REQUEST, () -> call(null, secretInBody));
        MultivaluedMap<String, String> twice = assertionForm(assertion);
        twice.add("client_assertion", assertion);
        assertRefused(INVALID_REQUEST, () -> call(null, twice));

        assertRefused(INVALID_CLIENT, () -> call(null, new MultivaluedHashMap<>()));
        assertRefused(INVALID_CLIENT, () -> call("Bearer something", new MultivaluedHashMap<>()));
        MultivaluedMap<String, String> otherType = assertionForm(assertion);
        otherType.putSingle("client_assertion_type", "urn:example:other");
        assertRefused(INVALID_CLIENT, () -> call(null, otherType));
    }

    // --- keys at a JWK Set URI -------------------------------------------------------------------------------------

    @Test
    void keysAtAJwksUriAreCachedAndARotationIsPickedUp() throws Exception {
        PublicJsonWebKey first = ForumFixtures.ec("k1");
        PublicJsonWebKey second = ForumFixtures.ed("k2");
        String url = server.serve(Answer.keys(first));
        String id = Assertions.jwksUriForum(url);

        withAssertion(assertion(id, first, ES256));
        withAssertion(assertion(id, first, ES256));
        assertEquals(1, server.hits(url), "cached");

        // the forum rotates: a new kid is looked up, but not again within the refetch interval
        server.change(url, Answer.keys(second));
        clock.advance(Duration.ofSeconds(31));
        withAssertion(assertion(id, second, AlgorithmIdentifiers.EDDSA));
        assertEquals(2, server.hits(url));
        refused(assertion(id, first, ES256));                           // the old key is gone
        refused(assertion(id, ForumFixtures.ec("k3"), ES256));          // an unknown kid fetches nothing now
        assertEquals(2, server.hits(url));

        // past the cache time even known keys are fetched again
        clock.advance(Duration.ofMinutes(5));
        withAssertion(assertion(id, second, AlgorithmIdentifiers.EDDSA));
        assertEquals(3, server.hits(url));
    }

    @Test
    void aNewKidWithinTheRefetchIntervalIsRefusedWithoutAFetch() throws Exception {
        PublicJsonWebKey first = ForumFixtures.ec("k1");
        PublicJsonWebKey second = ForumFixtures.ec("k2");
        String url = server.serve(Answer.keys(first));
        String id = Assertions.jwksUriForum(url);
        withAssertion(assertion(id, first, ES256));
        server.change(url, Answer.keys(first, second));

        for (int i = 0; i < 5; i++) {
            refused(assertion(id, second, ES256));
        }
        assertEquals(1, server.hits(url));
        clock.advance(Duration.ofSeconds(31));
        withAssertion(assertion(id, second, ES256));
        assertEquals(2, server.hits(url));
    }

    @Test
    void anUnreachableJwksUriIsRefusedAndNotHammered() throws Exception {
        PublicJsonWebKey key = ForumFixtures.ec("k1");
        String url = server.serve(Answer.status(503));
        String id = Assertions.jwksUriForum(url);

        assertTrue(refused(assertion(id, key, ES256)).description().contains("HTTP 503"));
        for (int i = 0; i < 5; i++) {
            refused(assertion(id, key, ES256));
        }
        assertEquals(1, server.hits(url), "a failure is remembered for the refetch interval");

        server.change(url, Answer.keys(key));
        clock.advance(Duration.ofSeconds(31));
        withAssertion(assertion(id, key, ES256));
        assertEquals(2, server.hits(url));
    }

    @Test
    void concurrentRequestsShareOneFetch() throws Exception {
        PublicJsonWebKey key = ForumFixtures.ec("k1");
        String url = server.serve(Answer.keys(key).late(500));
        String id = Assertions.jwksUriForum(url);

        List<Forum> forums = Concurrently.times(16, () -> {
            try {
                return authenticator.authenticate(null, assertionForm(assertion(id, key, ES256)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(16, forums.size());
        assertEquals(1, server.hits(url));
    }

    @Test
    void badlyServedJwkSetsAreRefused() throws Exception {
        PublicJsonWebKey key = ForumFixtures.ec("k1");
        PublicJsonWebKey other = ForumFixtures.ec("k2");

        assertTrue(refusedAt(Answer.body("{\"keys\":[" + "{\"kty\":\"oct\"},".repeat(5000) + "{}]}"), key)
                .contains("larger than 65536 bytes"));
        assertTrue(refusedAt(Answer.body(new JsonWebKeySet(key, other)
                .toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)), key).contains("not acceptable"));
        assertTrue(refusedAt(Answer.body("not json"), key).contains("not acceptable"));
        assertTrue(refusedAt(Answer.keys(key).late(6_000), key).contains("did not answer within"));
        assertTrue(refusedAt(Answer.keys(key).trickled(), key).contains("did not answer within"));

        String closed = "http://127.0.0.1:1/jwks";   // nothing listens there
        assertTrue(refused(assertion(Assertions.jwksUriForum(closed), key, ES256)).description()
                .contains("could not be reached"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** The description of the refusal of an assertion signed by {@code key} for a forum whose jwks_uri answers so. */
    private String refusedAt(Answer answer, PublicJsonWebKey key) throws Exception {
        String id = Assertions.jwksUriForum(server.serve(answer));
        long started = System.nanoTime();
        String description = refused(assertion(id, key, ES256)).description();
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10, "bounded in time");
        return description;
    }

    private Forum withAssertion(String assertion) {
        return withAssertion(assertion, null);
    }

    private Forum withAssertion(String assertion, String clientId) {
        MultivaluedMap<String, String> form = assertionForm(assertion);
        if (clientId != null) {
            form.add("client_id", clientId);
        }
        return call(null, form);
    }

    private Forum withBasic(String authorization) {
        return call(authorization, new MultivaluedHashMap<>());
    }

    private OAuthError refused(String assertion) {
        return assertRefused(INVALID_CLIENT, () -> withAssertion(assertion));
    }

    private static MultivaluedMap<String, String> assertionForm(String assertion) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("client_assertion_type", ClientAuthenticator.JWT_BEARER);
        form.add("client_assertion", assertion);
        return form;
    }

    /** Authenticates on a Vert.x context, as the endpoints do; an OAuth error is thrown as itself. */
    private Forum call(String authorization, MultivaluedMap<String, String> form) {
        try {
            return Concurrently.await(() -> authenticator.authenticate(authorization, form));
        } catch (OAuthError e) {
            throw e;
        } catch (Throwable e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof OAuthError error) {
                    throw error;
                }
            }
            throw new AssertionError(e);
        }
    }

    private static OAuthError assertRefused(OAuthError.Code code, Runnable call) {
        try {
            call.run();
        } catch (OAuthError e) {
            assertEquals(code, e.code(), e.description());
            return e;
        }
        throw new AssertionError("expected " + code.wireName() + ", but the client authenticated");
    }

    private static String basic(String id, String secret) {
        return "Basic " + base64(id + ":" + secret);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        return out.toString();
    }
}
