package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.TestDrbg;
import org.junit.jupiter.api.Test;

/** The COCKTAIL Schnorr signature rejects every malformed or mismatched signature; decoders are strict. */
class CocktailSchnorrTest {
    private final Scalar sk = Scalar.random(new TestDrbg("cocktail-schnorr"));
    private final Point pk = Point.multiplyGenerator(sk);
    private final byte[] m = "message".getBytes(StandardCharsets.US_ASCII);
    private final byte[] sig = CocktailP256.sign(sk, m);

    @Test
    void signaturesAreDeterministicSixtyFiveBytesAndVerify() {
        assertEquals(65, sig.length);
        assertArrayEquals(sig, CocktailP256.sign(sk, m));
        assertTrue(CocktailP256.verify(pk, m, sig));
    }

    @Test
    void rejectsAnotherMessageKeyOrAnyFlippedBit() {
        assertFalse(CocktailP256.verify(pk, "messagf".getBytes(StandardCharsets.US_ASCII), sig));
        assertFalse(CocktailP256.verify(Point.generator(), m, sig));
        for (int i = 0; i < sig.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = sig.clone();
                bad[i] ^= (byte) (1 << bit);
                assertFalse(CocktailP256.verify(pk, m, bad), "byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void rejectsWrongLengthNonCanonicalResponseAndIdentityCommitment() {
        assertFalse(CocktailP256.verify(pk, m, Arrays.copyOf(sig, 64)));
        assertFalse(CocktailP256.verify(pk, m, Arrays.copyOf(sig, 66)));
        assertFalse(CocktailP256.verify(pk, m, null));
        byte[] bigZ = sig.clone();
        Arrays.fill(bigZ, 33, 65, (byte) 0xFF);
        assertFalse(CocktailP256.verify(pk, m, bigZ));
        byte[] zeroR = sig.clone();
        Arrays.fill(zeroR, 0, 33, (byte) 0);
        assertFalse(CocktailP256.verify(pk, m, zeroR));
    }

    @Test
    void hashToScalarIsTheSpecifiedFortyEightByteReduction() {
        // OS2IP(SHA-256(0x01 || "") || SHA-256(0x02 || "")[0:16]) mod q, computed independently in Python.
        Scalar s = CocktailP256.hashToScalar(new byte[0]);
        assertEquals("f1e0ec0a227671da432537fea8078a8f76e89060d2dd2669c7767c18be28c1e2", Hex.toHexString(s.encode()));
        assertEquals(s, CocktailP256.hashToScalar(new byte[0], new byte[0]));
        assertFalse(s.equals(CocktailP256.hashToScalar(new byte[] {0})));
    }

    @Test
    void equivocationEvidenceDecodingIsStrict() throws Exception {
        InProcessCeremony c = new InProcessCeremony(2, 3, "evidence-decoding");
        byte[] a = c.round1().get(1);
        byte[] b = new Participant(c.params, 2, c.keys.get(1), new TestDrbg("evidence-second")).round1();
        EquivocationEvidence e = new EquivocationEvidence(2, Round1Message.digest(a), Round1Message.signatureOf(a),
                Round1Message.digest(b), Round1Message.signatureOf(b));
        assertTrue(e.verify(c.params));
        byte[] enc = e.encode();
        assertEquals(EquivocationEvidence.ENCODED_LENGTH, enc.length);
        byte[] swapped = enc.clone();
        System.arraycopy(enc, 6, swapped, 103, 97);
        System.arraycopy(enc, 103, swapped, 6, 97);
        assertThrows(MalformedEncodingException.class, () -> EquivocationEvidence.decode(swapped));
        assertThrows(MalformedEncodingException.class, () -> EquivocationEvidence.decode(Arrays.copyOf(enc, 199)));
        EquivocationEvidence same = new EquivocationEvidence(2, Round1Message.digest(a), Round1Message.signatureOf(a),
                Round1Message.digest(a), Round1Message.signatureOf(a));
        assertFalse(same.verify(c.params));
        EquivocationEvidence wrongSigner = new EquivocationEvidence(3, Round1Message.digest(a),
                Round1Message.signatureOf(a), Round1Message.digest(b), Round1Message.signatureOf(b));
        assertFalse(wrongSigner.verify(c.params));
    }
}
