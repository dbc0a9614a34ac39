package org.heteronym.forum;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.heteronym.forum.ForumFixtures.FORUMS;
import static org.heteronym.forum.ForumFixtures.PROBLEM;
import static org.heteronym.forum.ForumFixtures.asOperator;
import static org.heteronym.forum.ForumFixtures.ec;
import static org.heteronym.forum.ForumFixtures.ed;
import static org.heteronym.forum.ForumFixtures.freshId;
import static org.heteronym.forum.ForumFixtures.inlineKeysForum;
import static org.heteronym.forum.ForumFixtures.jwksUriForum;
import static org.heteronym.forum.ForumFixtures.publicParams;
import static org.heteronym.forum.ForumFixtures.rsa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.heteronym.credential.Profession;
import org.heteronym.testing.LogSearch;
import org.heteronym.testing.StaffTokens;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/** Registering, reading and retiring forums over HTTP, every change in the log; secrets are in ForumSecretTest. */
@QuarkusTest
class ForumAdminTest {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @Inject
    ForumClients clients;

    @Test
    void forumWithAJwksUriIsRegisteredShownAndLogged() throws Exception {
        String id = freshId("medforum");
        Map<String, Object> body = jwksUriForum(id);
        List<String> redirects = List.of("https://" + id + ".example.org/ucp.php?mode=login&login=external",
                "http://localhost:4200/auth/oidc/callback", "http://127.0.0.1:8081/cb", "http://[::1]/cb");
        body.put("redirect_uris", redirects);
        body.put("allowed_professions", List.of("medical-student", "physician"));
        body.put("release_profession", true);
        body.put("backchannel_logout_uri", "https://" + id + ".example.org/oidc/backchannel-logout?x=1");

        asOperator().body(body).post(FORUMS).then().statusCode(201)
                .header("Location", endsWith(FORUMS + "/" + id))
                .body("client_id", equalTo(id))
                .body("client_name", equalTo("Forum " + id))
                .body("token_endpoint_auth_method", equalTo("private_key_jwt"))
                .body("jwks_uri", equalTo(body.get("jwks_uri")))
                .body("$", not(hasKey("jwks")))
                .body("redirect_uris", equalTo(redirects))
                .body("allowed_professions", equalTo(List.of("physician", "medical-student")))
                .body("release_profession", equalTo(true))
                .body("backchannel_logout_uri", equalTo(body.get("backchannel_logout_uri")))
                .body("registered_on", equalTo(TODAY))
                .body("$", not(hasKey("client_secret")))
                .body("$", not(hasKey("retired_on")));
        asOperator().get(FORUMS + "/" + id).then().statusCode(200)
                .body("client_id", equalTo(id)).body("redirect_uris", equalTo(redirects));
        asOperator().get(FORUMS).then().statusCode(200).body("client_id", hasItem(id));

        JsonPath entry = JsonPath.from(LogSearch.forTestProfile().find("forum.registered", "\"" + id + "\""));
        assertEquals(id, entry.getString("forum"));
        assertEquals("Forum " + id, entry.getString("client_name"));
        assertEquals("private_key_jwt", entry.getString("token_endpoint_auth_method"));
        assertEquals(body.get("jwks_uri"), entry.getString("jwks_uri"));
        assertEquals(redirects, entry.getList("redirect_uris"));
        assertEquals(List.of("physician", "medical-student"), entry.getList("allowed_professions"));
        assertTrue(entry.getBoolean("release_profession"));
        assertEquals(body.get("backchannel_logout_uri"), entry.getString("backchannel_logout_uri"));
        assertEquals(TODAY, entry.getString("date"));

        // what the OpenID provider will see
        Forum forum = active(id).orElseThrow();
        assertEquals(redirects, forum.definition().redirectUris());
        assertTrue(forum.definition().allows(Profession.PHYSICIAN));
        assertFalse(forum.definition().allows(Profession.RESIDENT));
        assertTrue(forum.definition().releaseProfession());
        assertEquals(Optional.of(body.get("jwks_uri")),
                ((ClientAuthentication.PrivateKeyJwt) forum.definition().authentication()).jwksUri());
        assertFalse(clients.secretMatches(forum, "anything"));
    }

    @Test
    void inlineKeysOfEachAcceptedTypeAreStoredAndLoggedWithPublicMembersOnly() throws Exception {
        String id = freshId("inline");
        PublicJsonWebKey p256 = ec("p256");
        PublicJsonWebKey ed25519 = ed("ed25519");
        PublicJsonWebKey rsa2048 = rsa("rsa2048", 2048);
        Map<String, Object> withAlg = publicParams(rsa2048);
        withAlg.put("alg", "PS256");
        withAlg.put("use", "sig");
        asOperator().body(inlineKeysForum(id, publicParams(p256), publicParams(ed25519), withAlg)).post(FORUMS)
                .then().statusCode(201)
                .body("$", not(hasKey("jwks_uri")))
                .body("jwks.keys.kid", equalTo(List.of("p256", "ed25519", "rsa2048")))
                .body("jwks.keys[0].x", equalTo(publicParams(p256).get("x")))
                .body("jwks.keys[1].crv", equalTo("Ed25519"))
                .body("jwks.keys[2].n", equalTo(publicParams(rsa2048).get("n")))
                .body("jwks.keys[2].alg", equalTo("PS256"))
                .body("jwks.keys", everyItem(not(hasKey("d"))))
                .body("release_profession", equalTo(false))
                .body("$", not(hasKey("backchannel_logout_uri")));

        JsonPath entry = JsonPath.from(LogSearch.forTestProfile().find("forum.registered", "\"" + id + "\""));
        assertEquals(List.of("p256", "ed25519", "rsa2048"), entry.getList("jwks.keys.kid"));
        assertEquals(publicParams(rsa2048).get("n"), entry.getString("jwks.keys[2].n"));
        assertFalse(entry.prettify().contains("\"d\""));
        var keys = ((ClientAuthentication.PrivateKeyJwt) active(id).orElseThrow().definition().authentication()).jwks();
        assertEquals(3, keys.size());
        assertEquals(p256.getPublicKey(), keys.get(0).getPublicKey());
        assertEquals(rsa2048.getPublicKey(), keys.get(2).getPublicKey());
    }

    @Test
    void retiredForumLogsNobodyInAndItsIdIsNeverReused() throws Exception {
        String id = freshId("retiring");
        asOperator().body(jwksUriForum(id)).post(FORUMS).then().statusCode(201);
        assertTrue(active(id).isPresent());

        asOperator().delete(FORUMS + "/" + id).then().statusCode(200)
                .body("client_id", equalTo(id)).body("retired_on", equalTo(TODAY));
        JsonPath entry = JsonPath.from(LogSearch.forTestProfile().find("forum.retired", "\"" + id + "\""));
        assertEquals(id, entry.getString("forum"));
        assertEquals(TODAY, entry.getString("date"));
        assertTrue(active(id).isEmpty());

        // the record stays, shown as retired, and the id cannot come back for another forum
        asOperator().get(FORUMS + "/" + id).then().statusCode(200).body("retired_on", equalTo(TODAY));
        asOperator().get(FORUMS).then().body("find { it.client_id == '" + id + "' }.retired_on", equalTo(TODAY));
        refused(() -> asOperator().delete(FORUMS + "/" + id), 409, "forum-already-retired");
        refused(() -> asOperator().post(FORUMS + "/" + id + "/secret"), 409, "forum-already-retired");
        refused(() -> asOperator().body(jwksUriForum(id)).post(FORUMS), 409, "forum-duplicate");
    }

    @Test
    void unknownForumsAreNotFound() {
        for (String id : List.of("no-such-forum", "Not_An_Id", "x".repeat(80))) {
            refused(() -> asOperator().get(FORUMS + "/" + id), 404, "forum-no-such-forum");
            refused(() -> asOperator().delete(FORUMS + "/" + id), 404, "forum-no-such-forum");
            refused(() -> asOperator().post(FORUMS + "/" + id + "/secret"), 404, "forum-no-such-forum");
        }
        assertTrue(active("no-such-forum").isEmpty());
        assertTrue(active(null).isEmpty());
        assertTrue(active("' or 1=1 --").isEmpty());
    }

    @Test
    void onlyTheOperatorAdministersForums() throws Exception {
        String id = freshId("roles");
        asOperator().body(jwksUriForum(id)).post(FORUMS).then().statusCode(201);
        String other = freshId("roles-other");
        for (String role : List.of("legal-officer", "trustee", "auditor", "forum", "member")) {
            String token = StaffTokens.withRole(role);
            everyEndpoint(token, other, id, 403);
        }
        everyEndpoint(null, other, id, 401);
        for (String forged : List.of(StaffTokens.signedByAnotherKey("operator"), StaffTokens.expired("operator"),
                StaffTokens.unsigned("operator"), StaffTokens.forAudience("somewhere-else", "operator"),
                StaffTokens.fromIssuer("https://idp.attacker.example", "operator"))) {
            everyEndpoint(forged, other, id, 401);
        }
        // nothing they sent changed anything
        asOperator().get(FORUMS).then().body("client_id", not(hasItem(other)));
        asOperator().get(FORUMS + "/" + id).then().statusCode(200).body("retired_on", nullValue());
    }

    /** Every endpoint with {@code token} (none when null) answers {@code status} with a problem document. */
    private static void everyEndpoint(String token, String newId, String existing, int status) {
        Supplier<RequestSpecification> as = () -> token == null ? given() : given().auth().oauth2(token);
        as.get().contentType("application/json").body(jwksUriForum(newId)).post(FORUMS).then().statusCode(status)
                .contentType("application/problem+json");
        as.get().get(FORUMS).then().statusCode(status).contentType("application/problem+json");
        as.get().get(FORUMS + "/" + existing).then().statusCode(status);
        as.get().delete(FORUMS + "/" + existing).then().statusCode(status);
        as.get().post(FORUMS + "/" + existing + "/secret").then().statusCode(status);
    }

    private Optional<Forum> active(String id) {
        return ForumFixtures.onVertx(() -> clients.active(id));
    }

    static void refused(Supplier<Response> request, int status, String type) {
        request.get().then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + type));
    }
}
