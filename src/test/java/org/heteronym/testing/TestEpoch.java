package org.heteronym.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.EnvelopeOpener;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareProver;
import org.heteronym.crypto.escrow.ShareVerifier;
import org.heteronym.crypto.escrow.VerifiedShare;
import org.heteronym.crypto.escrow.dkg.CeremonyParameters;
import org.heteronym.crypto.escrow.dkg.DkgResult;
import org.heteronym.crypto.escrow.dkg.Participant;
import org.heteronym.crypto.escrow.dkg.StaticKeyPair;

/**
 * A 2-of-3 trustee set established through the running service's ceremony API, as real trustees would, so that
 * members can be sealed. The trustees' results (their shares) stay in the test, for opening what was sealed.
 */
public record TestEpoch(String epochId, List<DkgResult> trustees, List<StaticKeyPair> staticKeys,
                        List<String> trusteeIds) {

    private static TestEpoch established;

    /** The epoch of this test run, established on first use. */
    public static synchronized TestEpoch current() throws Exception {
        if (established == null) {
            established = establish(2, 3);
        }
        return established;
    }

    public static TestEpoch establish(int threshold, int n) throws Exception {
        SecureRandom random = new SecureRandom();
        List<StaticKeyPair> keys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StaticKeyPair key = StaticKeyPair.generate(random);
            keys.add(key);
            ids.add(asOperator(Map.of("name", "trustee " + UUID.randomUUID(),
                    "public_key", Base64.getEncoder().encodeToString(key.publicKey().encode())))
                    .post("/admin/v1/trustees").then().statusCode(201).extract().path("id"));
        }
        JsonPath ceremony = asOperator(Map.of("threshold", threshold, "trustees", ids)).post("/admin/v1/ceremonies")
                .then().statusCode(201).extract().jsonPath();
        String id = ceremony.getString("id");
        List<Point> publicKeys = new ArrayList<>();
        for (String key : ceremony.getList("participants.public_key", String.class)) {
            publicKeys.add(Point.decode(Base64.getDecoder().decode(key)));
        }
        CeremonyParameters params = new CeremonyParameters(Base64.getDecoder().decode(ceremony.getString("session_id")),
                threshold, publicKeys);
        List<Participant> participants = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            participants.add(new Participant(params, i, keys.get(i - 1), random));
        }
        for (int i = 1; i <= n; i++) {
            put(id, 1, i, participants.get(i - 1).round1());
        }
        List<byte[]> round1 = messages(id, 1);
        for (int i = 1; i <= n; i++) {
            put(id, 2, i, participants.get(i - 1).round2(round1));
        }
        List<byte[]> round2 = messages(id, 2);
        List<DkgResult> results = new ArrayList<>();
        for (Participant participant : participants) {
            results.add(participant.finish(round2));
        }
        return new TestEpoch(results.getFirst().transcriptHash().toHex(), List.copyOf(results), List.copyOf(keys),
                List.copyOf(ids));
    }

    /**
     * What a legal officer would get from the trustees at {@code indices} (1-based) for {@code envelope}: their
     * decryption shares, verified, combined and decoded (a made-up disclosure context; the proofs still bind it).
     */
    public IdentityRecord open(Envelope envelope, int... indices) throws Exception {
        EpochKey key = trustees.getFirst().outcome().epochKey();
        OfficerKeyPair officer = OfficerKeyPair.generate(new SecureRandom());
        ShareContext context = new ShareContext(1, Hash32.sha256(new byte[] {1}), 0, envelope.envelopeHash(), 2,
                Hash32.sha256(new byte[] {2}), Hash32.fromHex(epochId), 1, officer.publicKey());
        List<VerifiedShare> shares = new ArrayList<>();
        for (int index : indices) {
            DkgResult trustee = trustees.get(index - 1);
            ShareContext addressed = context.forTrustee(trustee.trusteeKey().index());
            shares.add(ShareVerifier.verify(ShareProver.createShare(trustee.trusteeKey(), envelope, addressed,
                    new SecureRandom()), envelope, addressed, key));
        }
        return EnvelopeOpener.open(envelope, shares, officer, key).record();
    }

    private static void put(String ceremony, int round, int index, byte[] message) {
        given().contentType("application/octet-stream").body(message)
                .put("/escrow/v1/ceremonies/" + ceremony + "/round" + round + "/" + index).then().statusCode(201);
    }

    private static List<byte[]> messages(String ceremony, int round) {
        return given().get("/escrow/v1/ceremonies/" + ceremony + "/round" + round).then().statusCode(200)
                .extract().jsonPath().getList("messages", String.class).stream()
                .map(Base64.getDecoder()::decode).toList();
    }

    private static io.restassured.specification.RequestSpecification asOperator(Object body) {
        return given().auth().oauth2(StaffTokens.operator()).contentType("application/json").body(body);
    }
}
