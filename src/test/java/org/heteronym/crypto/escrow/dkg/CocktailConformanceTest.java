package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.encoders.Hex;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.Json;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with the published COCKTAIL(P-256, SHA-256) vectors (C2SP CCTV,
 * {@code cocktail-dkg/cocktail-dkg-p256-sha256.json} at commit 1e3d2860d46e94e777e1b17c7a6f2436387e3ecc,
 * reused as the CCTV README encourages, copied unchanged to src/test/resources/cctv/): from the
 * seed alone, re-derives every secret with the CCTV derivation (labelled SHA-256, the "round1_participant_i"
 * stream being block j = SHA-256(prefix || label || u64le(j)) mod q for a_0..a_{t-1} then e_i) and recomputes the
 * context, commitments, ephemeral keys, PoPs with their intermediate values, every ciphertext, every secret and
 * verification share, the group key, the transcript hash and every CertEq signature, byte for byte.
 */
class CocktailConformanceTest {
    private static final Path FILE = Path.of("src/test/resources/cctv/cocktail-dkg-p256-sha256.json");
    private static final String FILE_SHA256 = "4084173788d6c5429f613438e4b3e9cd7c5f1a82b76340f649d380f240bee8a4";

    @Test
    void vectorFileIsTheUnmodifiedCctvFile() throws Exception {
        assertEquals(FILE_SHA256, Hex.toHexString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(FILE))));
    }

    @Test
    void everyP256VectorIsReproducedByteForByte() throws Exception {
        Map<String, Object> file = obj(Json.parse(Files.readString(FILE, StandardCharsets.UTF_8)));
        assertEquals(CocktailP256.CIPHERSUITE_ID, file.get("ciphersuite"));
        byte[] seed = Hex.decode((String) file.get("seed"));
        List<?> vectors = (List<?>) file.get("vectors");
        assertEquals(4, vectors.size());
        for (Object v : vectors) {
            reproduce(seed, obj(v));
        }
    }

    private static void reproduce(byte[] seed, Map<String, Object> v) {
        int n = Math.toIntExact((Long) v.get("n"));
        int t = Math.toIntExact((Long) v.get("t"));
        Map<String, Object> config = obj(v.get("config"));
        List<Scalar> d = new ArrayList<>();
        List<Point> p = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Scalar di = Scalar.reduceBigEndian(labelled(seed, t, n, "static_secret_key_" + i, null));
            d.add(di);
            p.add(Point.multiplyGenerator(di));
            assertEquals(hexAt(config, "static_secret_keys", i), Hex.toHexString(di.encode()));
            assertEquals(hexAt(config, "static_public_keys", i), p.get(i - 1).toString());
        }
        byte[] sessionTag = Hex.decode((String) v.get("session_tag"));
        Hash32 context = CocktailP256.context(sessionTag, p);
        assertEquals(v.get("context"), context.toHex());
        byte[] ext = Hex.decode((String) v.get("extension"));
        List<?> payloadList = (List<?>) v.get("payloads");

        List<List<Scalar>> coefficients = new ArrayList<>();
        List<List<Point>> commitments = new ArrayList<>();
        List<Point> ephemeral = new ArrayList<>();
        List<byte[]> pops = new ArrayList<>();
        List<?> round1 = (List<?>) v.get("round1");
        for (int i = 1; i <= n; i++) {
            Map<String, Object> r1 = obj(round1.get(i - 1));
            List<Scalar> a = new ArrayList<>();
            List<Point> c = new ArrayList<>();
            for (int k = 0; k < t; k++) {
                a.add(Scalar.reduceBigEndian(labelled(seed, t, n, "round1_participant_" + i, (long) k)));
                c.add(Point.multiplyGenerator(a.get(k)));
            }
            Scalar e = Scalar.reduceBigEndian(labelled(seed, t, n, "round1_participant_" + i, (long) t));
            Point bigE = Point.multiplyGenerator(e);
            coefficients.add(a);
            commitments.add(c);
            ephemeral.add(bigE);
            assertEquals(r1.get("vss_commitment"), c.stream().map(Point::toString).toList());
            assertEquals(r1.get("ephemeral_public_key"), bigE.toString());

            byte[] popMessage = CocktailP256.popMessage(context, c, bigE);
            Map<String, Object> pi = obj(r1.get("pop_intermediate"));
            assertEquals(pi.get("message"), Hex.toHexString(popMessage));
            byte[] nonceInput = concat(CocktailP256.ascii(CocktailP256.NONCE_PREFIX), a.get(0).encode(), popMessage);
            assertEquals(pi.get("nonce_input"), Hex.toHexString(nonceInput));
            Scalar k = CocktailP256.hashToScalar(nonceInput);
            assertEquals(pi.get("nonce"), Hex.toHexString(k.encode()));
            assertEquals(pi.get("nonce_commitment"), Point.multiplyGenerator(k).toString());
            byte[] challengeInput = concat(CocktailP256.ascii(CocktailP256.H7_PREFIX),
                    Point.multiplyGenerator(k).encode(), c.get(0).encode(), popMessage);
            assertEquals(pi.get("challenge_input"), Hex.toHexString(challengeInput));
            assertEquals(pi.get("challenge"), Hex.toHexString(CocktailP256.hashToScalar(challengeInput).encode()));
            byte[] pop = CocktailP256.sign(a.get(0), popMessage);
            assertEquals(r1.get("pop"), Hex.toHexString(pop));
            assertTrue(CocktailP256.verify(c.get(0), popMessage, pop));
            pops.add(pop);

            byte[] payload = payloadList == null ? new byte[0] : Hex.decode((String) payloadList.get(i - 1));
            List<?> shares = (List<?>) r1.get("encrypted_shares");
            for (int j = 1; j <= n; j++) {
                byte[] plaintext = concat(CocktailP256.evaluate(a, j).encode(), payload);
                CocktailP256.KeyAndNonce kn = CocktailP256.senderKey(e, d.get(i - 1), bigE, p.get(i - 1), p.get(j - 1),
                        context);
                assertEquals(shares.get(j - 1), Hex.toHexString(CocktailP256.encrypt(kn, plaintext)));
            }
        }

        Point y = null;
        List<?> round2 = (List<?>) v.get("round2");
        for (int i = 1; i <= n; i++) {
            Scalar x = Scalar.of(0);
            for (int j = 1; j <= n; j++) {
                byte[] c = Hex.decode((String) ((List<?>) obj(round1.get(j - 1)).get("encrypted_shares")).get(i - 1));
                CocktailP256.KeyAndNonce kn = CocktailP256.recipientKey(d.get(i - 1), ephemeral.get(j - 1),
                        p.get(j - 1), p.get(i - 1), context);
                byte[] plaintext = CocktailP256.decrypt(kn, c).orElseThrow();
                Scalar s = Scalar.reduceBigEndian(Arrays.copyOf(plaintext, 32));
                assertTrue(CocktailP256.shareMatchesCommitment(s, i, commitments.get(j - 1)));
                assertFalse(CocktailP256.shareMatchesCommitment(s.add(Scalar.of(1)), i, commitments.get(j - 1)));
                x = x.add(s);
            }
            Map<String, Object> r2 = obj(round2.get(i - 1));
            assertEquals(r2.get("secret_share"), Hex.toHexString(x.encode()));
            assertEquals(r2.get("verification_share"), Point.multiplyGenerator(x).toString());
        }
        for (List<Point> c : commitments) {
            y = y == null ? c.get(0) : y.add(c.get(0));
        }
        assertEquals(v.get("group_public_key"), y.toString());

        byte[] transcript = CocktailP256.transcript(context, t, p, commitments, pops, ephemeral, ext);
        Map<String, Object> r3 = obj(v.get("round3"));
        assertEquals(r3.get("transcript_hash"), Hash32.sha256(transcript).toHex());
        List<?> sigs = (List<?>) r3.get("signatures");
        for (int i = 1; i <= n; i++) {
            byte[] sig = CocktailP256.sign(d.get(i - 1), transcript);
            assertEquals(obj(sigs.get(i - 1)).get("signature"), Hex.toHexString(sig));
            assertTrue(CocktailP256.verify(p.get(i - 1), transcript, sig));
            assertFalse(CocktailP256.verify(p.get(i % n), transcript, sig) && n > 1);
        }
    }

    /** CCTV derivation: SHA-256(seed || cs_id || u32le(t) || u32le(n) || label [|| u64le(counter)]). */
    private static byte[] labelled(byte[] seed, int t, int n, String label, Long counter) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(seed);
        b.writeBytes(CocktailP256.ascii(CocktailP256.CIPHERSUITE_ID));
        Wire.u32le(b, t);
        Wire.u32le(b, n);
        b.writeBytes(CocktailP256.ascii(label));
        if (counter != null) {
            Wire.u64le(b, counter);
        }
        return Hash32.sha256(b.toByteArray()).toBytes();
    }

    private static String hexAt(Map<String, Object> m, String key, int i) {
        return (String) ((List<?>) m.get(key)).get(i - 1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] x : parts) {
            b.writeBytes(x);
        }
        return b.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }
}
