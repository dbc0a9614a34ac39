package org.heteronym.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.heteronym.credential.RegistryTestSupport.PROBLEM;
import static org.heteronym.credential.RegistryTestSupport.asOperator;
import static org.heteronym.credential.RegistryTestSupport.freshId;
import static org.heteronym.credential.RegistryTestSupport.pem;
import static org.heteronym.credential.RegistryTestSupport.refusalOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.heteronym.testing.Concurrently;
import org.heteronym.testing.LogSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrustAnchorAdminTest {

    private static final byte[] CHALLENGE = "heteronym-enroll:registry-test".getBytes(StandardCharsets.US_ASCII);
    private static X509TestPki pki;
    private static X509TestResponder responder;

    @Inject
    CredentialVerification verification;
    @Inject
    Vertx vertx;

    @BeforeAll
    static void pki() throws Exception {
        pki = X509TestPki.create("Registry");
        responder = new X509TestResponder(pki);
    }

    @AfterAll
    static void stop() {
        responder.close();
    }

    private static Map<String, Object> anchor(String id, X509Certificate... cas) throws Exception {
        List<String> pems = new ArrayList<>();
        for (X509Certificate ca : cas) {
            pems.add(pem(ca));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("ca_certificates", pems);
        body.put("profession_by_policy", Map.of(X509TestPki.PHYSICIAN_POLICY, "physician",
                X509TestPki.RESIDENT_POLICY, "resident"));
        return body;
    }

    @Test
    void registeredAnchorVerifiesUntilRetiredAndEveryChangeIsLogged() throws Exception {
        String id = freshId("igc-test");
        String fingerprint = CaCertificates.sha256(pki.root);
        JsonPath created = asOperator().body(anchor(id, pki.root)).post("/admin/v1/trust-anchors")
                .then().statusCode(201)
                .body("id", equalTo(id))
                .body("certificates[0].sha256", equalTo(fingerprint))
                .body("certificates[0].subject", equalTo(pki.root.getSubjectX500Principal().getName()))
                .body("licence_attribute_oid", equalTo("2.5.4.5"))
                .body("name_attribute_oid", equalTo("2.5.4.3"))
                .body("profession_by_policy.'" + X509TestPki.PHYSICIAN_POLICY + "'", equalTo("physician"))
                .extract().jsonPath();
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), created.getString("registered_on"));
        asOperator().get("/admin/v1/trust-anchors").then().statusCode(200).body("id", hasItem(id));

        LogSearch log = LogSearch.forTestProfile();
        JsonPath entry = JsonPath.from(log.find("trust-anchor.registered", id));
        assertEquals(id, entry.getString("anchor"));
        assertEquals(List.of(fingerprint), entry.getList("sha256"));
        assertEquals(List.of(Base64.getEncoder().encodeToString(pki.root.getEncoded())),
                entry.getList("ca_certificates"));
        assertEquals("resident", entry.getString("profession_by_policy.'" + X509TestPki.RESIDENT_POLICY + "'"));

        // a doctor's signature verifies through the bean the enrollment will call, checked by OCSP
        X509TestPki.Leaf doctor = pki.leaf().ocsp(responder.ocspUrl()).build();
        byte[] cms = pki.sign(CHALLENGE, true, doctor);
        VerifiedCredential credential = verification.verifyCertificateSignature(cms, CHALLENGE)
                .await().atMost(Duration.ofSeconds(20));
        assertEquals(id, credential.authority());
        assertEquals(Profession.PHYSICIAN, credential.profession());
        assertTrue(verification.anchor(id).isPresent());

        asOperator().delete("/admin/v1/trust-anchors/" + id).then().statusCode(200)
                .body("retired_on", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
        assertEquals(id, JsonPath.from(log.find("trust-anchor.retired", id)).getString("anchor"));
        assertEquals(RefusalReason.UNKNOWN_ISSUER,
                refusalOf(verification.verifyCertificateSignature(cms, CHALLENGE)));
        assertFalse(verification.anchor(id).isPresent());

        asOperator().delete("/admin/v1/trust-anchors/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEM + "credential-already-retired"));
        asOperator().delete("/admin/v1/trust-anchors/no-such-anchor").then().statusCode(404)
                .body("type", equalTo(PROBLEM + "credential-no-such-anchor"));
        // the retired anchor stays listed, and its id is never reused
        asOperator().get("/admin/v1/trust-anchors").then().body("find { it.id == '" + id + "' }.retired_on",
                equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
        asOperator().body(anchor(id, pki.root)).post("/admin/v1/trust-anchors").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "credential-duplicate"));
    }

    /** A race for one id: PostgreSQL's unique violation must become 409, never 500, and one log entry. */
    @Test
    void concurrentRegistrationsOfOneIdStoreAndLogOne() throws Exception {
        LogSearch log = LogSearch.forTestProfile();
        long before = log.size();
        String id = freshId("race");
        Map<String, Object> body = anchor(id, X509TestPki.create("Race").ca);
        List<Integer> statuses = Concurrently.calls(6,
                () -> asOperator().body(body).post("/admin/v1/trust-anchors").statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, log.entriesSince(before).stream()
                .filter(e -> e.contains("trust-anchor.registered") && e.contains("\"" + id + "\"")).count());
    }

    @Test
    void verificationRunsOffTheEventLoopAndAnswersOnTheCallersContext() throws Exception {
        X509TestPki own = X509TestPki.create("Context");
        String id = freshId("context-test");
        asOperator().body(anchor(id, own.ca)).post("/admin/v1/trust-anchors").then().statusCode(201);
        try (X509TestResponder ownResponder = new X509TestResponder(own)) {
            byte[] cms = own.sign(CHALLENGE, false, own.leaf().ocsp(ownResponder.ocspUrl()).build());
            Context context = vertx.getOrCreateContext();
            CompletableFuture<String> result = new CompletableFuture<>();
            context.runOnContext(ignored -> verification.verifyCertificateSignature(cms, CHALLENGE).subscribe().with(
                    credential -> result.complete(Vertx.currentContext() == context
                            ? credential.authority() : "emitted off the caller's context"),
                    result::completeExceptionally));
            assertEquals(id, result.get(20, TimeUnit.SECONDS));
        } finally {
            asOperator().delete("/admin/v1/trust-anchors/" + id).then().statusCode(200);
        }
    }

    @Test
    void badDefinitionsAreRefusedAndLeaveNoRowAndNoLogEntry() throws Exception {
        LogSearch log = LogSearch.forTestProfile();
        long before = log.size();
        X509TestPki.Leaf leaf = pki.leaf().build();
        List<String> badIds = new ArrayList<>();

        String id = freshId("bad-pem");
        badIds.add(id);
        Map<String, Object> body = anchor(id, pki.root);
        body.put("ca_certificates", List.of("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----"));
        refused(body, 400, "credential-bad-certificate");
        body.put("ca_certificates", List.of("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
        refused(body, 400, "credential-bad-certificate");
        body.put("ca_certificates", List.of(pem(pki.root) + pem(pki.ca)));
        refused(body, 400, "credential-bad-certificate");
        body.put("ca_certificates", List.of(pem(leaf.cert())));
        refused(body, 400, "credential-bad-certificate");
        body.put("ca_certificates", List.of(pem(expiredCa())));
        refused(body, 400, "credential-bad-certificate");
        body.put("ca_certificates", List.of(pem(pki.root), pem(pki.root)));
        refused(body, 400, "credential-bad-certificate");
        body.put("ca_certificates", List.of());
        refused(body, 400, "credential-bad-certificate");

        body = anchor(id, pki.root);
        body.put("profession_by_policy", Map.of(X509TestPki.PHYSICIAN_POLICY, "surgeon"));
        refused(body, 400, "credential-bad-rule");
        body.put("profession_by_policy", Map.of(X509TestPki.PHYSICIAN_POLICY, "medical student"));
        refused(body, 400, "credential-bad-rule");
        body.put("profession_by_policy", Map.of("1.3.6.abc", "physician"));
        refused(body, 400, "credential-bad-rule");
        body.put("profession_by_policy", Map.of());
        refused(body, 400, "credential-bad-rule");
        body = anchor(id, pki.root);
        body.put("licence_attribute_oid", "serialNumber");
        refused(body, 400, "credential-bad-rule");
        body = anchor(id, pki.root);
        body.put("name_attribute_oid", "2.5.4.03");
        refused(body, 400, "credential-bad-rule");

        for (String badId : List.of("Bad_ID", "a", "-leading-hyphen", "x".repeat(64), "has space", "../etc")) {
            badIds.add(badId);
            refused(anchor(badId, pki.root), 400, "credential-bad-id");
        }
        body = anchor(id, pki.root);
        body.remove("profession_by_policy");
        asOperator().body(body).post("/admin/v1/trust-anchors").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("about:blank"));
        asOperator().body("{not json").post("/admin/v1/trust-anchors").then().statusCode(400);

        // one CA in two active anchors is refused too; only the first registration is stored and logged
        String first = freshId("dup-first");
        String second = freshId("dup-second");
        badIds.add(second);
        asOperator().body(anchor(first, pki.ca)).post("/admin/v1/trust-anchors").then().statusCode(201);
        refused(anchor(second, pki.ca), 409, "credential-duplicate");
        refused(anchor(first, pki.root), 409, "credential-duplicate");

        List<String> listed = asOperator().get("/admin/v1/trust-anchors").then().extract().jsonPath().getList("id");
        List<String> entries = log.entriesSince(before);
        for (String badId : badIds) {
            assertFalse(listed.contains(badId), badId + " was stored");
            assertTrue(entries.stream().noneMatch(e -> e.contains("\"" + badId + "\"")), badId + " was logged");
        }
        assertEquals(1, entries.stream().filter(e -> e.contains("trust-anchor.registered") && e.contains(first)).count());
        asOperator().delete("/admin/v1/trust-anchors/" + first).then().statusCode(200);
    }

    @Test
    void onlyTheOperatorAdministersTrustAnchors() throws Exception {
        Map<String, Object> body = anchor(freshId("roles"), pki.root);
        for (String role : List.of("legal-officer", "trustee", "auditor", "forum", "member")) {
            String token = org.heteronym.testing.StaffTokens.withRole(role);
            given().auth().oauth2(token).contentType("application/json").body(body)
                    .post("/admin/v1/trust-anchors").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).get("/admin/v1/trust-anchors").then().statusCode(403);
            given().auth().oauth2(token).delete("/admin/v1/trust-anchors/any").then().statusCode(403);
        }
        given().contentType("application/json").body(body).post("/admin/v1/trust-anchors").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/admin/v1/trust-anchors").then().statusCode(401);
        given().delete("/admin/v1/trust-anchors/any").then().statusCode(401);
        given().auth().oauth2(org.heteronym.testing.StaffTokens.signedByAnotherKey("operator"))
                .get("/admin/v1/trust-anchors").then().statusCode(401);
        asOperator().get("/admin/v1/trust-anchors").then().statusCode(200).body("id", not(hasItem(body.get("id"))));
    }

    private static void refused(Map<String, Object> body, int status, String type) {
        asOperator().body(body).post("/admin/v1/trust-anchors").then().statusCode(status)
                .contentType("application/problem+json").body("type", equalTo(PROBLEM + type));
    }

    /** A self-signed CA certificate that expired yesterday. */
    private static X509Certificate expiredCa() throws Exception {
        KeyPair key = X509TestPki.ecKey();
        X500Name name = new X500Name("CN=Expired Test CA,O=Heteronym test,C=FR");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, X509TestPki.serial(),
                Date.from(now.minus(Duration.ofDays(400))), Date.from(now.minus(Duration.ofDays(1))), name,
                key.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return X509TestPki.convert(b.build(X509TestPki.signer(key.getPrivate())));
    }
}
