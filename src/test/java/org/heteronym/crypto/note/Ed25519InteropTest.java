package org.heteronym.crypto.note;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Our Ed25519 keys and signatures against two independent implementations: the JDK's SunEC provider and
 * OpenSSL 3 (a fixture made with {@code openssl genpkey -algorithm ed25519} and {@code openssl pkeyutl -sign
 * -rawin}).
 */
class Ed25519InteropTest {

    /** {@code openssl genpkey -algorithm ed25519}. */
    static final String OPENSSL_PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIGC3qTpUVWcmrsnJj+UMDwyIZTG3TeGsSQV3Z5HQYMBF
            -----END PRIVATE KEY-----
            """;
    /** The raw public key, from {@code openssl pkey -pubout -outform DER | tail -c 32}. */
    static final String OPENSSL_PUBLIC_KEY = "x67dgwvFvFgVywUGdECoXMfmbtK5Z+U6VwP6Dr26Eyc=";
    static final String OPENSSL_MESSAGE = "heteronym openssl interop\n";
    /** {@code openssl pkeyutl -sign -inkey key.pem -rawin -in msg.txt | base64}. */
    static final String OPENSSL_SIGNATURE =
            "+QtT2ac6EbxtrzFbokqQ9AMnV0bzo31qzPuKw2vaL+SuqSzdERgyfs5kkojj9um+tVqRVL4karZ3lEbCibwmBg==";
    /** SubjectPublicKeyInfo prefix for Ed25519 (RFC 8410 section 4), followed by the 32-byte key. */
    static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    static PublicKey jdkPublicKey(byte[] raw) throws Exception {
        byte[] spki = new byte[SPKI_PREFIX.length + raw.length];
        System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519", "SunEC").generatePublic(new X509EncodedKeySpec(spki));
    }

    static byte[] pemToDer(String pem) {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    static String derToPem(byte[] der) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void ourNoteSignaturesVerifyWithTheJdkEd25519() throws Exception {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate();
        NoteSigner signer = NoteSigner.ed25519("heteronym.example/log", key);
        String text = "heteronym.example/log\n3\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n";
        String note = signer.sign(text);
        String line = note.substring(note.lastIndexOf("\n\n") + 2);
        byte[] decoded = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1).strip());
        assertEquals(68, decoded.length);
        assertEquals(signer.keyId(), ByteBuffer.wrap(decoded).getInt());
        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        jdk.initVerify(jdkPublicKey(key.publicKey().raw()));
        jdk.update(text.getBytes(StandardCharsets.UTF_8));
        assertTrue(jdk.verify(Arrays.copyOfRange(decoded, 4, 68)));
        jdk.initVerify(jdkPublicKey(key.publicKey().raw()));
        jdk.update((text + " ").getBytes(StandardCharsets.UTF_8));
        assertFalse(jdk.verify(Arrays.copyOfRange(decoded, 4, 68)));
    }

    @Test
    void jdkSignaturesVerifyWithOurVerifier() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519", "SunEC").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        String name = "jdk.example/log";
        String text = "signed by the JDK\n";
        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        jdk.initSign(pair.getPrivate());
        jdk.update(text.getBytes(StandardCharsets.UTF_8));
        byte[] signature = jdk.sign();
        int keyId = SignedNoteFormat.keyId(name, (byte) 1, raw);
        String vkey = name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(33).put((byte) 1).put(raw).array());
        String note = text + "\n— " + name + " " + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(68).putInt(keyId).put(signature).array()) + "\n";
        assertEquals(text, NoteVerifier.fromVkey(vkey).verify(note).text());
    }

    @Test
    void pemWrittenByUsIsReadByTheJdkAndSignsIdentically() throws Exception {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate();
        String pem = key.toPkcs8Pem();
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(pem.endsWith("\n-----END PRIVATE KEY-----\n"));
        PrivateKey jdkKey = KeyFactory.getInstance("Ed25519", "SunEC")
                .generatePrivate(new PKCS8EncodedKeySpec(pemToDer(pem)));
        byte[] message = "deterministic\n".getBytes(StandardCharsets.UTF_8);
        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        jdk.initSign(jdkKey);
        jdk.update(message);
        // RFC 8032 signatures are deterministic: same key, same message, same bytes.
        assertArrayEquals(key.sign(message), jdk.sign());
    }

    @Test
    void pemWrittenByTheJdkIsReadByUs() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519", "SunEC").generateKeyPair();
        Ed25519PrivateKey ours = Ed25519PrivateKey.fromPkcs8Pem(derToPem(pair.getPrivate().getEncoded()));
        byte[] spki = pair.getPublic().getEncoded();
        assertArrayEquals(Arrays.copyOfRange(spki, spki.length - 32, spki.length), ours.publicKey().raw());
        byte[] message = "from the JDK\n".getBytes(StandardCharsets.UTF_8);
        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        jdk.initSign(pair.getPrivate());
        jdk.update(message);
        assertArrayEquals(jdk.sign(), ours.sign(message));
    }

    @Test
    void opensslKeyIsReadAndSignsLikeOpenssl() throws NoteException {
        Ed25519PrivateKey key = Ed25519PrivateKey.fromPkcs8Pem(OPENSSL_PEM);
        assertEquals(OPENSSL_PUBLIC_KEY, Base64.getEncoder().encodeToString(key.publicKey().raw()));
        assertEquals(OPENSSL_SIGNATURE, Base64.getEncoder().encodeToString(
                key.sign(OPENSSL_MESSAGE.getBytes(StandardCharsets.UTF_8))));
        // And we write it back exactly as OpenSSL did.
        assertEquals(OPENSSL_PEM, key.toPkcs8Pem());
        assertTrue(key.publicKey().verify(OPENSSL_MESSAGE.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(OPENSSL_SIGNATURE)));
        assertFalse(key.toString().contains("MC4CAQAw"));
    }

    @Test
    void pemWithCrlfAndSurroundingWhitespaceIsAccepted() throws NoteException {
        Ed25519PrivateKey key = Ed25519PrivateKey.fromPkcs8Pem("\n  " + OPENSSL_PEM.replace("\n", "\r\n") + "\n");
        assertEquals(OPENSSL_PUBLIC_KEY, Base64.getEncoder().encodeToString(key.publicKey().raw()));
    }

    @Test
    void versionTwoPkcs8IsAcceptedOnlyWithTheMatchingPublicKey() throws Exception {
        Ed25519PrivateKey key = Ed25519PrivateKey.fromPkcs8Pem(OPENSSL_PEM);
        byte[] seed = Arrays.copyOfRange(pemToDer(OPENSSL_PEM), 16, 48);
        AlgorithmIdentifier ed25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
        byte[] matching = new PrivateKeyInfo(ed25519, new DEROctetString(seed), null, key.publicKey().raw())
                .getEncoded(ASN1Encoding.DER);
        assertEquals(OPENSSL_PUBLIC_KEY, Base64.getEncoder().encodeToString(
                Ed25519PrivateKey.fromPkcs8Pem(derToPem(matching)).publicKey().raw()));
        byte[] otherPublic = Ed25519PrivateKey.generate().publicKey().raw();
        byte[] mismatching = new PrivateKeyInfo(ed25519, new DEROctetString(seed), null, otherPublic)
                .getEncoded(ASN1Encoding.DER);
        assertThrows(NoteException.class, () -> Ed25519PrivateKey.fromPkcs8Pem(derToPem(mismatching)));
    }

    @Test
    void malformedOrForeignPrivateKeysAreRejected() throws Exception {
        byte[] der = pemToDer(OPENSSL_PEM);
        byte[] x25519 = KeyPairGenerator.getInstance("X25519", "SunEC").generateKeyPair().getPrivate().getEncoded();
        byte[] trailing = Arrays.copyOf(der, der.length + 1);
        byte[] shortSeed = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                new DEROctetString(new byte[31])).getEncoded(ASN1Encoding.DER);
        String publicKeyPem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAx67dgwvFvFgVywUGdECoXMfmbtK5Z+U6VwP6Dr26Eyc=\n"
                + "-----END PUBLIC KEY-----\n";
        for (String pem : new String[] {
            "",
            "not a key",
            publicKeyPem,
            OPENSSL_PEM.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"),
            OPENSSL_PEM + OPENSSL_PEM,
            OPENSSL_PEM.replace("MC4C", "MC4C!"),
            OPENSSL_PEM.replace("YMBF", "YMB"),
            derToPem(x25519),
            derToPem(trailing),
            derToPem(shortSeed),
            derToPem(Arrays.copyOf(der, der.length - 1)),
        }) {
            assertThrows(NoteException.class, () -> Ed25519PrivateKey.fromPkcs8Pem(pem), pem);
        }
    }
}
