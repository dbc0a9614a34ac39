package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** The vectors of c2sp.org/XAES-256-GCM, including its accumulated randomized test. */
class XAes256GcmTest {
    private static final byte[] NONCE = "ABCDEFGHIJKLMNOPQRSTUVWX".getBytes(StandardCharsets.US_ASCII);

    @Test
    void derivesTheSpecifiedSubkeyAndCiphertextWhenTheCmacSubkeyMsbIsZero() throws Exception {
        byte[] key = filled(0x01);
        assertEquals("c8612c9ed53fe43e8e005b828a1631a0bbcb6ab2f46514ec4f439fcfd0fa969b",
                Hex.toHexString(XAes256Gcm.deriveKey(key, NONCE)));
        byte[] c = XAes256Gcm.seal(key, NONCE, ascii("XAES-256-GCM"), new byte[0]);
        assertEquals("ce546ef63c9cc60765923609b33a9a1974e96e52daf2fcf7075e2271", Hex.toHexString(c));
        assertArrayEquals(ascii("XAES-256-GCM"), XAes256Gcm.open(key, NONCE, c, new byte[0]));
    }

    @Test
    void derivesTheSpecifiedSubkeyAndCiphertextWhenTheCmacSubkeyMsbIsOne() throws Exception {
        byte[] key = filled(0x03);
        assertEquals("e9c621d4cdd9b11b00a6427ad7e559aeedd66b3857646677748f8ca796cb3fd8",
                Hex.toHexString(XAes256Gcm.deriveKey(key, NONCE)));
        byte[] c = XAes256Gcm.seal(key, NONCE, ascii("XAES-256-GCM"), ascii("c2sp.org/XAES-256-GCM"));
        assertEquals("986ec1832593df5443a179437fd083bf3fdb41abd740a21f71eb769d", Hex.toHexString(c));
    }

    @Test
    void rejectsATamperedCiphertextOrWrongAdditionalData() {
        byte[] key = filled(0x03);
        byte[] c = XAes256Gcm.seal(key, NONCE, ascii("XAES-256-GCM"), new byte[0]);
        c[3] ^= 1;
        assertNull(XAes256Gcm.open(key, NONCE, c, new byte[0]));
        c[3] ^= 1;
        assertNull(XAes256Gcm.open(key, NONCE, c, new byte[] {1}));
        assertNull(XAes256Gcm.open(key, NONCE, new byte[15], new byte[0]));
    }

    @Test
    void accumulatedRandomizedTestOfTenThousandIterationsMatches() {
        SHAKEDigest rng = new SHAKEDigest(128);
        SHAKEDigest hash = new SHAKEDigest(128);
        for (int i = 0; i < 10_000; i++) {
            byte[] key = read(rng, 32);
            byte[] nonce = read(rng, 24);
            byte[] plaintext = read(rng, read(rng, 1)[0] & 0xFF);
            byte[] aad = read(rng, read(rng, 1)[0] & 0xFF);
            byte[] c = XAes256Gcm.seal(key, nonce, plaintext, aad);
            hash.update(c, 0, c.length);
        }
        byte[] out = new byte[32];
        hash.doFinal(out, 0, 32);
        assertEquals("e6b9edf2df6cec60c8cbd864e2211b597fb69a529160cd040d56c0c210081939", Hex.toHexString(out));
    }

    private static byte[] read(SHAKEDigest rng, int len) {
        byte[] b = new byte[len];
        if (len > 0) {
            rng.doOutput(b, 0, len);
        }
        return b;
    }

    private static byte[] filled(int v) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
