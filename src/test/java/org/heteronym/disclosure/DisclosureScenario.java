package org.heteronym.disclosure;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.crypto.escrow.DecryptionShare;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.EnvelopeOpener;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareProver;
import org.heteronym.crypto.escrow.ShareVerifier;
import org.heteronym.crypto.escrow.VerifiedShare;
import org.heteronym.crypto.merkle.InclusionProofs;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.escrow.Pseudonym;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.member.MemberFixture;
import org.heteronym.oidc.TestForum;
import org.heteronym.testing.Concurrently;
import org.heteronym.testing.CourtPki;
import org.heteronym.testing.LogClient;
import org.heteronym.testing.StaffTokens;
import org.heteronym.testing.TestEpoch;
import org.heteronym.testing.TrusteeRequests;

/**
 * The parties of a disclosure, through the real HTTP API: a court with its PKI, the court anchor, a registered legal
 * officer with an officer key, the test run's trustee epoch, and members with pseudonyms at forums.
 */
final class DisclosureScenario implements AutoCloseable {

    static final String REQUESTS = "/disclosure/v1/requests";
    static final String REVIEW = "/disclosure/v1/review/requests";
    private static final ObjectMapper JSON = new ObjectMapper();

    final CourtPki court;
    final CourtPki.Signer judge;
    final String anchorId;
    final TestEpoch epoch;
    final LogClient log = LogClient.forTestProfile();

    private DisclosureScenario(CourtPki court, CourtPki.Signer judge, String anchorId, TestEpoch epoch) {
        this.court = court;
        this.judge = judge;
        this.anchorId = anchorId;
        this.epoch = epoch;
    }

    static DisclosureScenario start() throws Exception {
        CourtPki court = CourtPki.start("Tribunal " + UUID.randomUUID());
        CourtPki.Signer judge = court.signer().ocsp().build();
        String anchorId = given().auth().oauth2(StaffTokens.operator()).contentType("application/json")
                .body(Map.of("name", "Courts " + UUID.randomUUID(), "ca_certificates", List.of(CourtPki.pem(court.root()))))
                .post("/admin/v1/court-anchors").then().statusCode(201).extract().path("id");
        return new DisclosureScenario(court, judge, anchorId, TestEpoch.current());
    }

    /** A registered legal officer: staff token subject, key pair and token. */
    record Officer(String id, String subject, OfficerKeyPair key) {
        String token() {
            return StaffTokens.of(subject, "legal-officer");
        }
    }

    Officer officer() {
        OfficerKeyPair key = OfficerKeyPair.generate(new SecureRandom());
        String subject = "officer-" + UUID.randomUUID();
        String id = given().auth().oauth2(StaffTokens.operator()).contentType("application/json")
                .body(Map.of("subject", subject, "name", "Officer " + subject,
                        "public_key", Base64.getEncoder().encodeToString(key.publicKey().encode())))
                .post("/admin/v1/officers").then().statusCode(201).extract().path("id");
        return new Officer(id, subject, key);
    }

    /** A member and the pseudonym their first login at a fresh forum gave them. */
    record Target(MemberBrowserless member, TestForum forum, String pseudonym, String licence) {
    }

    Target target(MemberFixture fixture, String name) throws Throwable {
        String licence = MemberFixture.freshLicence();
        MemberBrowserless member = fixture.enrolled(fixture.pki.physician(name, licence));
        return target(member, licence);
    }

    Target target(MemberBrowserless member, String licence) throws Throwable {
        TestForum forum = TestForum.register("disc", List.of("physician", "resident"), false);
        forum.login(member, TestForum.Login.fresh());
        Pseudonym row = Concurrently.await(() -> Panache.withSession(
                () -> Pseudonym.<Pseudonym>find("key.forumId", forum.clientId).firstResult()));
        awaitLogged(row.logLeafHash);
        return new Target(member, forum, row.key.pseudonym(), licence);
    }

    /** The filing body of docs/disclosure.md §6 for an order signed by {@code signer}. */
    Map<String, Object> filing(Target target, byte[] order, byte[] signature) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order", Base64.getEncoder().encodeToString(order));
        body.put("order_signature", Base64.getEncoder().encodeToString(signature));
        body.put("court", "Tribunal judiciaire de Paris");
        body.put("case_reference", "RG 26/" + UUID.randomUUID().toString().substring(0, 5));
        body.put("order_date", LocalDate.now(ZoneOffset.UTC).toString());
        body.put("order_expires", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        body.put("forum", target.forum().clientId);
        body.put("pseudonym", target.pseudonym());
        body.put("posts", List.of(Map.of("url", "https://" + target.forum().clientId + ".example.org/t/42/7",
                "posted_at", "2026-11-02T10:14:00Z")));
        body.put("reasons", "Threats against a named medical student (Code pénal art. 222-17).");
        body.put("notice", "now");
        return body;
    }

    Map<String, Object> filing(Target target) throws Exception {
        byte[] order = ("Ordonnance sur requête " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        return filing(target, order, court.sign(order, judge));
    }

    Response file(Officer officer, Map<String, Object> body) {
        return given().auth().oauth2(officer.token()).contentType("application/json").body(body).post(REQUESTS);
    }

    /** Files and waits until the filing entry is integrated and the request is under review. */
    String fileForReview(Officer officer, Target target) throws Exception {
        String id = file(officer, filing(target)).then().statusCode(201).extract().path("id");
        awaitIntegrated(officer, id);
        return id;
    }

    JsonPath asOfficer(Officer officer, String id) {
        return given().auth().oauth2(officer.token()).get(REQUESTS + "/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    long awaitIntegrated(Officer officer, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath view = asOfficer(officer, id);
            if (view.get("request_index") != null && view.getString("state").equals("review")) {
                return view.getLong("request_index");
            }
            sleep(50);
        }
        throw new AssertionError("request " + id + " not integrated and under review within 20 s");
    }

    TrusteeRequests trustee(int index) {
        return new TrusteeRequests(epoch.trusteeIds().get(index - 1), epoch.staticKeys().get(index - 1));
    }

    /** A share as submitted: the checkpoint its context used, and the share in base64. */
    record Share(long checkpointSize, String share) {
    }

    /** Trustee {@code index}'s share for request {@code id}, derived from the public log as its tool does. */
    Share share(int index, String id, Officer officer) throws Exception {
        JsonPath view = trustee(index).get(REVIEW + "/" + id).then().statusCode(200).extract().jsonPath();
        ShareContext context = context(view.getLong("request_index"), view.getLong("checkpoint_size"), index, officer);
        return new Share(context.checkpointSize(), Base64.getEncoder().encodeToString(ShareProver.createShare(
                epoch.trustees().get(index - 1).trusteeKey(), envelope(view.getLong("request_index")), context,
                new SecureRandom()).encode()));
    }

    Response submit(int index, String id, Share share) {
        return submit(index, id, share.checkpointSize(), share.share());
    }

    Response submit(int index, String id, long checkpointSize, String share) {
        return trustee(index).post(REVIEW + "/" + id + "/shares",
                "{\"checkpoint_size\":" + checkpointSize + ",\"share\":\"" + share + "\"}");
    }

    /**
     * The context every share of the request uses: the service names the checkpoint (the first covering the request
     * entry); its root is what the entry's inclusion proof at that size computes to.
     */
    ShareContext context(long requestIndex, long checkpointSize, int trusteeIndex, Officer officer) throws Exception {
        log.awaitSize(checkpointSize);
        byte[] entry = log.entry(requestIndex);
        JsonPath proof = given().get("/log/v1/proof/inclusion?index=" + requestIndex + "&size=" + checkpointSize)
                .then().statusCode(200).extract().jsonPath();
        byte[] root = InclusionProofs.root(requestIndex, checkpointSize, MerkleHash.leafHash(entry),
                LogClient.hashes(proof.getList("inclusion_path", String.class)));
        JsonNode filed = JSON.readTree(entry);
        return new ShareContext(requestIndex, Hash32.sha256(entry), filed.get("envelope_index").asLong(),
                envelope(requestIndex).envelopeHash(), checkpointSize, Hash32.of(root),
                Hash32.fromHex(epoch.epochId()), trusteeIndex, officer.key().publicKey());
    }

    Envelope envelope(long requestIndex) throws Exception {
        JsonNode filed = JSON.readTree(log.entry(requestIndex));
        return Envelope.decode(Base64.getDecoder().decode(filed.get("envelope").asText()));
    }

    /** What the officer's tool does: verify every share against the log's context, combine, open. */
    IdentityRecord open(String id, Officer requester, OfficerKeyPair opener) throws Exception {
        JsonPath view = asOfficer(requester, id);
        long requestIndex = view.getLong("request_index");
        Envelope envelope = envelope(requestIndex);
        EpochKey key = epoch.trustees().getFirst().outcome().epochKey();
        List<VerifiedShare> verified = new ArrayList<>();
        for (Map<String, Object> share : view.<Map<String, Object>>getList("shares")) {
            int index = (Integer) share.get("trustee");
            long size = ((Number) share.get("checkpoint_size")).longValue();
            verified.add(ShareVerifier.verify(DecryptionShare.decode(Base64.getDecoder().decode(
                    (String) share.get("share"))), envelope, context(requestIndex, size, index, requester), key));
        }
        return EnvelopeOpener.open(envelope, verified, opener, key).record();
    }

    private void awaitLogged(byte[] leafHash) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String hex = java.util.HexFormat.of().formatHex(leafHash);
        while (System.nanoTime() < deadline) {
            if (given().get("/log/v1/proof/inclusion?leaf_hash=" + hex).statusCode() == 200) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("envelope entry not integrated within 20 s");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void assertProblem(Response response, int status, String type) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("urn:heteronym:problem:" + type, response.jsonPath().getString("type"), response.asString());
    }

    @Override
    public void close() {
        court.close();
    }
}
