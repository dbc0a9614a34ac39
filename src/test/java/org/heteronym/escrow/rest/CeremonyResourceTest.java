package org.heteronym.escrow.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.dkg.CeremonyOutcome;
import org.heteronym.crypto.escrow.dkg.CeremonyParameters;
import org.heteronym.crypto.escrow.dkg.DkgResult;
import org.heteronym.crypto.escrow.dkg.Participant;
import org.heteronym.crypto.escrow.dkg.StaticKeyPair;
import org.heteronym.crypto.escrow.dkg.TranscriptVerifier;
import org.heteronym.testing.LogClient;
import org.heteronym.testing.StaffTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CeremonyResourceTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void twoOfThreeCeremonyEstablishesAnEpochAndLogsAVerifiableTranscript() throws Exception {
        List<StaticKeyPair> keys = List.of(StaticKeyPair.generate(random), StaticKeyPair.generate(random),
                StaticKeyPair.generate(random));
        JsonPath ceremony = open(2, register(keys));
        String id = ceremony.getString("id");
        CeremonyParameters params = parameters(ceremony);
        assertEquals(params.context().toHex(), ceremony.getString("context"));

        List<Participant> participants = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            participants.add(new Participant(params, i, keys.get(i - 1), random));
        }
        for (int i = 1; i <= 3; i++) {
            put(id, 1, i, participants.get(i - 1).round1()).then().statusCode(201);
        }
        List<byte[]> round1 = messages(id, 1);
        for (int i = 1; i <= 3; i++) {
            put(id, 2, i, participants.get(i - 1).round2(round1)).then().statusCode(201);
        }
        List<byte[]> round2 = messages(id, 2);
        List<DkgResult> results = new ArrayList<>();
        for (Participant participant : participants) {
            results.add(participant.finish(round2));
        }

        JsonPath done = given().get("/escrow/v1/ceremonies/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("complete", done.getString("state"));
        String epochId = results.getFirst().transcriptHash().toHex();
        assertEquals(epochId, done.getString("epoch_id"));
        assertEquals(Base64.getEncoder().encodeToString(results.getFirst().jointKey().encode()), done.getString("joint_key"));

        JsonPath epoch = given().get("/escrow/v1/epochs/" + epochId).then().statusCode(200).extract().jsonPath();
        assertEquals(2, epoch.getInt("threshold"));
        assertEquals(3, epoch.getList("trustee_keys").size());

        // The log carries the whole transcript, and it verifies to the same epoch from public data alone.
        LogClient log = LogClient.forTestProfile();
        String entry = findEntry(log, "\"kind\":\"trustee-set.established\"", epochId);
        assertEquals(org.heteronym.escrow.rest.EscrowJson.hex(org.heteronym.crypto.merkle.MerkleHash.leafHash(
                entry.getBytes(StandardCharsets.UTF_8))), epoch.getString("log_leaf_hash"));
        String transcript = JsonPath.from(entry).getString("transcript");
        CeremonyOutcome outcome = TranscriptVerifier.verify(Base64.getDecoder().decode(transcript));
        assertEquals(epochId, outcome.transcriptHash().toHex());
        assertArrayEquals(results.get(1).jointKey().encode(), outcome.jointKey().encode());
    }

    @Test
    void relayRefusesConflictingInvalidAndOutOfRoundMessages() throws Exception {
        List<StaticKeyPair> keys = List.of(StaticKeyPair.generate(random), StaticKeyPair.generate(random));
        JsonPath ceremony = open(2, register(keys));
        String id = ceremony.getString("id");
        CeremonyParameters params = parameters(ceremony);
        Participant first = new Participant(params, 1, keys.get(0), random);
        byte[] message = first.round1();

        put(id, 2, 1, new byte[10]).then().statusCode(409)
                .body("type", equalTo("urn:heteronym:problem:escrow-wrong-round"));
        put(id, 1, 2, message).then().statusCode(400)
                .body("type", equalTo("urn:heteronym:problem:escrow-invalid-message"));
        put(id, 1, 1, new byte[] {1, 2, 3}).then().statusCode(400);
        put(id, 1, 9, message).then().statusCode(400);
        put(id, 1, 1, message).then().statusCode(201);
        put(id, 1, 1, message).then().statusCode(200);
        byte[] other = new Participant(params, 1, keys.get(0), random).round1();
        put(id, 1, 1, other).then().statusCode(409)
                .body("type", equalTo("urn:heteronym:problem:escrow-conflicting-message"));
        given().get("/escrow/v1/ceremonies/" + id + "/round1").then().statusCode(200)
                .body("complete", equalTo(false)).body("received", equalTo(1));
        given().get("/escrow/v1/ceremonies/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void operatorOnlyAdministration() {
        Map<String, String> body = Map.of("name", "x", "public_key", "AA==");
        given().contentType("application/json").body(body).post("/admin/v1/trustees").then().statusCode(401);
        for (String role : List.of("legal-officer", "trustee", "member", "forum")) {
            given().auth().oauth2(StaffTokens.withRole(role)).contentType("application/json").body(body)
                    .post("/admin/v1/trustees").then().statusCode(403);
            given().auth().oauth2(StaffTokens.withRole(role)).contentType("application/json")
                    .body(Map.of("threshold", 1, "trustees", List.of(UUID.randomUUID())))
                    .post("/admin/v1/ceremonies").then().statusCode(403);
        }
    }

    @Test
    void badRegistrationsAndCeremoniesAreRefused() {
        asOperator(Map.of("name", "bad key", "public_key", Base64.getEncoder().encodeToString(new byte[33])))
                .post("/admin/v1/trustees").then().statusCode(400)
                .body("type", equalTo("urn:heteronym:problem:escrow-bad-key"));
        StaticKeyPair key = StaticKeyPair.generate(random);
        String name = "dup " + UUID.randomUUID();
        String publicKey = Base64.getEncoder().encodeToString(key.publicKey().encode());
        asOperator(Map.of("name", name, "public_key", publicKey)).post("/admin/v1/trustees").then().statusCode(201);
        asOperator(Map.of("name", name + " again", "public_key", publicKey)).post("/admin/v1/trustees").then()
                .statusCode(409).body("type", equalTo("urn:heteronym:problem:escrow-duplicate-trustee"));
        asOperator(Map.of("threshold", 3, "trustees", List.of(UUID.randomUUID()))).post("/admin/v1/ceremonies")
                .then().statusCode(400).body("detail", containsString("threshold"));
        asOperator(Map.of("threshold", 1, "trustees", List.of(UUID.randomUUID()))).post("/admin/v1/ceremonies")
                .then().statusCode(400).body("type", equalTo("urn:heteronym:problem:escrow-unknown-trustee"));
    }

    private List<String> register(List<StaticKeyPair> keys) {
        List<String> ids = new ArrayList<>();
        for (StaticKeyPair key : keys) {
            ids.add(asOperator(Map.of("name", "trustee " + UUID.randomUUID(),
                            "public_key", Base64.getEncoder().encodeToString(key.publicKey().encode())))
                    .post("/admin/v1/trustees").then().statusCode(201).extract().path("id"));
        }
        return ids;
    }

    private JsonPath open(int threshold, List<String> trustees) {
        return asOperator(Map.of("threshold", threshold, "trustees", trustees)).post("/admin/v1/ceremonies")
                .then().statusCode(201).body("state", equalTo("round1")).extract().jsonPath();
    }

    private static CeremonyParameters parameters(JsonPath ceremony) throws Exception {
        List<Point> keys = new ArrayList<>();
        for (String key : ceremony.getList("participants.public_key", String.class)) {
            keys.add(Point.decode(Base64.getDecoder().decode(key)));
        }
        return new CeremonyParameters(Base64.getDecoder().decode(ceremony.getString("session_id")),
                ceremony.getInt("threshold"), keys);
    }

    private static io.restassured.response.Response put(String id, int round, int index, byte[] message) {
        return given().contentType("application/octet-stream").body(message)
                .put("/escrow/v1/ceremonies/" + id + "/round" + round + "/" + index);
    }

    private static List<byte[]> messages(String id, int round) {
        JsonPath view = given().get("/escrow/v1/ceremonies/" + id + "/round" + round).then().statusCode(200)
                .body("complete", equalTo(true)).extract().jsonPath();
        return view.getList("messages", String.class).stream().map(Base64.getDecoder()::decode).toList();
    }

    private static io.restassured.specification.RequestSpecification asOperator(Object body) {
        return given().auth().oauth2(StaffTokens.operator()).contentType("application/json").body(body);
    }

    /** Waits (bounded) for the integrated log entry of {@code kind} that mentions {@code needle}. */
    private static String findEntry(LogClient log, String kind, String needle) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long size = log.checkpoint().size();
            for (long i = size - 1; i >= 0 && i >= size - 50; i--) {
                String entry = new String(log.entry(i), StandardCharsets.UTF_8);
                if (entry.contains(kind) && entry.contains(needle)) {
                    return entry;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + kind + " entry for " + needle);
    }
}
