package org.heteronym.crypto.escrow;

import static org.heteronym.crypto.escrow.TestVectorGenerator.L;
import static org.heteronym.crypto.escrow.TestVectorGenerator.SEED;
import static org.heteronym.crypto.escrow.VectorCodec.hex;
import static org.heteronym.crypto.escrow.VectorCodec.hexScalars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TEST ONLY: envelope-seal.json and envelope-rerandomise.json (see {@link TestVectorGenerator}). */
final class EnvelopeVectors {
    private EnvelopeVectors() {}

    static Map<String, Object> seal(TestVectorGenerator g) {
        byte[] enc = g.record.encode(L);
        List<Object> chunks = new ArrayList<>();
        for (int j = 0; j < L; j++) {
            byte[] chunk = java.util.Arrays.copyOfRange(enc, 31 * j, 31 * j + 31);
            Point m = ChunkMap.encode(chunk);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("chunk", hex(chunk));
            c.put("counter", ChunkMap.counterOf(m));
            c.put("M", hex(m));
            c.put("A", hex(g.envelope.a(j)));
            c.put("B", hex(g.envelope.b(j)));
            chunks.add(c);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chunkCount", L);
        m.put("epochId", g.envelope.epochId().toHex());
        m.put("jointKey", hex(g.dealt.epoch().jointKey()));
        m.put("record", VectorCodec.record(g.record));
        m.put("r", hexScalars(g.r));
        m.put("recordEncoding", hex(enc));
        m.put("chunks", chunks);
        m.put("envelope", hex(g.envelope.encode()));
        m.put("envelopeHash", g.envelope.envelopeHash().toHex());
        return m;
    }

    static Map<String, Object> rerandomise(TestVectorGenerator g) {
        TestDrbg random = new TestDrbg(SEED + "rerandomise");
        Scalar[] s = new Scalar[L];
        for (int j = 0; j < L; j++) {
            s[j] = Scalar.random(random);
        }
        Envelope fresh = Envelopes.rerandomise(g.envelope, g.dealt.epoch().jointKey(), s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jointKey", hex(g.dealt.epoch().jointKey()));
        m.put("source", hex(g.envelope.encode()));
        m.put("s", hexScalars(s));
        m.put("envelope", hex(fresh.encode()));
        m.put("envelopeHash", fresh.envelopeHash().toHex());
        return m;
    }
}
