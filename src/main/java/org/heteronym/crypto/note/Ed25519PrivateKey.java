package org.heteronym.crypto.note;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 private key (RFC 8032), read from and written to unencrypted PKCS#8 PEM (RFC 5958 / RFC 8410),
 * the format of {@code openssl genpkey -algorithm ed25519} and of the JDK's {@code KeyFactory}.
 *
 * <p>Security guarantees: generated keys come from {@link SecureRandom}. Reading is strict: exactly one
 * {@code PRIVATE KEY} PEM block, DER (not BER) encoding, algorithm {@code id-Ed25519} (1.3.101.112) with absent
 * parameters, a 32-byte seed, and, if the optional public key of a version 2 structure is present, a public key
 * that matches the seed. Writing produces the 48-byte version 1 structure, byte-identical to OpenSSL's.
 *
 * <p>WARNING: the key lives in the Java heap and cannot be reliably erased; the PEM text returned by
 * {@link #toPkcs8Pem()} is the secret in the clear. Protect key files with file permissions or keep keys in
 * an HSM/KMS. {@link #toString()} never reveals the secret.
 */
public final class Ed25519PrivateKey {

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private final Ed25519PrivateKeyParameters parameters;
    private final Ed25519PublicKey publicKey;

    private Ed25519PrivateKey(Ed25519PrivateKeyParameters parameters) {
        this.parameters = parameters;
        this.publicKey = Ed25519PublicKey.derived(parameters.generatePublicKey().getEncoded());
    }

    /** Generates a fresh key from the platform's {@link SecureRandom}. */
    public static Ed25519PrivateKey generate() {
        return new Ed25519PrivateKey(new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    /**
     * Uses a 32-byte RFC 8032 seed directly. Package-private: only tests (reference vectors) need it; real keys
     * are generated or read from PEM.
     */
    static Ed25519PrivateKey fromSeed(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        return new Ed25519PrivateKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /**
     * Reads an unencrypted PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @throws NoteException if the text is not exactly one such Ed25519 key
     */
    public static Ed25519PrivateKey fromPkcs8Pem(String pem) throws NoteException {
        byte[] der = pemBody(pem);
        PrivateKeyInfo info;
        try {
            // an empty body decodes to no object at all, and getInstance(null) answers null
            info = der.length == 0 ? null : PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (info == null) {
                throw new NoteException("private key PEM has no body");
            }
            if (!Arrays.equals(info.getEncoded(ASN1Encoding.DER), der)) {
                throw new NoteException("private key is not DER-encoded PKCS#8");
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new NoteException("private key is not a PKCS#8 structure: " + e.getMessage());
        }
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        if (!EdECObjectIdentifiers.id_Ed25519.equals(algorithm.getAlgorithm())) {
            throw new NoteException("private key is not Ed25519 (algorithm " + algorithm.getAlgorithm() + ")");
        }
        if (algorithm.getParameters() != null) {
            throw new NoteException("Ed25519 private key has algorithm parameters (RFC 8410 section 3 forbids them)");
        }
        byte[] seed;
        try {
            seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
        } catch (IOException | IllegalArgumentException e) {
            throw new NoteException("Ed25519 private key is not a CurvePrivateKey OCTET STRING");
        }
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new NoteException("Ed25519 private key has " + seed.length + " bytes, expected 32");
        }
        Ed25519PrivateKey key = new Ed25519PrivateKey(new Ed25519PrivateKeyParameters(seed, 0));
        Arrays.fill(seed, (byte) 0);
        if (info.getPublicKeyData() != null
                && !Arrays.equals(info.getPublicKeyData().getOctets(), key.publicKey.raw())) {
            throw new NoteException("Ed25519 private key carries a public key that does not match it");
        }
        return key;
    }

    private static byte[] pemBody(String pem) throws NoteException {
        if (pem == null) {
            throw new NoteException("no PEM text");
        }
        String text = pem.replace("\r\n", "\n").strip();
        if (text.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new NoteException("encrypted private keys are not supported; decrypt it first "
                    + "(openssl pkey -in key.pem -out plain.pem)");
        }
        if (!text.startsWith(PEM_BEGIN + "\n") || !text.endsWith("\n" + PEM_END)) {
            throw new NoteException("not a PEM private key: expected a single " + PEM_BEGIN + " block");
        }
        String body = text.substring(PEM_BEGIN.length() + 1, text.length() - PEM_END.length() - 1);
        if (body.contains("-----")) {
            throw new NoteException("PEM text holds more than one block");
        }
        try {
            // The basic decoder, unlike the MIME one, refuses any character outside the base64 alphabet.
            return Base64.getDecoder().decode(body.replace("\n", "").getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new NoteException("PEM body is not base64");
        }
    }

    /** Writes the key as unencrypted PKCS#8 PEM, byte-identical to {@code openssl genpkey} output. */
    public String toPkcs8Pem() {
        byte[] seed = parameters.getEncoded();
        try {
            byte[] der = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                    new DEROctetString(seed)).getEncoded(ASN1Encoding.DER);
            String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
            return PEM_BEGIN + "\n" + base64 + "\n" + PEM_END + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode PKCS#8", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The matching public key. */
    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** RFC 8032 Ed25519 (pure) signature over {@code message}. */
    byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, parameters);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public String toString() {
        return "Ed25519PrivateKey[public=" + Base64.getEncoder().encodeToString(publicKey.raw()) + "]";
    }
}
