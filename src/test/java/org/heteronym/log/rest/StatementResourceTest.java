package org.heteronym.log.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.heteronym.crypto.merkle.InclusionProofs;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.note.CheckpointVerifier;
import org.heteronym.crypto.note.NoteVerifier;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import org.heteronym.testing.LogClient;
import org.heteronym.testing.StaffTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class StatementResourceTest {

    private static final String PATH = "/admin/v1/log/statements";
    private final LogClient log = LogClient.forTestProfile();

    @Test
    void appendWithWaitReturnsAReceiptThatVerifiesAgainstTheSignedCheckpoint() throws Exception {
        String statement = "Maintenance window on 2026-12-01, receipt test " + System.nanoTime();
        JsonPath receipt = log.appendAndWait(statement);

        long index = receipt.getLong("index");
        VerifiedCheckpoint checkpoint = CheckpointVerifier.verify(receipt.getString("checkpoint"),
                NoteVerifier.fromVkey(log.vkey()), "localhost/heteronym-test/log");
        byte[] entry = log.entry(index);
        byte[] leafHash = MerkleHash.leafHash(entry);
        assertArrayEquals(leafHash, Base64.getDecoder().decode(receipt.getString("inclusion_proof.leaf_hash")));
        assertEquals(checkpoint.size(), receipt.getLong("inclusion_proof.tree_size"));
        InclusionProofs.verify(index, checkpoint.size(), leafHash,
                LogClient.hashes(receipt.getList("inclusion_proof.inclusion_path", String.class)), checkpoint.rootHash());

        String json = new String(entry, StandardCharsets.UTF_8);
        assertEquals(true, json.startsWith("{\"date\":\""), json);
        assertEquals(true, json.contains("\"kind\":\"operator.statement\",\"statement\":\"" + statement + "\",\"v\":1}"), json);
    }

    @Test
    void appendWithoutWaitIsAcceptedOnceCommitted() {
        given().auth().oauth2(StaffTokens.operator()).contentType("application/json")
                .body(Map.of("statement", "accepted " + System.nanoTime()))
                .post(PATH).then().statusCode(202).body("status", equalTo("pending"));
    }

    @Test
    void anonymousCallerIsAskedToAuthenticate() {
        given().contentType("application/json").body(Map.of("statement", "x"))
                .post(PATH).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"legal-officer", "trustee", "auditor", "member", "forum"})
    void staffWithoutTheOperatorRoleIsRefused(String role) {
        given().auth().oauth2(StaffTokens.withRole(role)).contentType("application/json")
                .body(Map.of("statement", "x")).post(PATH)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() {
        assertUnauthenticated(StaffTokens.signedByAnotherKey("operator"));
    }

    @Test
    void expiredTokenIsRejected() {
        assertUnauthenticated(StaffTokens.expired("operator"));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        assertUnauthenticated(StaffTokens.fromIssuer("https://evil.example", "operator"));
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        assertUnauthenticated(StaffTokens.forAudience("some-other-service", "operator"));
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() {
        assertUnauthenticated(StaffTokens.unsigned("operator"));
    }

    @Test
    void garbageTokenIsRejected() {
        assertUnauthenticated("not.a.jwt");
    }

    @Test
    void blankStatementIsRefusedWithAProblem() {
        postAsOperator("{\"statement\":\"   \"}").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("statement"));
    }

    @Test
    void overlongStatementIsRefused() {
        postAsOperator("{\"statement\":\"" + "a".repeat(4001) + "\"}").then().statusCode(400)
                .body("detail", containsString("statement"));
    }

    @Test
    void controlCharactersAreRefused() {
        postAsOperator("{\"statement\":\"bell \\u0007 here\"}").then().statusCode(400)
                .body("detail", containsString("control characters"));
    }

    @Test
    void malformedJsonIsRefusedWithoutInternals() {
        postAsOperator("{\"statement\": ").then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("The request body is not valid JSON of the expected shape."));
    }

    @Test
    void missingBodyIsRefused() {
        postAsOperator("").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongContentTypeIsRefused() {
        given().auth().oauth2(StaffTokens.operator()).contentType("text/plain").body("hello")
                .post(PATH).then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIsRefused() {
        String huge = "{\"statement\":\"" + "a".repeat(300_000) + "\"}";
        postAsOperator(huge).then().statusCode(413);
    }

    private static io.restassured.response.Response postAsOperator(String body) {
        return given().auth().oauth2(StaffTokens.operator()).contentType("application/json").body(body).post(PATH);
    }

    private static void assertUnauthenticated(String token) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("statement", "x"))
                .post(PATH).then().statusCode(401).contentType("application/problem+json");
    }
}
