package org.heteronym.crypto.escrow;

import static org.heteronym.crypto.escrow.VectorCodec.bytes;
import static org.heteronym.crypto.escrow.VectorCodec.hex;
import static org.heteronym.crypto.escrow.VectorCodec.integer;
import static org.heteronym.crypto.escrow.VectorCodec.obj;
import static org.heteronym.crypto.escrow.VectorCodec.point;
import static org.heteronym.crypto.escrow.VectorCodec.scalar;
import static org.heteronym.crypto.escrow.VectorCodec.scalars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** Recomputes share-proof.json, lagrange.json and opening-3-of-5.json byte for byte. */
class ShareVectorsTest {
    @Test
    void shareProofVectorRecomputes() throws Exception {
        Map<String, Object> v = load("share-proof.json");
        Scalar x = scalar(v.get("x"));
        Point yi = point(v.get("Y_i"));
        Point a = point(v.get("A"));
        int j = integer(v.get("chunkIndex"));
        ShareContext ctx = VectorCodec.context(v.get("context"));
        assertEquals(obj(v.get("context")).get("encoding"), hex(ctx.encode()));
        assertEquals(integer(v.get("trusteeIndex")), ctx.trusteeIndex());
        assertEquals(v.get("Y_i"), hex(Point.multiplyGenerator(x)));
        Scalar u = scalar(v.get("u"));
        Scalar w1 = scalar(v.get("w1"));
        Scalar w2 = scalar(v.get("w2"));
        ChunkShare share = ShareProver.proveChunk(x, yi, a, ctx, j, u, w1, w2);
        assertEquals(v.get("chunkShare"), hex(share.encode()));
        assertEquals(v.get("D"), hex(a.multiply(x)));
        assertEquals(v.get("E1"), hex(share.e1()));
        assertEquals(v.get("E2"), hex(share.e2()));
        ECPoint t1 = Point.multiplyGenerator(w1).raw();
        ECPoint t2 = Point.multiplyGenerator(w2).raw();
        ECPoint t3 = a.multiply(w1).add(ctx.officerKey().multiply(w2)).raw();
        assertEquals(v.get("T1"), hex(t1.getEncoded(true)));
        assertEquals(v.get("T2"), hex(t2.getEncoded(true)));
        assertEquals(v.get("T3"), hex(t3.getEncoded(true)));
        byte[] transcript = ShareChallenge.transcript(ctx, yi, a, share.e1(), share.e2(), t1, t2, t3, j);
        assertEquals(v.get("transcript"), hex(transcript));
        assertEquals(v.get("c"), hex(HashToScalar.hash(transcript, "heteronym-v1-share-proof-challenge")));
        assertEquals(v.get("z1"), hex(w1.add(share.c().multiply(x))));
        assertEquals(v.get("z2"), hex(w2.add(share.c().multiply(u))));
        assertTrue(ShareVerifier.proofHolds(yi, a, ctx, j, ChunkShare.decode(bytes(v.get("chunkShare")), 0)));
    }

    @Test
    void lagrangeVectorRecomputes() throws Exception {
        Map<String, Object> v = load("lagrange.json");
        for (Object o : (List<?>) v.get("cases")) {
            Map<String, Object> c = obj(o);
            int[] idx = ((List<?>) c.get("indices")).stream().mapToInt(VectorCodec::integer).toArray();
            assertEquals(c.get("lambdas"), VectorCodec.hexScalars(Lagrange.atZero(idx)));
        }
        Map<String, Object> comb = obj(v.get("combination"));
        int[] idx = ((List<?>) comb.get("indices")).stream().mapToInt(VectorCodec::integer).toArray();
        Scalar[] lambda = Lagrange.atZero(idx);
        List<?> d = (List<?>) comb.get("D");
        Point s = point(d.get(0)).multiply(lambda[0]);
        for (int k = 1; k < idx.length; k++) {
            s = s.add(point(d.get(k)).multiply(lambda[k]));
        }
        assertEquals(comb.get("S"), hex(s));
    }

    @Test
    void fullThreeOfFiveOpeningVectorRecomputes() throws Exception {
        Map<String, Object> v = load("opening-3-of-5.json");
        Scalar[] poly = scalars(v.get("polynomial"));
        TrustedDealer.Dealt dealt = TrustedDealer.fromCoefficients(integer(v.get("threshold")),
                integer(v.get("trustees")), List.of(poly));
        for (Object o : (List<?>) v.get("trusteeKeys")) {
            Map<String, Object> k = obj(o);
            TrusteeKey key = dealt.trustee(integer(k.get("index")));
            assertEquals(k.get("x"), hex(key.secret()));
            assertEquals(k.get("Y"), hex(key.publicKey()));
        }
        assertEquals(v.get("jointKey"), hex(dealt.epoch().jointKey()));
        assertEquals(v.get("epochId"), dealt.epoch().epochId().toHex());
        Envelope env = Envelope.decode(bytes(v.get("envelope")));
        assertEquals(v.get("envelopeHash"), env.envelopeHash().toHex());
        OfficerKeyPair officer = OfficerKeyPair.fromSecret(scalar(v.get("officerSecret")));
        assertEquals(v.get("officerKey"), hex(officer.publicKey()));

        List<VerifiedShare> verified = new ArrayList<>();
        for (Object o : (List<?>) v.get("shares")) {
            Map<String, Object> sv = obj(o);
            int i = integer(sv.get("trusteeIndex"));
            ShareContext ctx = VectorCodec.context(sv.get("context"));
            TrusteeKey key = dealt.trustee(i);
            List<?> rnd = (List<?>) sv.get("randomness");
            List<ChunkShare> chunks = new ArrayList<>();
            for (int j = 0; j < env.chunkCount(); j++) {
                Map<String, Object> r = obj(rnd.get(j));
                chunks.add(ShareProver.proveChunk(key.secret(), key.publicKey(), env.a(j), ctx, j,
                        scalar(r.get("u")), scalar(r.get("w1")), scalar(r.get("w2"))));
            }
            assertEquals(sv.get("share"), hex(new DecryptionShare(i, chunks).encode()));
            verified.add(ShareVerifier.verify(DecryptionShare.decode(bytes(sv.get("share"))), env, ctx, dealt.epoch()));
        }
        int[] idx = verified.stream().mapToInt(VerifiedShare::trusteeIndex).toArray();
        Scalar[] lambda = Lagrange.atZero(idx);
        assertEquals(v.get("lambdas"), VectorCodec.hexScalars(lambda));
        List<?> chunks = (List<?>) v.get("chunks");
        for (int j = 0; j < env.chunkCount(); j++) {
            Point s = null;
            for (int k = 0; k < idx.length; k++) {
                Point d = new Point(EnvelopeOpener.decrypt(verified.get(k).e1(j), verified.get(k).e2(j), officer.secret()));
                s = s == null ? d.multiply(lambda[k]) : s.add(d.multiply(lambda[k]));
            }
            Map<String, Object> c = obj(chunks.get(j));
            assertEquals(c.get("S"), hex(s));
            assertEquals(c.get("M"), hex(env.b(j).subtract(s)));
            assertEquals(c.get("chunk"), hex(ChunkMap.decode(env.b(j).subtract(s))));
        }
        OpenedIdentity opened = EnvelopeOpener.open(env, verified, officer, dealt.epoch());
        assertEquals(VectorCodec.record(v.get("record")), opened.record());
        assertEquals(v.get("recordEncoding"), hex(opened.record().encode(env.chunkCount())));
    }

    private static Map<String, Object> load(String name) throws Exception {
        return TestVectorsTest.load(name);
    }
}
