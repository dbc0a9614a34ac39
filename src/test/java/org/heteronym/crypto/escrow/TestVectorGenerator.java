package org.heteronym.crypto.escrow;

import static org.heteronym.crypto.escrow.VectorCodec.hex;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * TEST ONLY: writes the JSON test vectors of docs/escrow-protocol.md from fixed seeds. Regenerate with
 * {@code ./mvnw -B -o test -Dtest=TestVectorsTest -Dheteronym.vectors.write=true}; {@link TestVectorsTest}
 * fails whenever the committed files differ from this generator's output or from a recomputation.
 */
public final class TestVectorGenerator {
    static final String SEED = "heteronym-vectors-v1/";
    static final int L = 8;
    static final int T = 3;
    static final int N = 5;
    static final int[] OPENING_SET = {1, 3, 5};

    final List<Scalar> polynomial = new ArrayList<>();
    final TrustedDealer.Dealt dealt;
    final IdentityRecord record = new IdentityRecord(
            "Ordre des médecins — Conseil départemental de Paris", "75-123456", "Dr. Zoë Ångström-Núñez",
            Optional.of(LocalDate.of(1979, 2, 28)), "Médecin généraliste",
            Hash32.sha256("evidence bundle 0001".getBytes(StandardCharsets.UTF_8)), LocalDate.of(2025, 11, 3));
    final Scalar[] r = new Scalar[L];
    final Envelope envelope;
    final OfficerKeyPair officer;

    TestVectorGenerator() {
        TestDrbg dealerRandom = new TestDrbg(SEED + "dealer");
        for (int k = 0; k < T; k++) {
            polynomial.add(Scalar.random(dealerRandom));
        }
        dealt = TrustedDealer.fromCoefficients(T, N, polynomial);
        TestDrbg sealRandom = new TestDrbg(SEED + "seal");
        for (int j = 0; j < L; j++) {
            r[j] = Scalar.random(sealRandom);
        }
        envelope = Envelopes.seal(record.encode(L), dealt.epoch().jointKey(), dealt.epoch().epochId(), r);
        officer = OfficerKeyPair.fromSecret(Scalar.random(new TestDrbg(SEED + "officer")));
    }

    ShareContext context(int trustee) {
        return new ShareContext(42, Hash32.sha256("disclosure request entry 42".getBytes(StandardCharsets.UTF_8)),
                7, envelope.envelopeHash(), 100,
                Hash32.sha256("checkpoint root at size 100".getBytes(StandardCharsets.UTF_8)),
                envelope.epochId(), trustee, officer.publicKey());
    }

    /** u, w1, w2 for each chunk, in that order, from the trustee's own seed. */
    static Scalar[][] shareRandomness(int trustee) {
        TestDrbg random = new TestDrbg(SEED + "share-" + trustee);
        Scalar[][] out = new Scalar[L][3];
        for (int j = 0; j < L; j++) {
            for (int k = 0; k < 3; k++) {
                out[j][k] = Scalar.random(random);
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/vectors");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : generateAll().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, String> generateAll() {
        TestVectorGenerator g = new TestVectorGenerator();
        Map<String, String> out = new TreeMap<>();
        out.put("hash-to-scalar.json", Json.write(hashToScalar()));
        out.put("schnorr-pok.json", Json.write(schnorr()));
        out.put("envelope-seal.json", Json.write(EnvelopeVectors.seal(g)));
        out.put("envelope-rerandomise.json", Json.write(EnvelopeVectors.rerandomise(g)));
        out.put("share-proof.json", Json.write(ShareVectors.shareProof(g)));
        out.put("lagrange.json", Json.write(ShareVectors.lagrange(g)));
        out.put("opening-3-of-5.json", Json.write(ShareVectors.opening(g)));
        out.put("dkg-2-of-3.json", Json.write(org.heteronym.crypto.escrow.dkg.DkgVectors.ceremony2of3()));
        return out;
    }

    static Map<String, Object> hashToScalar() {
        List<Object> cases = new ArrayList<>();
        String[][] inputs = {
            {ShareChallenge.DST, ""}, {ShareChallenge.DST, "abc"}, {SchnorrProof.DST, "abc"},
            {SchnorrProof.DST, hex(Transcript.start(SchnorrProof.PROTOCOL_TAG).uint(1).toByteArray())}};
        for (String[] in : inputs) {
            byte[] msg = in[1].equals("abc") ? "abc".getBytes(StandardCharsets.US_ASCII) : VectorCodec.bytes(in[1]);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("dst", in[0]);
            c.put("msg", hex(msg));
            c.put("uniformBytes", hex(ExpandMessageXmd.expand(msg, in[0].getBytes(StandardCharsets.US_ASCII), 48)));
            c.put("scalar", hex(HashToScalar.hash(msg, in[0])));
            cases.add(c);
        }
        return Map.of("cases", cases);
    }

    static Map<String, Object> schnorr() {
        TestDrbg random = new TestDrbg(SEED + "schnorr");
        Scalar x = Scalar.random(random);
        Scalar w = Scalar.random(random);
        byte[] context = "heteronym DKG epoch 1, participant 3".getBytes(StandardCharsets.US_ASCII);
        SchnorrProof proof = SchnorrProof.prove(x, context, w);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", hex(x));
        m.put("X", hex(Point.multiplyGenerator(x)));
        m.put("w", hex(w));
        m.put("context", hex(context));
        m.put("T", hex(Point.multiplyGenerator(w)));
        m.put("c", hex(proof.c()));
        m.put("z", hex(proof.z()));
        m.put("proof", hex(proof.encode()));
        return m;
    }

}
