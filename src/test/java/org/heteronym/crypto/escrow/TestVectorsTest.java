package org.heteronym.crypto.escrow;

import static org.heteronym.crypto.escrow.VectorCodec.bytes;
import static org.heteronym.crypto.escrow.VectorCodec.hex;
import static org.heteronym.crypto.escrow.VectorCodec.integer;
import static org.heteronym.crypto.escrow.VectorCodec.obj;
import static org.heteronym.crypto.escrow.VectorCodec.point;
import static org.heteronym.crypto.escrow.VectorCodec.scalar;
import static org.heteronym.crypto.escrow.VectorCodec.scalars;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recomputes every committed test vector from its inputs with the production code and compares byte for byte,
 * and checks that the files are exactly what {@link TestVectorGenerator} writes (so they cannot drift).
 */
class TestVectorsTest {
    private static final Path DIR = Path.of("src/test/resources/vectors");

    @Test
    void committedFilesAreExactlyTheGeneratorOutput() throws Exception {
        if (Boolean.getBoolean("heteronym.vectors.write")) {
            TestVectorGenerator.main(new String[] {DIR.toString()});
        }
        Map<String, String> generated = TestVectorGenerator.generateAll();
        try (var files = Files.list(DIR)) {
            assertEquals(generated.keySet(), new java.util.TreeSet<>(files.map(p -> p.getFileName().toString()).toList()));
        }
        for (Map.Entry<String, String> e : generated.entrySet()) {
            assertEquals(e.getValue(), Files.readString(DIR.resolve(e.getKey()), StandardCharsets.UTF_8), e.getKey());
        }
    }

    @Test
    void hashToScalarVectorsRecompute() throws Exception {
        for (Object o : (List<?>) load("hash-to-scalar.json").get("cases")) {
            Map<String, Object> c = obj(o);
            String dst = (String) c.get("dst");
            byte[] msg = bytes(c.get("msg"));
            assertEquals(c.get("uniformBytes"),
                    hex(ExpandMessageXmd.expand(msg, dst.getBytes(StandardCharsets.US_ASCII), 48)));
            assertEquals(c.get("scalar"), hex(HashToScalar.hash(msg, dst)));
        }
    }

    @Test
    void schnorrVectorRecomputes() throws Exception {
        Map<String, Object> v = load("schnorr-pok.json");
        Scalar x = scalar(v.get("x"));
        byte[] context = bytes(v.get("context"));
        SchnorrProof proof = SchnorrProof.prove(x, context, scalar(v.get("w")));
        assertEquals(v.get("X"), hex(Point.multiplyGenerator(x)));
        assertEquals(v.get("T"), hex(Point.multiplyGenerator(scalar(v.get("w")))));
        assertEquals(v.get("proof"), hex(proof.encode()));
        SchnorrProof.decode(bytes(v.get("proof"))).verify(point(v.get("X")), context);
    }

    @Test
    void envelopeSealVectorRecomputes() throws Exception {
        Map<String, Object> v = load("envelope-seal.json");
        int l = integer(v.get("chunkCount"));
        byte[] enc = VectorCodec.record(v.get("record")).encode(l);
        assertEquals(v.get("recordEncoding"), hex(enc));
        List<?> chunks = (List<?>) v.get("chunks");
        for (int j = 0; j < l; j++) {
            Map<String, Object> c = obj(chunks.get(j));
            assertEquals(c.get("chunk"), hex(java.util.Arrays.copyOfRange(enc, 31 * j, 31 * j + 31)));
            Point m = ChunkMap.encode(bytes(c.get("chunk")));
            assertEquals(c.get("M"), hex(m));
            assertEquals(integer(c.get("counter")), ChunkMap.counterOf(m));
        }
        Envelope env = Envelopes.seal(enc, point(v.get("jointKey")), Hash32.fromHex((String) v.get("epochId")),
                scalars(v.get("r")));
        assertEquals(v.get("envelope"), hex(env.encode()));
        assertEquals(v.get("envelopeHash"), env.envelopeHash().toHex());
        for (int j = 0; j < l; j++) {
            assertEquals(obj(chunks.get(j)).get("A"), hex(env.a(j)));
            assertEquals(obj(chunks.get(j)).get("B"), hex(env.b(j)));
        }
    }

    @Test
    void rerandomiseVectorRecomputes() throws Exception {
        Map<String, Object> v = load("envelope-rerandomise.json");
        Envelope fresh = Envelopes.rerandomise(Envelope.decode(bytes(v.get("source"))), point(v.get("jointKey")),
                scalars(v.get("s")));
        assertEquals(v.get("envelope"), hex(fresh.encode()));
        assertEquals(v.get("envelopeHash"), fresh.envelopeHash().toHex());
    }

    static Map<String, Object> load(String name) throws Exception {
        return obj(Json.parse(Files.readString(DIR.resolve(name), StandardCharsets.UTF_8)));
    }
}
