package org.heteronym.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.heteronym.credential.AttestationTestIssuer.b64;
import static org.heteronym.credential.AttestationTestIssuer.disclosure;
import static org.heteronym.credential.AttestationTestIssuer.ecKey;
import static org.heteronym.credential.AttestationTestIssuer.edKey;
import static org.heteronym.credential.AttestationTestIssuer.issue;
import static org.heteronym.credential.AttestationTestIssuer.present;
import static org.heteronym.credential.AttestationTestIssuer.publicParams;
import static org.heteronym.credential.AttestationTestIssuer.statusListToken;
import static org.heteronym.credential.RegistryTestSupport.PROBLEM;
import static org.heteronym.credential.RegistryTestSupport.asOperator;
import static org.heteronym.credential.RegistryTestSupport.freshId;
import static org.heteronym.credential.RegistryTestSupport.refusalOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.heteronym.testing.LogSearch;
import org.heteronym.testing.StaffTokens;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LicensingAuthorityAdminTest {

    static final String VCT = "https://licences.example.org/medical-licence";
    static final String AUDIENCE = "https://heteronym.example/enroll";
    static final byte[] CHALLENGE = "challenge-registry-attestation".getBytes(StandardCharsets.US_ASCII);

    static TokenServer server;
    static String base;
    static final Map<String, String> served = new ConcurrentHashMap<>();
    static final AtomicInteger requests = new AtomicInteger();

    @Inject
    CredentialVerification verification;

    @BeforeAll
    static void statusListServer() throws Exception {
        server = new TokenServer(served, requests);
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> authority(String id, String issuer, PublicJsonWebKey... keys) {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (PublicJsonWebKey key : keys) {
            jwks.add(publicParams(key));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("issuer", issuer);
        body.put("jwks", Map.of("keys", jwks));
        body.put("vcts", List.of(VCT));
        body.put("professions", Map.of("physician", "physician", "student", "medical-student"));
        body.put("status_list_prefixes", List.of(base + id + "/"));
        return body;
    }

    private static String presentation(PublicJsonWebKey issuerKey, String issuer, String statusUri) throws Exception {
        PublicJsonWebKey holder = ecKey("holder");
        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("iss", issuer);
        clear.put("vct", VCT);
        clear.put("cnf", Map.of("jwk", publicParams(holder)));
        clear.put("status", Map.of("status_list", Map.of("idx", 0, "uri", statusUri)));
        List<String> disclosures = List.of(disclosure("licence_number", "MD-77"), disclosure("given_name", "Ada"),
                disclosure("family_name", "Lovelace"), disclosure("profession", "student"));
        return present(issue(issuerKey, clear, disclosures), disclosures, holder, b64(CHALLENGE), AUDIENCE,
                Instant.now().minusSeconds(5));
    }

    @Test
    void registeredAuthorityVerifiesUntilRetiredAndEveryChangeIsLogged() throws Exception {
        String id = freshId("council");
        String issuer = "https://" + id + ".example.org";
        PublicJsonWebKey key = ecKey("council-1");
        Instant now = Instant.now();
        String listUri = base + id + "/list";
        served.put("/" + id + "/list", statusListToken(key, issuer, listUri, 1, new int[] {0},
                now.minusSeconds(60), now.plusSeconds(3600)));

        asOperator().body(authority(id, issuer, key)).post("/admin/v1/licensing-authorities").then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("issuer", equalTo(issuer))
                .body("jwks.keys[0].kid", equalTo("council-1"))
                .body("jwks.keys[0].d", nullValue())
                .body("claims.licence_number", equalTo("licence_number"))
                .body("professions.student", equalTo("medical-student"))
                .body("status_list_prefixes[0]", equalTo(base + id + "/"));
        asOperator().get("/admin/v1/licensing-authorities").then().statusCode(200).body("id", hasItem(id));
        LogSearch log = LogSearch.forTestProfile();
        JsonPath entry = JsonPath.from(log.find("licensing-authority.registered", id));
        assertEquals(issuer, entry.getString("issuer"));
        assertEquals(publicParams(key).get("x"), entry.getString("jwks.keys[0].x"));
        assertEquals(List.of(base + id + "/"), entry.getList("status_list_prefixes"));

        VerifiedCredential credential = verification.verifyAttestation(presentation(key, issuer, listUri), CHALLENGE,
                AUDIENCE).await().atMost(Duration.ofSeconds(20));
        assertEquals(id, credential.authority());
        assertEquals(Profession.MEDICAL_STUDENT, credential.profession());
        assertTrue(verification.authority(id).isPresent());

        // a status list outside the registered prefix is never fetched
        String elsewhere = base + "elsewhere/" + id;
        served.put("/elsewhere/" + id, statusListToken(key, issuer, elsewhere, 1, new int[] {0},
                now.minusSeconds(60), now.plusSeconds(3600)));
        int fetched = requests.get();
        assertEquals(RefusalReason.UNTRUSTED_STATUS_LIST, refusalOf(verification.verifyAttestation(
                presentation(key, issuer, elsewhere), CHALLENGE, AUDIENCE)));
        assertEquals(fetched, requests.get());

        // an active issuer cannot be registered twice
        asOperator().body(authority(freshId("council-again"), issuer, key)).post("/admin/v1/licensing-authorities")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "credential-duplicate"));

        asOperator().delete("/admin/v1/licensing-authorities/" + id).then().statusCode(200)
                .body("retired_on", equalTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()));
        assertEquals(id, JsonPath.from(log.find("licensing-authority.retired", id)).getString("authority"));
        assertEquals(RefusalReason.UNKNOWN_ISSUER, refusalOf(verification.verifyAttestation(
                presentation(key, issuer, listUri), CHALLENGE, AUDIENCE)));
        assertFalse(verification.authority(id).isPresent());
        asOperator().delete("/admin/v1/licensing-authorities/" + id).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "credential-already-retired"));
        asOperator().delete("/admin/v1/licensing-authorities/nobody").then().statusCode(404)
                .body("type", equalTo(PROBLEM + "credential-no-such-authority"));

        // once retired, the issuer may come back under a new id (a key rotation, say), never under the old id
        asOperator().body(authority(id, issuer, key)).post("/admin/v1/licensing-authorities").then()
                .statusCode(409).body("type", equalTo(PROBLEM + "credential-duplicate"));
        String successor = freshId("council-next");
        asOperator().body(authority(successor, issuer, ecKey("council-2"))).post("/admin/v1/licensing-authorities")
                .then().statusCode(201);
        asOperator().delete("/admin/v1/licensing-authorities/" + successor).then().statusCode(200);
    }

    @Test
    void badDefinitionsAreRefusedAndLeaveNoRowAndNoLogEntry() throws Exception {
        LogSearch log = LogSearch.forTestProfile();
        long before = log.size();
        String id = freshId("bad-authority");
        String issuer = "https://" + id + ".example.org";
        PublicJsonWebKey key = ecKey("k1");

        Map<String, Object> body = authority(id, issuer, key);
        Map<String, Object> withPrivate = new HashMap<>(publicParams(key));
        withPrivate.put("d", key.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE).get("d"));
        body.put("jwks", Map.of("keys", List.of(withPrivate)));
        refused(body, 400, "credential-bad-key");
        PublicJsonWebKey rsa = RsaJwkGenerator.generateJwk(2048);
        body.put("jwks", Map.of("keys", List.of(publicParams(rsa))));
        refused(body, 400, "credential-bad-key");
        body = authority(id, issuer, ecKey(null), edKey(null));
        refused(body, 400, "credential-bad-key");
        body = authority(id, issuer, ecKey("same"), edKey("same"));
        refused(body, 400, "credential-bad-key");
        Map<String, Object> offCurve = new HashMap<>(publicParams(key));
        offCurve.put("y", offCurve.get("x"));
        body.put("jwks", Map.of("keys", List.of(offCurve)));
        refused(body, 400, "credential-bad-key");
        body.put("jwks", List.of(publicParams(key)));
        refused(body, 400, "credential-bad-key");
        // an Ed25519 key whose x is not 32 bytes, and one that is the neutral point (small order)
        Map<String, Object> shortEd = new HashMap<>(publicParams(edKey("ed")));
        shortEd.put("x", ((String) shortEd.get("x")).substring(0, 40));
        body.put("jwks", Map.of("keys", List.of(shortEd)));
        refused(body, 400, "credential-bad-key");
        Map<String, Object> neutral = new HashMap<>(publicParams(edKey("ed")));
        byte[] identity = new byte[32];
        identity[0] = 1;
        neutral.put("x", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(identity));
        body.put("jwks", Map.of("keys", List.of(neutral)));
        refused(body, 400, "credential-bad-key");
        body.put("jwks", Map.of("keys", List.of()));
        refused(body, 400, "credential-bad-key");

        body = authority(id, issuer, key);
        body.put("professions", Map.of("physician", "surgeon"));
        refused(body, 400, "credential-bad-rule");
        body = authority(id, issuer, key);
        body.put("claims", Map.of("licence", "lic"));
        refused(body, 400, "credential-bad-rule");
        body = authority(id, issuer, key);
        body.put("vcts", List.of());
        refused(body, 400, "credential-bad-rule");
        body = authority(id, " ", key);
        refused(body, 400, "credential-bad-rule");

        for (String prefix : List.of("http://status.example.org/", "https://status.example.org",
                "https://status.example.org/lists", "https://user@status.example.org/", "not a uri")) {
            body = authority(id, issuer, key);
            body.put("status_list_prefixes", List.of(prefix));
            refused(body, 400, "credential-bad-status-list-prefix");
        }
        refused(authority("Bad_Id", issuer, key), 400, "credential-bad-id");

        List<String> listed = asOperator().get("/admin/v1/licensing-authorities").then().extract().jsonPath()
                .getList("id");
        assertFalse(listed.contains(id));
        assertTrue(log.entriesSince(before).stream().noneMatch(e -> e.contains(id) || e.contains("Bad_Id")));
    }

    @Test
    void onlyTheOperatorAdministersLicensingAuthorities() throws Exception {
        String id = freshId("roles");
        Map<String, Object> body = authority(id, "https://" + id + ".example.org", ecKey("k"));
        for (String role : List.of("legal-officer", "trustee", "auditor", "forum", "member")) {
            String token = StaffTokens.withRole(role);
            given().auth().oauth2(token).contentType("application/json").body(body)
                    .post("/admin/v1/licensing-authorities").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).get("/admin/v1/licensing-authorities").then().statusCode(403);
            given().auth().oauth2(token).delete("/admin/v1/licensing-authorities/any").then().statusCode(403);
        }
        given().contentType("application/json").body(body).post("/admin/v1/licensing-authorities").then()
                .statusCode(401).contentType("application/problem+json");
        given().get("/admin/v1/licensing-authorities").then().statusCode(401);
        given().delete("/admin/v1/licensing-authorities/any").then().statusCode(401);
        given().auth().oauth2(StaffTokens.expired("operator")).get("/admin/v1/licensing-authorities").then()
                .statusCode(401);
        List<String> listed = asOperator().get("/admin/v1/licensing-authorities").then().extract().jsonPath()
                .getList("id");
        assertFalse(listed.contains(id));
    }

    private static void refused(Map<String, Object> body, int status, String type) {
        asOperator().body(body).post("/admin/v1/licensing-authorities").then().statusCode(status)
                .contentType("application/problem+json").body("type", equalTo(PROBLEM + type));
    }
}
