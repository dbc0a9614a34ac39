package org.heteronym.log.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.heteronym.crypto.merkle.ConsistencyProofs;
import org.heteronym.crypto.merkle.InclusionProofs;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import org.heteronym.crypto.tlog.EntryBundle;
import org.heteronym.crypto.tlog.TilePath;
import org.heteronym.crypto.tlog.Tiles;
import org.heteronym.testing.LogClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class LogApiResourceTest {

    private final LogClient log = LogClient.forTestProfile();

    @Test
    void everyProofVerifiesAsTheTreeGrows() throws Exception {
        Random random = new Random(20261122);
        List<VerifiedCheckpoint> seen = new ArrayList<>();
        seen.add(log.awaitSize(1));
        for (int round = 0; round < 6; round++) {
            int count = 1 + random.nextInt(40);
            long target = seen.getLast().size() + count;
            for (int i = 0; i < count; i++) {
                log.append("growth round " + round + " item " + i + " " + random.nextLong());
            }
            VerifiedCheckpoint now = log.awaitSize(target);
            for (VerifiedCheckpoint earlier : seen) {
                JsonPath proof = get("/log/v1/proof/consistency?old=" + earlier.size() + "&new=" + now.size());
                ConsistencyProofs.verify(earlier.size(), now.size(), earlier.rootHash(), now.rootHash(),
                        LogClient.hashes(proof.getList("consistency_path", String.class)));
            }
            // every new entry, plus a sample of the older ones (the crypto tests cover every index exhaustively)
            for (long index = now.size() - count; index < now.size(); index++) {
                assertIncluded(index, now);
            }
            for (int sample = 0; sample < 20; sample++) {
                assertIncluded(random.nextLong(now.size()), now);
            }
            seen.add(now);
        }
    }

    @Test
    void inclusionByLeafHashFindsTheEntry() throws Exception {
        VerifiedCheckpoint checkpoint = log.awaitSize(1);
        byte[] leaf = MerkleHash.leafHash(log.entry(0));
        JsonPath proof = get("/log/v1/proof/inclusion?leaf_hash=" + HexFormat.of().formatHex(leaf) + "&size=" + checkpoint.size());
        assertEquals(0, proof.getLong("leaf_index"));
        InclusionProofs.verify(0, checkpoint.size(), leaf,
                LogClient.hashes(proof.getList("inclusion_path", String.class)), checkpoint.rootHash());
    }

    @Test
    void genesisEntryNamesTheOriginAndKey() {
        log.awaitSize(1);
        String genesis = new String(log.entry(0), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("{\"kind\":\"log.genesis\",\"origin\":\"localhost/heteronym-test/log\",\"v\":1,\"vkey\":\""
                + log.vkey() + "\"}", genesis);
    }

    @Test
    void tilesAndEntryBundlesMatchTheEntriesAndTheRoot() throws Exception {
        for (int i = 0; i < 5; i++) {
            log.append("tile check " + i);
        }
        VerifiedCheckpoint checkpoint = log.awaitSize(6);
        long size = checkpoint.size();
        List<byte[]> leaves = new ArrayList<>();
        for (long tile = 0; tile * 256 < size; tile++) {
            int width = (int) Math.min(256, size - tile * 256);
            String suffix = TilePath.hashTile(0, tile, width).path().substring("tile/0/".length());
            List<byte[]> hashes = Tiles.decodeHashes(bytes("/log/tile/0/" + suffix), width);
            List<byte[]> entries = EntryBundle.decode(bytes("/log/tile/entries/" + suffix), width);
            for (int i = 0; i < width; i++) {
                assertArrayEquals(MerkleHash.leafHash(entries.get(i)), hashes.get(i), "leaf " + (tile * 256 + i));
            }
            leaves.addAll(hashes);
        }
        org.heteronym.crypto.merkle.CompactRange range = org.heteronym.crypto.merkle.CompactRange.empty();
        for (byte[] leaf : leaves) {
            range.append(leaf, (level, index, hash) -> { });
        }
        assertArrayEquals(checkpoint.rootHash(), range.root());
    }

    @Test
    void tilesAreImmutableAndOpenToEveryOrigin() {
        log.awaitSize(1);
        given().get("/log/tile/0/000.p/1").then().statusCode(200)
                .header("Cache-Control", containsString("immutable"))
                .header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff");
        given().get("/log/checkpoint").then().statusCode(200).header("Cache-Control", "no-cache")
                .contentType(containsString("text/plain"));
    }

    @Test
    void incompleteFullTileIsNotFound() {
        given().get("/log/tile/0/x999/999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:heteronym:problem:log-tile-not-found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/1234", "0/x001", "0/x000/001", "0/000.p/0", "0/000.p/256", "0/-1", "0/abc",
            "entries/000.p/", "99/000", "0/000/extra"})
    void malformedTilePathsAreRefused(String path) {
        given().get("/log/tile/" + path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:heteronym:problem:log-bad-tile-path"));
    }

    @Test
    void proofBeyondTheSignedTreeIsRefused() {
        long size = log.awaitSize(1).size();
        given().get("/log/v1/proof/inclusion?index=0&size=" + (size + 1000)).then().statusCode(400)
                .body("type", equalTo("urn:heteronym:problem:log-size-out-of-range"));
        given().get("/log/v1/proof/inclusion?index=" + (size + 1000)).then().statusCode(404)
                .body("type", equalTo("urn:heteronym:problem:log-index-out-of-range"));
        given().get("/log/v1/proof/consistency?old=" + (size + 1) + "&new=" + size).then().statusCode(400)
                .body("type", equalTo("urn:heteronym:problem:log-size-out-of-range"));
        given().get("/log/v1/proof/consistency?old=0").then().statusCode(400);
        given().get("/log/v1/entries/" + (size + 1000)).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"index=-1", "index=abc", "index=1&leaf_hash=0000000000000000000000000000000000000000000000000000000000000000", "size=5", "leaf_hash=zz",
            "index=99999999999999999999", "index=0&size=1.5"})
    void badProofParametersAreRefusedClearly(String query) {
        given().get("/log/v1/proof/inclusion?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:heteronym:problem:log-bad-parameter"));
    }

    @Test
    void unknownLeafHashIsNotFound() {
        log.awaitSize(1);
        given().get("/log/v1/proof/inclusion?leaf_hash=" + "ab".repeat(32)).then().statusCode(404)
                .body("type", equalTo("urn:heteronym:problem:log-leaf-not-found"));
    }

    @Test
    void unknownAddressAnswersProblemJson() {
        given().get("/log/v2/nothing").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().delete("/log/checkpoint").then().statusCode(405).contentType("application/problem+json");
    }

    private void assertIncluded(long index, VerifiedCheckpoint checkpoint) throws Exception {
        JsonPath proof = get("/log/v1/proof/inclusion?index=" + index + "&size=" + checkpoint.size());
        byte[] leaf = MerkleHash.leafHash(log.entry(index));
        assertTrue(java.util.Arrays.equals(leaf, java.util.Base64.getDecoder().decode(proof.getString("leaf_hash"))));
        InclusionProofs.verify(index, checkpoint.size(), leaf,
                LogClient.hashes(proof.getList("inclusion_path", String.class)), checkpoint.rootHash());
    }

    private static JsonPath get(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static byte[] bytes(String path) {
        return given().get(path).then().statusCode(200).extract().asByteArray();
    }
}
