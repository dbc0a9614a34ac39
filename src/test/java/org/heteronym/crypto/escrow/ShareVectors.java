package org.heteronym.crypto.escrow;

import static org.heteronym.crypto.escrow.TestVectorGenerator.L;
import static org.heteronym.crypto.escrow.TestVectorGenerator.OPENING_SET;
import static org.heteronym.crypto.escrow.TestVectorGenerator.T;
import static org.heteronym.crypto.escrow.TestVectorGenerator.N;
import static org.heteronym.crypto.escrow.TestVectorGenerator.shareRandomness;
import static org.heteronym.crypto.escrow.VectorCodec.hex;
import static org.heteronym.crypto.escrow.VectorCodec.hexScalars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.math.ec.ECPoint;

/** TEST ONLY: share-proof.json, lagrange.json and opening-3-of-5.json (see {@link TestVectorGenerator}). */
final class ShareVectors {
    private ShareVectors() {}

    static Map<String, Object> shareProof(TestVectorGenerator g) {
        int i = 1;
        int j = 0;
        TrusteeKey key = g.dealt.trustee(i);
        ShareContext ctx = g.context(i);
        Scalar[] rnd = shareRandomness(i)[j];
        Point a = g.envelope.a(j);
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

    static Map<String, Object> lagrange(TestVectorGenerator g) {
        List<Object> cases = new ArrayList<>();
        for (int[] set : new int[][] {{1, 2, 3}, {1, 3, 5}, {2, 4, 5}, {1, 2, 3, 4, 5}}) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("indices", java.util.Arrays.stream(set).boxed().toList());
            c.put("lambdas", hexScalars(Lagrange.atZero(set)));
            cases.add(c);
        }
        Scalar[] lambda = Lagrange.atZero(OPENING_SET);
        Point a = g.envelope.a(0);
        List<String> d = new ArrayList<>();
        Point s = null;
        for (int k = 0; k < OPENING_SET.length; k++) {
            Point dk = a.multiply(g.dealt.trustee(OPENING_SET[k]).secret());
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

    static Map<String, Object> opening(TestVectorGenerator g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", T);
        m.put("trustees", N);
        m.put("polynomial", hexScalars(g.polynomial.toArray(new Scalar[0])));
        List<Object> keys = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("index", i);
            k.put("x", hex(g.dealt.trustee(i).secret()));
            k.put("Y", hex(g.dealt.trustee(i).publicKey()));
            keys.add(k);
        }
        m.put("trusteeKeys", keys);
        m.put("jointKey", hex(g.dealt.epoch().jointKey()));
        m.put("epochId", g.dealt.epoch().epochId().toHex());
        m.put("record", VectorCodec.record(g.record));
        m.put("envelope", hex(g.envelope.encode()));
        m.put("envelopeHash", g.envelope.envelopeHash().toHex());
        m.put("officerSecret", hex(g.officer.secret()));
        m.put("officerKey", hex(g.officer.publicKey()));
        List<Object> shares = new ArrayList<>();
        List<VerifiedShare> verified = new ArrayList<>();
        for (int i : OPENING_SET) {
            Scalar[][] rnd = shareRandomness(i);
            List<ChunkShare> chunks = new ArrayList<>();
            List<Object> rj = new ArrayList<>();
            for (int j = 0; j < L; j++) {
                TrusteeKey key = g.dealt.trustee(i);
                chunks.add(ShareProver.proveChunk(key.secret(), key.publicKey(), g.envelope.a(j), g.context(i), j,
                        rnd[j][0], rnd[j][1], rnd[j][2]));
                rj.add(Map.of("u", hex(rnd[j][0]), "w1", hex(rnd[j][1]), "w2", hex(rnd[j][2])));
            }
            DecryptionShare share = new DecryptionShare(i, chunks);
            try {
                verified.add(ShareVerifier.verify(share, g.envelope, g.context(i), g.dealt.epoch()));
            } catch (InvalidProofException e) {
                throw new IllegalStateException(e);
            }
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("trusteeIndex", i);
            sm.put("context", VectorCodec.context(g.context(i)));
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
                s = s.add(EnvelopeOpener.decrypt(v.e1(j), v.e2(j), g.officer.secret())
                        .multiply(lambda[k].toBigInteger()));
            }
            Point sp = new Point(s);
            Point mj = g.envelope.b(j).subtract(sp);
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
        m.put("recordEncoding", hex(g.record.encode(L)));
        return m;
    }
}
