package org.heteronym.crypto.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Es256ProviderTest {

    private static final HexFormat HEX = HexFormat.of();

    @BeforeAll
    static void install() {
        Es256Provider.install();
        Es256Provider.install();   // idempotent
    }

    /** RFC 6979 A.2.5: P-256, SHA-256, message "sample" — the deterministic nonce gives exactly this (r, s). */
    @Test
    void reproducesTheRfc6979Vector() throws Exception {
        KeyFactory ec = KeyFactory.getInstance("EC");
        ECPrivateKey key = (ECPrivateKey) ec.generatePrivate(new ECPrivateKeySpec(
                new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16), p256()));
        PublicKey publicKey = ec.generatePublic(new ECPublicKeySpec(new ECPoint(
                new BigInteger("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6", 16),
                new BigInteger("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299", 16)), p256()));

        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(new Es256PrivateKey(key));
        signer.update("sample".getBytes(StandardCharsets.US_ASCII));
        byte[] der = signer.sign();

        assertEquals(Es256Provider.NAME, signer.getProvider().getName());
        ASN1Sequence rs = ASN1Sequence.getInstance(der);
        assertEquals(new BigInteger("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716", 16),
                ASN1Integer.getInstance(rs.getObjectAt(0)).getValue());
        assertEquals(new BigInteger("F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8", 16),
                ASN1Integer.getInstance(rs.getObjectAt(1)).getValue());
        assertTrue(verify(publicKey, "sample", der), "the JDK's verifier accepts it");
        assertFalse(verify(publicKey, "samplf", der), "and refuses it for another message");
    }

    @Test
    void onlyWrappedKeysAreRoutedToIt() throws Exception {
        KeyPair pair = generate();
        Signature plain = Signature.getInstance("SHA256withECDSA");
        plain.initSign(pair.getPrivate());
        assertNotEquals(Es256Provider.NAME, plain.getProvider().getName());

        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(pair.getPublic());
        assertEquals(Es256Provider.NAME, verifier.getProvider().getName(), "any P-256 public key verifies here");
        Signature p384 = Signature.getInstance("SHA256withECDSA");
        p384.initVerify(secp384r1Pair().getPublic());
        assertNotEquals(Es256Provider.NAME, p384.getProvider().getName(), "other curves are left to the JDK");

        assertThrows(IllegalArgumentException.class, () -> new Es256PrivateKey(secp384r1()));
    }

    /** The JDK signs with a random nonce; this verifier must agree with the JDK's on its signatures and on forgeries. */
    @Test
    void verificationAgreesWithTheJdkOnGenuineAndForgedSignatures() throws Exception {
        KeyPair pair = generate();
        for (int i = 0; i < 20; i++) {
            String message = "message " + i;
            byte[] der = jdkSign(pair, message);
            assertTrue(verify(pair.getPublic(), message, der));
            assertTrue(jdkVerify(pair.getPublic(), message, der));
            assertFalse(verify(pair.getPublic(), message + "!", der), "another message");
            assertFalse(verify(generate().getPublic(), message, der), "another key");
            byte[] flipped = der.clone();
            flipped[flipped.length - 1] ^= 1;
            assertFalse(verify(pair.getPublic(), message, flipped), "a changed s");
            assertFalse(jdkVerify(pair.getPublic(), message, flipped));
        }
    }

    @Test
    void malformedSignaturesAreRefusedWithoutVerifying() throws Exception {
        KeyPair pair = generate();
        byte[] der = jdkSign(pair, "m");
        ASN1Sequence rs = ASN1Sequence.getInstance(der);
        BigInteger r = ASN1Integer.getInstance(rs.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
        BigInteger n = ((ECPublicKey) pair.getPublic()).getParams().getOrder();

        byte[] trailing = java.util.Arrays.copyOf(der, der.length + 1);
        assertThrows(java.security.SignatureException.class, () -> verify(pair.getPublic(), "m", trailing));
        assertThrows(java.security.SignatureException.class,
                () -> verify(pair.getPublic(), "m", java.util.Arrays.copyOf(der, der.length - 1)), "truncated");
        assertThrows(java.security.SignatureException.class,
                () -> verify(pair.getPublic(), "m", derOf(r.add(n), s)), "r + n names the same r modulo n");
        assertThrows(java.security.SignatureException.class,
                () -> verify(pair.getPublic(), "m", derOf(r, s.negate())), "negative s");
        assertThrows(java.security.SignatureException.class,
                () -> verify(pair.getPublic(), "m", new byte[0]), "empty");
        assertFalse(verify(pair.getPublic(), "m", derOf(BigInteger.ZERO, s)), "r = 0");
        assertTrue(verify(pair.getPublic(), "m", derOf(r, s)), "the untouched pair still verifies");
    }

    /** A public key whose point is not on the curve (an invalid-curve attack) is refused before any arithmetic. */
    @Test
    void aPointOffTheCurveIsRefused() throws Exception {
        ECPublicKey genuine = (ECPublicKey) generate().getPublic();
        ECPoint offCurve = new ECPoint(genuine.getW().getAffineX(), genuine.getW().getAffineY().add(BigInteger.ONE));
        ECPublicKey forged = new ECPublicKey() {
            @Override public ECPoint getW() { return offCurve; }
            @Override public java.security.spec.ECParameterSpec getParams() { return genuine.getParams(); }
            @Override public String getAlgorithm() { return "EC"; }
            @Override public String getFormat() { return null; }
            @Override public byte[] getEncoded() { return null; }
        };
        Signature verifier = Signature.getInstance("SHA256withECDSA", Es256Provider.NAME);
        assertThrows(java.security.InvalidKeyException.class, () -> verifier.initVerify(forged));
    }

    /** JCA pins the first provider when asked for it before initialisation; other keys must still work then. */
    @Test
    void aCallerThatPinsItEarlyStillSignsAndVerifiesOtherKeysThroughTheJdk() throws Exception {
        KeyPair pair = generate();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        assertEquals(Es256Provider.NAME, signer.getProvider().getName(), "pinned before init");
        signer.initSign(pair.getPrivate());
        signer.update("pinned".getBytes(StandardCharsets.US_ASCII));
        byte[] der = signer.sign();

        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.getProvider();
        verifier.initVerify(pair.getPublic());
        verifier.update("pinned".getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(der));
        verifier.initVerify(generate().getPublic());
        verifier.update("pinned".getBytes(StandardCharsets.US_ASCII));
        assertFalse(verifier.verify(der), "another key");
        assertTrue(jdkVerify(pair.getPublic(), "pinned", der), "and the JDK's verifier agrees");
        verifier.initVerify(secp384r1Pair().getPublic());
        verifier.update("pinned".getBytes(StandardCharsets.US_ASCII));
        assertFalse(verifier.verify(der), "a P-384 key, handed to the JDK");
    }

    @Test
    void joseSignaturesVerifyUnderThePublicKeyOnly() throws Exception {
        KeyPair pair = generate();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{\"sub\":\"x\"}");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKey(new Es256PrivateKey((ECPrivateKey) pair.getPrivate()));
        String compact = jws.getCompactSerialization();

        assertTrue(parse(compact, pair.getPublic()).verifySignature());
        assertFalse(parse(compact, generate().getPublic()).verifySignature(), "another key");
        String[] parts = compact.split("\\.");
        assertFalse(parse(parts[0] + ".eyJzdWIiOiJ5In0." + parts[2], pair.getPublic()).verifySignature(),
                "another payload");
        assertArrayEquals(pair.getPrivate().getEncoded(),
                new Es256PrivateKey((ECPrivateKey) pair.getPrivate()).getEncoded());
    }

    @Test
    void signaturesAreDeterministicPerMessage() throws Exception {
        Es256PrivateKey key = new Es256PrivateKey((ECPrivateKey) generate().getPrivate());
        assertEquals(HEX.formatHex(sign(key, "a")), HEX.formatHex(sign(key, "a")));
        assertNotEquals(HEX.formatHex(sign(key, "a")), HEX.formatHex(sign(key, "b")));
    }

    private static byte[] sign(Es256PrivateKey key, String message) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(message.getBytes(StandardCharsets.UTF_8));
        return signer.sign();
    }

    private static boolean verify(PublicKey key, String message, byte[] der) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(message.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(der);
    }

    private static byte[] jdkSign(KeyPair pair, String message) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA", "SunEC");
        signer.initSign(pair.getPrivate());
        signer.update(message.getBytes(StandardCharsets.US_ASCII));
        return signer.sign();
    }

    private static boolean jdkVerify(PublicKey key, String message, byte[] der) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
        verifier.initVerify(key);
        verifier.update(message.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(der);
    }

    private static byte[] derOf(BigInteger r, BigInteger s) throws Exception {
        return new org.bouncycastle.asn1.DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)})
                .getEncoded();
    }

    private static JsonWebSignature parse(String compact, PublicKey key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(compact);
        jws.setKey(key);
        return jws;
    }

    private static KeyPair generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static ECPrivateKey secp384r1() throws Exception {
        return (ECPrivateKey) secp384r1Pair().getPrivate();
    }

    private static KeyPair secp384r1Pair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        return generator.generateKeyPair();
    }

    private static java.security.spec.ECParameterSpec p256() throws Exception {
        return ((ECPublicKey) generate().getPublic()).getParams();
    }
}
