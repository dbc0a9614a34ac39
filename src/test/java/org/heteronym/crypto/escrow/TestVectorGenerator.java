package org.heteronym.crypto.escrow;

import static org.heteronym.crypto.escrow.VectorCodec.hex;
import static org.heteronym.crypto.escrow.VectorCodec.hexScalars;

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
import org.bouncycastle.math.ec.ECPoint;

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
        out.put("envelope-seal.json", Json.write(g.seal()));
        out.put("envelope-rerandomise.json", Json.write(g.rerandomise()));
        out.put("share-proof.json", Json.write(g.shareProof()));
        out.put("lagrange.json", Json.write(g.lagrange()));
        out.put("opening-3-of-5.json", Json.write(g.opening()));
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

    Map<String, Object> seal() {
        byte[] enc = record.encode(L);
        List<Object> chunks = new ArrayList<>();
        for (int j = 0; j < L; j++) {
            byte[] chunk = java.util.Arrays.copyOfRange(enc, 31 * j, 31 * j + 31);
            Point m = ChunkMap.encode(chunk);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("chunk", hex(chunk));
            c.put("counter", ChunkMap.counterOf(m));
            c.put("M", hex(m));
            c.put("A", hex(envelope.a(j)));
            c.put("B", hex(envelope.b(j)));
            chunks.add(c);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chunkCount", L);
        m.put("epochId", envelope.epochId().toHex());
        m.put("jointKey", hex(dealt.epoch().jointKey()));
        m.put("record", VectorCodec.record(record));
        m.put("r", hexScalars(r));
        m.put("recordEncoding", hex(enc));
        m.put("chunks", chunks);
        m.put("envelope", hex(envelope.encode()));
        m.put("envelopeHash", envelope.envelopeHash().toHex());
        return m;
    }

    Map<String, Object> rerandomise() {
        TestDrbg random = new TestDrbg(SEED + "rerandomise");
        Scalar[] s = new Scalar[L];
        for (int j = 0; j < L; j++) {
            s[j] = Scalar.random(random);
        }
        Envelope fresh = Envelopes.rerandomise(envelope, dealt.epoch().jointKey(), s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jointKey", hex(dealt.epoch().jointKey()));
        m.put("source", hex(envelope.encode()));
        m.put("s", hexScalars(s));
        m.put("envelope", hex(fresh.encode()));
        m.put("envelopeHash", fresh.envelopeHash().toHex());
        return m;
    }

    Map<String, Object> shareProof() {
        int i = 1;
        int j = 0;
        TrusteeKey key = dealt.trustee(i);
        ShareContext ctx = context(i);
        Scalar[] rnd = shareRandomness(i)[j];
        Point a = envelope.a(j);
        ChunkShare share = ShareProver.proveChunk(key.secret(), key.publicKey(), a, ctx, j, rnd[0], rnd[1], rnd[2]);
        ECPoint t1 = Point.multiplyGenerator(rnd[1]).raw();
        ECPoint t2 = Point.multiplyGenerator(rnd[2]).raw();
        ECPoint t3 = a.multiply(rnd[1]).add(ctx.officerKey().multiply(rnd[2])).raw();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trusteeIndex", i);
        m.put("x", hex(key.secret()));
        m.put("Y_i", hex(key.publicKey()));
        m.put("chunkIndex", j);
        m.put("A", hex(a));
        m.put("context", VectorCodec.context(ctx));
        m.put("u", hex(rnd[0]));
        m.put("w1", hex(rnd[1]));
        m.put("w2", hex(rnd[2]));
        m.put("D", hex(a.multiply(key.secret())));
        m.put("E1", hex(share.e1()));
        m.put("E2", hex(share.e2()));
        m.put("T1", hex(t1.getEncoded(true)));
        m.put("T2", hex(t2.getEncoded(true)));
        m.put("T3", hex(t3.getEncoded(true)));
        m.put("transcript", hex(ShareChallenge.transcript(ctx, key.publicKey(), a, share.e1(), share.e2(), t1, t2, t3, j)));
        m.put("c", hex(share.c()));
        m.put("z1", hex(share.z1()));
        m.put("z2", hex(share.z2()));
        m.put("chunkShare", hex(share.encode()));
        return m;
    }

    Map<String, Object> lagrange() {
        List<Object> cases = new ArrayList<>();
        for (int[] set : new int[][] {{1, 2, 3}, {1, 3, 5}, {2, 4, 5}, {1, 2, 3, 4, 5}}) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("indices", java.util.Arrays.stream(set).boxed().toList());
            c.put("lambdas", hexScalars(Lagrange.atZero(set)));
            cases.add(c);
        }
        Scalar[] lambda = Lagrange.atZero(OPENING_SET);
        Point a = envelope.a(0);
        List<String> d = new ArrayList<>();
        Point s = null;
        for (int k = 0; k < OPENING_SET.length; k++) {
            Point dk = a.multiply(dealt.trustee(OPENING_SET[k]).secret());
            d.add(hex(dk));
            s = s == null ? dk.multiply(lambda[k]) : s.add(dk.multiply(lambda[k]));
        }
        Map<String, Object> comb = new LinkedHashMap<>();
        comb.put("indices", java.util.Arrays.stream(OPENING_SET).boxed().toList());
        comb.put("D", d);
        comb.put("S", hex(s));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cases", cases);
        m.put("combination", comb);
        return m;
    }

    Map<String, Object> opening() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", T);
        m.put("trustees", N);
        m.put("polynomial", hexScalars(polynomial.toArray(new Scalar[0])));
        List<Object> keys = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("index", i);
            k.put("x", hex(dealt.trustee(i).secret()));
            k.put("Y", hex(dealt.trustee(i).publicKey()));
            keys.add(k);
        }
        m.put("trusteeKeys", keys);
        m.put("jointKey", hex(dealt.epoch().jointKey()));
        m.put("epochId", dealt.epoch().epochId().toHex());
        m.put("record", VectorCodec.record(record));
        m.put("envelope", hex(envelope.encode()));
        m.put("envelopeHash", envelope.envelopeHash().toHex());
        m.put("officerSecret", hex(officer.secret()));
        m.put("officerKey", hex(officer.publicKey()));
        List<Object> shares = new ArrayList<>();
        List<VerifiedShare> verified = new ArrayList<>();
        for (int i : OPENING_SET) {
            Scalar[][] rnd = shareRandomness(i);
            List<ChunkShare> chunks = new ArrayList<>();
            List<Object> rj = new ArrayList<>();
            for (int j = 0; j < L; j++) {
                TrusteeKey key = dealt.trustee(i);
                chunks.add(ShareProver.proveChunk(key.secret(), key.publicKey(), envelope.a(j), context(i), j,
                        rnd[j][0], rnd[j][1], rnd[j][2]));
                rj.add(Map.of("u", hex(rnd[j][0]), "w1", hex(rnd[j][1]), "w2", hex(rnd[j][2])));
            }
            DecryptionShare share = new DecryptionShare(i, chunks);
            try {
                verified.add(ShareVerifier.verify(share, envelope, context(i), dealt.epoch()));
            } catch (InvalidProofException e) {
                throw new IllegalStateException(e);
            }
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("trusteeIndex", i);
            sm.put("context", VectorCodec.context(context(i)));
            sm.put("randomness", rj.stream().map(o -> new TreeMap<>((Map<?, ?>) o)).toList());
            sm.put("share", hex(share.encode()));
            shares.add(sm);
        }
        m.put("shares", shares);
        Scalar[] lambda = Lagrange.atZero(OPENING_SET);
        m.put("lambdas", hexScalars(lambda));
        List<Object> chunks = new ArrayList<>();
        for (int j = 0; j < L; j++) {
            ECPoint s = P256.CURVE.getInfinity();
            for (int k = 0; k < OPENING_SET.length; k++) {
                VerifiedShare v = verified.get(k);
                s = s.add(EnvelopeOpener.decrypt(v.e1(j), v.e2(j), officer.secret())
                        .multiply(lambda[k].toBigInteger()));
            }
            Point sp = new Point(s);
            Point mj = envelope.b(j).subtract(sp);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("S", hex(sp));
            c.put("M", hex(mj));
            try {
                c.put("chunk", hex(ChunkMap.decode(mj)));
            } catch (MalformedEncodingException e) {
                throw new IllegalStateException(e);
            }
            chunks.add(c);
        }
        m.put("chunks", chunks);
        m.put("recordEncoding", hex(record.encode(L)));
        return m;
    }
}
