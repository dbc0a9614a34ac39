package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.encoders.Hex;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.Json;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;
import org.junit.jupiter.api.Test;

/**
 * Recomputes vectors/dkg-2-of-3.json from the inputs it records (static secrets, coefficients, ephemeral secrets
 * and the session id) with the production code, byte for byte. (That the file is exactly the generator's output
 * is checked with all other vector files by the escrow package's TestVectorsTest.)
 */
class DkgVectorsTest {
    private static final Path FILE = Path.of("src/test/resources/vectors/dkg-2-of-3.json");

    @Test
    void twoOfThreeCeremonyVectorRecomputesByteForByte() throws Exception {
        Map<String, Object> v = obj(Json.parse(Files.readString(FILE, StandardCharsets.UTF_8)));
        assertEquals(CocktailP256.CIPHERSUITE_ID, v.get("ciphersuite"));
        int t = Math.toIntExact((Long) v.get("threshold"));
        int n = Math.toIntExact((Long) v.get("trustees"));
        List<Map<String, Object>> ps = ((List<?>) v.get("participants")).stream().map(DkgVectorsTest::obj).toList();
        List<StaticKeyPair> keys = new ArrayList<>();
        for (Map<String, Object> p : ps) {
            StaticKeyPair k = StaticKeyPair.decodeSecret(bytes(p.get("staticSecret")));
            assertEquals(p.get("staticKey"), k.publicKey().toString());
            keys.add(k);
        }
        CeremonyParameters params = new CeremonyParameters(bytes(v.get("sessionId")), t,
                keys.stream().map(StaticKeyPair::publicKey).toList());
        assertEquals(v.get("context"), params.context().toHex());

        List<Participant> participants = new ArrayList<>();
        List<byte[]> r1 = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Map<String, Object> p = ps.get(i - 1);
            assertEquals((long) i, p.get("index"));
            List<Scalar> a = new ArrayList<>();
            for (Object c : (List<?>) p.get("coefficients")) {
                a.add(Scalar.decode(bytes(c)));
            }
            Scalar e = Scalar.decode(bytes(p.get("ephemeralSecret")));
            List<Point> c = a.stream().map(Point::multiplyGenerator).toList();
            Point bigE = Point.multiplyGenerator(e);
            assertEquals(p.get("commitment"), c.stream().map(Point::toString).toList());
            assertEquals(p.get("ephemeralKey"), bigE.toString());
            byte[] popMessage = CocktailP256.popMessage(params.context(), c, bigE);
            assertEquals(p.get("popMessage"), hex(popMessage));
            assertEquals(p.get("pop"), hex(CocktailP256.sign(a.get(0), popMessage)));
            List<?> shares = (List<?>) p.get("shares");
            for (int j = 1; j <= n; j++) {
                Map<String, Object> sh = obj(shares.get(j - 1));
                Point pj = params.participantKey(j);
                Scalar s = CocktailP256.evaluate(a, j);
                assertEquals(sh.get("share"), hex(s.encode()));
                Point se = pj.multiply(e);
                Point sd = pj.multiply(keys.get(i - 1).secret());
                assertEquals(sh.get("ecdhEphemeral"), se.toString());
                assertEquals(sh.get("ecdhStatic"), sd.toString());
                CocktailP256.KeyAndNonce kn = CocktailP256.keyAndNonce(se, sd, bigE, keys.get(i - 1).publicKey(), pj,
                        params.context());
                assertEquals(sh.get("key"), hex(kn.key()));
                assertEquals(sh.get("nonce"), hex(kn.nonce()));
                assertEquals(sh.get("ciphertext"), hex(CocktailP256.encrypt(kn, s.encode())));
            }
            Participant participant = Participant.withRandomness(params, i, keys.get(i - 1), a, e);
            byte[] m = participant.round1();
            assertEquals(p.get("round1"), hex(m));
            byte[] digest = Hash32.sha256(java.util.Arrays.copyOf(m, m.length - 65)).toBytes();
            assertEquals(p.get("round1Digest"), hex(digest));
            byte[] signing = Round1Message.signingMessage(params.context(), i, digest);
            assertEquals(p.get("round1SigningMessage"), hex(signing));
            assertEquals(p.get("round1Signature"), hex(CocktailP256.sign(keys.get(i - 1).secret(), signing)));
            participants.add(participant);
            r1.add(m);
        }

        List<byte[]> digests = r1.stream().map(Round1Message::digest).toList();
        byte[] ext = VerifiedRound1.extension(digests);
        assertEquals(v.get("extension"), hex(ext));
        List<List<Point>> commitments = new ArrayList<>();
        List<byte[]> pops = new ArrayList<>();
        List<Point> es = new ArrayList<>();
        for (Map<String, Object> p : ps) {
            List<Point> c = new ArrayList<>();
            for (Object x : (List<?>) p.get("commitment")) {
                c.add(Point.decode(bytes(x)));
            }
            commitments.add(c);
            pops.add(bytes(p.get("pop")));
            es.add(Point.decode(bytes(p.get("ephemeralKey"))));
        }
        byte[] transcript = CocktailP256.transcript(params.context(), t, params.participantKeys(), commitments, pops,
                es, ext);
        assertEquals(v.get("transcript"), hex(transcript));
        assertEquals(v.get("transcriptHash"), Hash32.sha256(transcript).toHex());

        List<?> round2 = (List<?>) v.get("round2");
        List<byte[]> r2 = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            byte[] m = participants.get(k - 1).round2(r1);
            Map<String, Object> e = obj(round2.get(k - 1));
            assertEquals(e.get("message"), hex(m));
            assertEquals(e.get("transcriptSignature"), hex(CocktailP256.sign(keys.get(k - 1).secret(), transcript)));
            r2.add(m);
        }
        List<?> trusteeKeys = (List<?>) v.get("trusteeKeys");
        DkgResult first = null;
        for (int i = 1; i <= n; i++) {
            DkgResult r = participants.get(i - 1).finish(r2);
            first = first == null ? r : first;
            Map<String, Object> tk = obj(trusteeKeys.get(i - 1));
            Scalar x = Scalar.of(0);
            for (Map<String, Object> p : ps) {
                x = x.add(Scalar.decode(bytes(obj(((List<?>) p.get("shares")).get(i - 1)).get("share"))));
            }
            assertEquals(tk.get("x"), hex(x.encode()));
            assertEquals(tk.get("Y"), Point.multiplyGenerator(x).toString());
            assertEquals(tk.get("Y"), r.trusteeKey().publicKey().toString());
            assertEquals(tk.get("Y"), r.outcome().trusteeKey(i).toString());
            assertEquals(v.get("transcriptEncoding"), hex(r.transcript().encode()));
        }
        assertEquals(v.get("jointKey"), first.jointKey().toString());
        assertEquals(v.get("epochId"), first.epochKey().epochId().toHex());
        assertEquals(v.get("epochId"), v.get("transcriptHash"));
        assertEquals(first.outcome(), TranscriptVerifier.verify(bytes(v.get("transcriptEncoding"))));
    }

    private static byte[] bytes(Object hex) {
        return Hex.decodeStrict((String) hex);
    }

    private static String hex(byte[] b) {
        return Hex.toHexString(b);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }
}
