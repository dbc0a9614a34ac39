package org.heteronym.crypto.escrow.dkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.encoders.Hex;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.TestDrbg;

/**
 * TEST ONLY: the content of vectors/dkg-2-of-3.json, one complete honest 2-of-3 ceremony. Static secrets come
 * from TestDrbg seeds {@value #SEED}static-i, and each participant's Round 1 randomness (a_0, a_1, then e_i, each
 * by {@link Scalar#random}) from {@value #SEED}round1-i; every value drawn is written out. Registered in the escrow
 * package's {@code TestVectorGenerator}, which writes and checks all vector files; {@link DkgVectorsTest}
 * recomputes it byte for byte.
 */
public final class DkgVectors {
    static final String SEED = "heteronym-vectors-v1/dkg-2-of-3/";
    static final int T = 2;
    static final int N = 3;
    static final byte[] SESSION_ID = "heteronym-vectors-v1/dkg-2-of-3".getBytes(StandardCharsets.US_ASCII);

    private DkgVectors() {}

    public static Map<String, Object> ceremony2of3() {
        try {
            return generate();
        } catch (DkgAbortException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> generate() throws DkgAbortException {
        List<StaticKeyPair> keys = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            keys.add(StaticKeyPair.generate(new TestDrbg(SEED + "static-" + i)));
        }
        CeremonyParameters params = new CeremonyParameters(SESSION_ID, T, keys.stream().map(StaticKeyPair::publicKey).toList());
        List<List<Scalar>> coefficients = new ArrayList<>();
        List<Scalar> ephemeral = new ArrayList<>();
        List<Participant> participants = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            TestDrbg random = new TestDrbg(SEED + "round1-" + i);
            List<Scalar> a = new ArrayList<>();
            for (int k = 0; k < T; k++) {
                a.add(Scalar.random(random));
            }
            coefficients.add(a);
            ephemeral.add(Scalar.random(random));
            // The production constructor with the same seed draws the same values in the same order.
            participants.add(new Participant(params, i, keys.get(i - 1), new TestDrbg(SEED + "round1-" + i)));
        }
        List<byte[]> r1 = participants.stream().map(Participant::round1).toList();
        List<byte[]> r2 = new ArrayList<>();
        for (Participant p : participants) {
            r2.add(p.round2(r1));
        }
        List<DkgResult> results = new ArrayList<>();
        for (Participant p : participants) {
            results.add(p.finish(r2));
        }
        VerifiedRound1 pub = VerifiedRound1.verify(params, r1, 0, null);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ciphersuite", CocktailP256.CIPHERSUITE_ID);
        m.put("threshold", T);
        m.put("trustees", N);
        m.put("sessionId", hex(SESSION_ID));
        m.put("context", params.context().toHex());
        List<Object> ps = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            ps.add(participant(params, i, keys.get(i - 1), coefficients.get(i - 1), ephemeral.get(i - 1), r1.get(i - 1)));
        }
        m.put("participants", ps);
        m.put("extension", hex(pub.extension));
        m.put("transcript", hex(pub.transcript));
        m.put("transcriptHash", pub.transcriptHash.toHex());
        List<Object> round2 = new ArrayList<>();
        for (int k = 1; k <= N; k++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("index", k);
            e.put("transcriptSignature", hex(Round2Message.transcriptSignature(r2.get(k - 1))));
            e.put("message", hex(r2.get(k - 1)));
            round2.add(e);
        }
        m.put("round2", round2);
        List<Object> trusteeKeys = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            Scalar x = Scalar.of(0);
            for (int j = 1; j <= N; j++) {
                x = x.add(CocktailP256.evaluate(coefficients.get(j - 1), i));
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("index", i);
            e.put("x", hex(x.encode()));
            e.put("Y", results.get(i - 1).trusteeKey().publicKey().toString());
            trusteeKeys.add(e);
        }
        m.put("trusteeKeys", trusteeKeys);
        m.put("jointKey", results.get(0).jointKey().toString());
        m.put("epochId", results.get(0).epochKey().epochId().toHex());
        m.put("transcriptEncoding", hex(results.get(0).transcript().encode()));
        return m;
    }

    private static Map<String, Object> participant(CeremonyParameters params, int i, StaticKeyPair key,
            List<Scalar> a, Scalar e, byte[] round1) {
        Point bigE = Point.multiplyGenerator(e);
        List<Point> c = a.stream().map(Point::multiplyGenerator).toList();
        byte[] popMessage = CocktailP256.popMessage(params.context(), c, bigE);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", i);
        m.put("staticSecret", hex(key.exportSecret()));
        m.put("staticKey", key.publicKey().toString());
        m.put("coefficients", a.stream().map(s -> hex(s.encode())).toList());
        m.put("ephemeralSecret", hex(e.encode()));
        m.put("commitment", c.stream().map(Point::toString).toList());
        m.put("ephemeralKey", bigE.toString());
        m.put("popMessage", hex(popMessage));
        m.put("pop", hex(CocktailP256.sign(a.get(0), popMessage)));
        List<Object> shares = new ArrayList<>();
        for (int j = 1; j <= params.participantCount(); j++) {
            Point pj = params.participantKey(j);
            Scalar s = CocktailP256.evaluate(a, j);
            CocktailP256.KeyAndNonce kn = CocktailP256.senderKey(e, key.secret(), bigE, key.publicKey(), pj,
                    params.context());
            Map<String, Object> sh = new LinkedHashMap<>();
            sh.put("recipient", j);
            sh.put("share", hex(s.encode()));
            sh.put("ecdhEphemeral", pj.multiply(e).toString());
            sh.put("ecdhStatic", pj.multiply(key.secret()).toString());
            sh.put("key", hex(kn.key()));
            sh.put("nonce", hex(kn.nonce()));
            sh.put("ciphertext", hex(CocktailP256.encrypt(kn, s.encode())));
            shares.add(sh);
        }
        m.put("shares", shares);
        byte[] digest = Round1Message.digest(round1);
        m.put("round1Digest", hex(digest));
        m.put("round1SigningMessage", hex(Round1Message.signingMessage(params.context(), i, digest)));
        m.put("round1Signature", hex(Round1Message.signatureOf(round1)));
        m.put("round1", hex(round1));
        return m;
    }

    static String hex(byte[] b) {
        return Hex.toHexString(b);
    }
}
