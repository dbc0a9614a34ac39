package org.heteronym.oidc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.escrow.Pseudonym;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.member.MemberFixture;
import org.heteronym.member.WithMemberFixture;
import org.heteronym.testing.Concurrently;
import org.heteronym.testing.StaffTokens;
import org.junit.jupiter.api.Test;

/**
 * Forum login end to end over real HTTP: enrolled members with real certificates and passkeys, forums registered
 * through the admin API, the authorization endpoint, consent, the token endpoint, userinfo and revocation; ID tokens
 * checked by an independent relying-party library (Nimbus).
 */
@QuarkusTest
class ForumLoginTest extends WithMemberFixture {

    private static final List<String> DOCTORS = List.of("physician", "resident");
    private static final Set<String> ID_TOKEN_CLAIMS = Set.of("iss", "sub", "aud", "iat", "exp", "jti", "nonce", "at_hash",
            "preferred_username", "name", "email", "email_verified");

    @Test
    void aMemberLogsInOnceWithConsentThenStraightThroughAndTheForumSeesOnlyThePseudonym() throws Throwable {
        MemberBrowserless person = enrolled();
        TestForum forum = TestForum.register("login", DOCTORS, false);

        TestForum.Login first = TestForum.Login.fresh();
        Response consentPage = forum.authorize(person, forum.authorizeParams(first));
        consentPage.then().statusCode(200).body(containsString("Forum " + forum.clientId))
                .body(containsString("Allow and log in")).body(not(containsString("Claire")))
                .header("Content-Security-Policy", containsString("form-action 'self' https://" + forum.clientId
                        + ".example.org"));
        assertEquals(1, consentPage.headers().getValues("Content-Security-Policy").size(),
                "one policy: a second, stricter one would be enforced too and stop the form");
        assertEquals(0, pseudonymRows(forum), "nothing is made before the member consents");
        Response back = TestForum.consent(person, consentPage.asString(), "allow");
        back.then().statusCode(303);
        assertEquals(1, pseudonymRows(forum), "the first login made the pseudonym row");
        JsonPath tokens = exchange(forum, forum.code(URI.create(back.header("Location")), first), first);

        IDTokenClaimsSet id = validate(forum, tokens, first);
        assertEquals(ID_TOKEN_CLAIMS, id.toJSONObject().keySet(), "no claim beyond the profile's");
        String sub = id.getSubject().getValue();
        String handle = id.getStringClaim("preferred_username");
        assertEquals(handle, id.getStringClaim("name"));
        assertTrue(handle.matches("[a-z]+-[a-z]+-\\d{4}"), handle);
        assertTrue(id.getStringClaim("email").endsWith("@relay.heteronym.invalid"));
        assertEquals(Boolean.TRUE, id.getBooleanClaim("email_verified"));
        String idToken = tokens.getString("id_token");
        assertFalse(idToken.contains("Claire"));

        given().auth().oauth2(tokens.getString("access_token")).get(OidcEndpoints.USERINFO).then().statusCode(200)
                .body("sub", equalTo(sub)).body("preferred_username", equalTo(handle))
                .body("email", equalTo(id.getStringClaim("email"))).body("email_verified", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("client_id")));

        // a returning member: no consent page, the same pseudonym, handle and address
        TestForum.Login again = TestForum.Login.fresh();
        Response straight = forum.authorize(person, forum.authorizeParams(again));
        straight.then().statusCode(303);
        IDTokenClaimsSet second = validate(forum, exchange(forum,
                forum.code(URI.create(straight.header("Location")), again), again), again);
        assertEquals(sub, second.getSubject().getValue());
        assertEquals(handle, second.getStringClaim("preferred_username"));
        assertEquals(id.getStringClaim("email"), second.getStringClaim("email"));
        assertEquals(1, pseudonymRows(forum), "one pseudonym row per member and forum");

        // prompt=consent asks again; allowing keeps the pseudonym, its handle and its one envelope
        byte[] envelope = envelope(forum);
        TestForum.Login reconsent = TestForum.Login.fresh();
        Map<String, String> params = forum.authorizeParams(reconsent);
        params.put("prompt", "consent");
        Response askedAgain = forum.authorize(person, params);
        askedAgain.then().statusCode(200).body(containsString("Allow and log in"));
        Response allowedAgain = TestForum.consent(person, askedAgain.asString(), "allow");
        IDTokenClaimsSet afterReconsent = validate(forum, exchange(forum,
                forum.code(URI.create(allowedAgain.header("Location")), reconsent), reconsent), reconsent);
        assertEquals(sub, afterReconsent.getSubject().getValue());
        assertEquals(handle, afterReconsent.getStringClaim("preferred_username"));
        assertEquals(1, pseudonymRows(forum));
        assertArrayEquals(envelope, envelope(forum), "the envelope made at the first login stays");

        // a fresh browser session: sign in with the passkey on the way
        MemberBrowserless elsewhere = new MemberBrowserless(person.authenticator);
        TestForum.Login third = TestForum.Login.fresh();
        IDTokenClaimsSet viaSignIn = validate(forum, exchange(forum, forum.code(forum.login(elsewhere, third), third),
                third), third);
        assertEquals(sub, viaSignIn.getSubject().getValue());
    }

    @Test
    void twoForumsCannotLinkOneMember() throws Throwable {
        MemberBrowserless person = enrolled();
        TestForum a = TestForum.register("link-a", DOCTORS, false);
        TestForum b = TestForum.register("link-b", DOCTORS, false);
        IDTokenClaimsSet atA = loginAndValidate(person, a);
        IDTokenClaimsSet atB = loginAndValidate(person, b);
        assertNotEquals(atA.getSubject(), atB.getSubject());
        assertNotEquals(atA.getStringClaim("preferred_username"), atB.getStringClaim("preferred_username"));
        assertNotEquals(atA.getStringClaim("email"), atB.getStringClaim("email"));
        assertEquals(atA.getSubject(), loginAndValidate(person, a).getSubject(), "stable on every repeat");
        assertEquals(atB.getStringClaim("email"), loginAndValidate(person, b).getStringClaim("email"));

        // another member at the same forum is another pseudonym
        IDTokenClaimsSet other = loginAndValidate(enrolled(), a);
        assertNotEquals(atA.getSubject(), other.getSubject());
    }

    @Test
    void theProfessionIsReleasedOnlyWhenThePolicySaysSoAndTheConsentPageSaysIt() throws Throwable {
        MemberBrowserless person = enrolled();
        TestForum forum = TestForum.register("prof", DOCTORS, true);
        TestForum.Login login = TestForum.Login.fresh();
        Response page = forum.authorize(person, forum.authorizeParams(login));
        page.then().statusCode(200).body(containsString("your profession: <strong>physician</strong>"));
        URI back = URI.create(TestForum.consent(person, page.asString(), "allow").header("Location"));
        IDTokenClaimsSet id = validate(forum, exchange(forum, forum.code(back, login), login), login);
        assertEquals("physician", id.getStringClaim("profession"));
    }

    @Test
    void aDisallowedProfessionADeclinedConsentAndASuspensionGetAccessDeniedAndNoCode() throws Throwable {
        TestForum physiciansOnly = TestForum.register("phys", List.of("physician"), false);
        MemberBrowserless resident = fixture.enrolled(fixture.pki.resident("Rémi Interne",
                MemberFixture.freshLicence()));
        TestForum.Login login = TestForum.Login.fresh();
        Response refused = physiciansOnly.authorize(resident, physiciansOnly.authorizeParams(login));
        refused.then().statusCode(403).body(containsString("admits only physicians"));
        URI back = URI.create(refused.htmlPath().getString("**.find { it.@id == 'back' }.@href"));
        assertDenied(physiciansOnly, back, login);
        assertEquals(0, pseudonymRows(physiciansOnly));

        MemberBrowserless person = enrolled();
        TestForum forum = TestForum.register("deny", DOCTORS, false);
        Response page = forum.authorize(person, forum.authorizeParams(login));
        Response declined = TestForum.consent(person, page.asString(), "deny");
        assertDenied(forum, URI.create(declined.header("Location")), login);
        assertEquals(0, pseudonymRows(forum));

        TestHealthPki.Doctor doctor = fixture.pki.physician("Sam Suspendu", MemberFixture.freshLicence());
        MemberBrowserless suspended = fixture.enrolled(doctor);
        loginAndValidate(suspended, forum);
        fixture.pki.revoke(doctor);
        given().auth().oauth2(StaffTokens.operator()).post("/admin/v1/licence-monitor/runs").then().statusCode(200);
        Response blocked = forum.authorize(suspended, forum.authorizeParams(login));
        blocked.then().statusCode(403).body(containsString("suspended"));
        URI suspendedBack = URI.create(blocked.htmlPath().getString("**.find { it.@id == 'back' }.@href"));
        assertDenied(forum, suspendedBack, login);
        assertFalse(suspendedBack.toString().contains("suspend"), "the forum is not told why");
    }

    @Test
    void theAuthorizationEndpointRefusesBadRequestsWithoutRedirectingWhereItMustNot() throws Throwable {
        MemberBrowserless person = enrolled();
        TestForum forum = TestForum.register("authz", DOCTORS, false);
        TestForum.Login login = TestForum.Login.fresh();

        Map<String, String> unregistered = new java.util.LinkedHashMap<>(forum.authorizeParams(login));
        unregistered.put("redirect_uri", "https://attacker.example/cb");
        forum.authorize(person, unregistered).then().statusCode(400).header("Location", equalTo(null))
                .body(containsString("not one this forum registered"));
        Map<String, String> prefixed = new java.util.LinkedHashMap<>(forum.authorizeParams(login));
        prefixed.put("redirect_uri", forum.redirectUri + "/../evil");
        forum.authorize(person, prefixed).then().statusCode(400);
        Map<String, String> unknown = new java.util.LinkedHashMap<>(forum.authorizeParams(login));
        unknown.put("client_id", "no-such-forum");
        forum.authorize(person, unknown).then().statusCode(400).header("Location", equalTo(null));

        assertError(person, forum, login, Map.of("code_challenge", ""), "invalid_request");
        assertError(person, forum, login, Map.of("code_challenge_method", "plain"), "invalid_request");
        assertError(person, forum, login, Map.of("response_type", "token"), "unsupported_response_type");
        assertError(person, forum, login, Map.of("scope", "profile email"), "invalid_scope");
        assertError(person, forum, login, Map.of("request", "eyJ..."), "request_not_supported");
        assertError(new MemberBrowserless(), forum, login, Map.of("prompt", "none"), "login_required");
        assertEquals(0, pseudonymRows(forum));
    }

    @Test
    void theTokenEndpointRefusesWrongPkceReusedExpiredAndForeignCodesAndWrongSecrets() throws Throwable {
        MemberBrowserless person = enrolled();
        TestForum forum = TestForum.register("token", DOCTORS, false);
        TestForum other = TestForum.register("token-other", DOCTORS, false);

        TestForum.Login login = TestForum.Login.fresh();
        String code = forum.code(forum.login(person, login), login);
        oauthError(forum.token(code, null), 400, "invalid_grant");
        oauthError(forum.token(code, TestForum.Login.fresh().verifier()), 400, "invalid_grant");
        oauthError(forum.token(code, login.verifier(), forum.redirectUri + "?x", forum.secret), 400, "invalid_grant");
        oauthError(forum.token(code, login.verifier(), forum.redirectUri, other.secret), 401, "invalid_client")
                .header("WWW-Authenticate", containsString("Basic"));
        oauthError(other.token(code, login.verifier(), forum.redirectUri, other.secret), 400, "invalid_grant");
        oauthError(given().formParam("grant_type", "authorization_code").formParam("code", code)
                .post(OidcEndpoints.TOKEN), 401, "invalid_client");
        oauthError(given().auth().preemptive().basic(forum.clientId, forum.secret).formParam("grant_type", "password")
                .post(OidcEndpoints.TOKEN), 400, "unsupported_grant_type");

        // none of the failures spent it: the legitimate exchange still works, once
        JsonPath tokens = exchange(forum, code, login);
        String accessToken = tokens.getString("access_token");
        given().auth().oauth2(accessToken).get(OidcEndpoints.USERINFO).then().statusCode(200);
        oauthError(forum.token(code, login.verifier()), 400, "invalid_grant")
                .body("error_description", containsString("already used"));
        oauthError(given().auth().oauth2(accessToken).get(OidcEndpoints.USERINFO), 401, "invalid_token")
                .header("WWW-Authenticate", containsString("Bearer"));

        TestForum.Login late = TestForum.Login.fresh();
        String expired = forum.code(forum.login(person, late), late);
        TestForum.expireCode(expired);
        oauthError(forum.token(expired, late.verifier()), 400, "invalid_grant")
                .body("error_description", containsString("expired"));
    }

    @Test
    void tokensAreForTheirAudienceOnlyAndRevocable() throws Throwable {
        MemberBrowserless person = enrolled();
        TestForum a = TestForum.register("aud-a", DOCTORS, false);
        TestForum b = TestForum.register("aud-b", DOCTORS, false);
        TestForum.Login login = TestForum.Login.fresh();
        JsonPath tokens = exchange(a, a.code(a.login(person, login), login), login);
        JWT idToken = JWTParser.parse(tokens.getString("id_token"));
        assertThrows(com.nimbusds.jose.proc.BadJOSEException.class,
                () -> validator(b).validate(idToken, new Nonce(login.nonce())), "forum B refuses forum A's token");
        oauthError(given().auth().oauth2(tokens.getString("id_token")).get(OidcEndpoints.USERINFO), 401,
                "invalid_token");
        String unsigned = tokens.getString("access_token").substring(0,
                tokens.getString("access_token").lastIndexOf('.') + 1);
        oauthError(given().auth().oauth2(unsigned).get(OidcEndpoints.USERINFO), 401, "invalid_token");

        String accessToken = tokens.getString("access_token");
        oauthError(given().auth().preemptive().basic(b.clientId, b.secret).formParam("token", accessToken)
                .post(OidcEndpoints.REVOKE), 400, "unauthorized_client");
        given().auth().oauth2(accessToken).get(OidcEndpoints.USERINFO).then().statusCode(200);
        given().auth().preemptive().basic(a.clientId, a.secret).formParam("token", accessToken)
                .post(OidcEndpoints.REVOKE).then().statusCode(200);
        oauthError(given().auth().oauth2(accessToken).get(OidcEndpoints.USERINFO), 401, "invalid_token");
        given().auth().preemptive().basic(a.clientId, a.secret).formParam("token", "not-a-token")
                .post(OidcEndpoints.REVOKE).then().statusCode(200);
    }

    @Test
    void aConsentPostedWithoutTheMembersSessionCreatesNothingAndAskForSignIn() throws Throwable {
        MemberBrowserless person = enrolled();
        TestForum forum = TestForum.register("csrf", DOCTORS, false);
        TestForum.Login login = TestForum.Login.fresh();
        String page = forum.authorize(person, forum.authorizeParams(login)).then().statusCode(200).extract().asString();
        // the same form, posted from another site: the SameSite=Strict session cookie does not come with it
        Response forged = TestForum.consent(new MemberBrowserless(), page, "allow");
        forged.then().statusCode(303);
        assertEquals("/sign-in", URI.create(forged.header("Location")).getPath());
        assertEquals(0, pseudonymRows(forum), "no pseudonym, no envelope, no code without the member");

        oauthError(given().formParam("token", "anything").post(OidcEndpoints.REVOKE), 401, "invalid_client");
        oauthError(given().get(OidcEndpoints.USERINFO), 401, "invalid_token")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void discoveryDescribesExactlyThisProfile() {
        JsonPath metadata = given().get(OidcEndpoints.DISCOVERY).then().statusCode(200).extract().jsonPath();
        assertEquals("http://localhost", metadata.getString("issuer"));
        assertEquals("http://localhost/oidc/token", metadata.getString("token_endpoint"));
        assertEquals(List.of("pairwise"), metadata.getList("subject_types_supported"));
        assertEquals(List.of("S256"), metadata.getList("code_challenge_methods_supported"));
        assertEquals(List.of("code"), metadata.getList("response_types_supported"));
        assertEquals(List.of("ES256"), metadata.getList("id_token_signing_alg_values_supported"));
        assertEquals(List.of("private_key_jwt", "client_secret_basic"),
                metadata.getList("token_endpoint_auth_methods_supported"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private MemberBrowserless enrolled() throws Throwable {
        return fixture.enrolled(fixture.pki.physician("Claire Médecin", MemberFixture.freshLicence()));
    }

    private IDTokenClaimsSet loginAndValidate(MemberBrowserless person, TestForum forum) throws Throwable {
        TestForum.Login login = TestForum.Login.fresh();
        return validate(forum, exchange(forum, forum.code(forum.login(person, login), login), login), login);
    }

    private static JsonPath exchange(TestForum forum, String code, TestForum.Login login) {
        return forum.token(code, login.verifier()).then().statusCode(200)
                .header("Cache-Control", "no-store").body("token_type", equalTo("Bearer"))
                .extract().jsonPath();
    }

    /** The ID token as a relying party checks it: signature by a published key, issuer, audience, nonce, at_hash. */
    private static IDTokenClaimsSet validate(TestForum forum, JsonPath tokens, TestForum.Login login)
            throws Exception {
        JWT idToken = JWTParser.parse(tokens.getString("id_token"));
        IDTokenClaimsSet claims = validator(forum).validate(idToken, new Nonce(login.nonce()));
        AccessTokenValidator.validate(new BearerAccessToken(tokens.getString("access_token")), JWSAlgorithm.ES256,
                claims.getAccessTokenHash());
        assertTrue(claims.getAccessTokenHash() instanceof AccessTokenHash);
        return claims;
    }

    private static IDTokenValidator validator(TestForum forum) throws Exception {
        JWKSet jwks = JWKSet.parse(given().get(OidcEndpoints.JWKS).then().statusCode(200).extract().asString());
        return new IDTokenValidator(new Issuer("http://localhost"), new ClientID(forum.clientId), JWSAlgorithm.ES256,
                jwks);
    }

    private static void assertDenied(TestForum forum, URI back, TestForum.Login login) {
        Map<String, String> params = TestForum.query(back);
        assertEquals("access_denied", params.get("error"));
        assertEquals(login.state(), params.get("state"));
        assertFalse(params.containsKey("code"));
        assertTrue(back.toString().startsWith(forum.redirectUri));
    }

    private static void assertError(MemberBrowserless person, TestForum forum, TestForum.Login login,
                                    Map<String, String> change, String error) {
        Map<String, String> params = new java.util.LinkedHashMap<>(forum.authorizeParams(login));
        params.putAll(change);
        Response response = forum.authorize(person, params);
        assertEquals(303, response.statusCode(), response.asString());
        URI back = URI.create(response.header("Location"));
        assertTrue(back.toString().startsWith(forum.redirectUri), back.toString());
        assertEquals(error, TestForum.query(back).get("error"));
        assertEquals(login.state(), TestForum.query(back).get("state"));
        assertFalse(TestForum.query(back).containsKey("code"));
    }

    private static io.restassured.response.ValidatableResponse oauthError(Response response, int status,
                                                                          String error) {
        return response.then().statusCode(status).contentType("application/json").body("error", equalTo(error))
                .header("Cache-Control", "no-store");
    }

    private static byte[] envelope(TestForum forum) throws Throwable {
        return Concurrently.await(() -> Panache.withSession(() -> Pseudonym.<Pseudonym>find("key.forumId",
                forum.clientId).singleResult())).envelope;
    }

    private static long pseudonymRows(TestForum forum) throws Throwable {
        return Concurrently.await(() -> Panache.withSession(() -> Pseudonym.count("key.forumId", forum.clientId)));
    }
}
