package org.heteronym.crypto.order;

import static org.heteronym.crypto.order.CourtOrderException.Reason.MALFORMED;
import static org.heteronym.crypto.order.CourtOrderException.Reason.UNSUPPORTED_ALGORITHM;
import static org.heteronym.crypto.order.CourtOrderException.Reason.WEAK_KEY;

import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The algorithms and keys docs/disclosure.md §2 rules 1 and 2 accept: SHA-256 as the SignerInfo's digest
 * algorithm; ECDSA on P-256 or P-384, or RSA of at least 2048 bits with PKCS#1 v1.5 or PSS, each with a SHA-2 hash.
 * SHA-1 and MD5 are refused wherever they appear (RFC 5754 §3, RFC 8017 §9).
 */
final class OrderAlgorithms {

    /** RSA moduli above this are refused too: verification cost grows with the size, which the signer chooses. */
    static final int MAX_RSA_BITS = 16384;
    static final int MIN_RSA_BITS = 2048;

    private static final Set<ASN1ObjectIdentifier> SHA2 =
            Set.of(NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);
    private static final Set<ASN1ObjectIdentifier> SIGNER_CURVES =
            Set.of(SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1);
    private static final Set<ASN1ObjectIdentifier> CA_CURVES =
            Set.of(SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);
    /** With id-ecPublicKey or rsaEncryption as signature algorithm, the hash is the digest algorithm (SHA-256). */
    private static final Set<ASN1ObjectIdentifier> ECDSA = Set.of(X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA512,
            X9ObjectIdentifiers.id_ecPublicKey);
    private static final Set<ASN1ObjectIdentifier> RSA_PKCS1 = Set.of(PKCSObjectIdentifiers.sha256WithRSAEncryption,
            PKCSObjectIdentifiers.sha384WithRSAEncryption, PKCSObjectIdentifiers.sha512WithRSAEncryption,
            PKCSObjectIdentifiers.rsaEncryption);

    private OrderAlgorithms() {
    }

    /**
     * The SignerInfo's digest algorithm must be SHA-256: the caller's digest, and the log's {@code order_sha256},
     * are SHA-256, and a message-digest made with another algorithm could not be compared without the document.
     */
    static void checkDigest(AlgorithmIdentifier digest) throws CourtOrderException {
        ASN1Encodable params = digest.getParameters();
        if (!NISTObjectIdentifiers.id_sha256.equals(digest.getAlgorithm())
                || (params != null && !DERNull.INSTANCE.equals(params))) {
            throw new CourtOrderException(UNSUPPORTED_ALGORITHM, "digest algorithm " + digest.getAlgorithm()
                    + " is not SHA-256 (rule 1)");
        }
    }

    /** The signer's key and the signature algorithm: rule 2. */
    static void checkSignature(AlgorithmIdentifier signature, SubjectPublicKeyInfo keyInfo, PublicKey key)
            throws CourtOrderException {
        ASN1ObjectIdentifier keyType = keyInfo.getAlgorithm().getAlgorithm();
        ASN1ObjectIdentifier alg = signature.getAlgorithm();
        if (keyType.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            ASN1Encodable curve = keyInfo.getAlgorithm().getParameters();
            if (!(curve instanceof ASN1ObjectIdentifier named) || !SIGNER_CURVES.contains(named)) {
                throw new CourtOrderException(WEAK_KEY, "signer's EC key is not on P-256 or P-384 (rule 2)");
            }
            if (!ECDSA.contains(alg)) {
                throw new CourtOrderException(UNSUPPORTED_ALGORITHM, "signature algorithm " + alg
                        + " is not ECDSA with SHA-2 (rule 2)");
            }
        } else if (isRsa(keyType) && key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                throw new CourtOrderException(WEAK_KEY, "signer's RSA key has " + bits + " bits, outside "
                        + MIN_RSA_BITS + ".." + MAX_RSA_BITS + " (rule 2)");
            }
            if (!RSA_PKCS1.contains(alg) && !isSha2Pss(signature)) {
                throw new CourtOrderException(UNSUPPORTED_ALGORITHM, "signature algorithm " + alg
                        + " is not RSA PKCS#1 v1.5 or PSS with SHA-2 (rule 2)");
            }
        } else {
            throw new CourtOrderException(UNSUPPORTED_ALGORITHM, "signer's key type " + keyType
                    + " is neither EC nor RSA (rule 2)");
        }
    }

    /**
     * A CA certificate's key: RSA of at least 2048 bits, EC on P-256, P-384 or P-521, or EdDSA. A weaker CA key
     * would let anyone who breaks it issue a court's signing certificate.
     */
    static void checkCaKey(X509Certificate ca) throws CourtOrderException {
        SubjectPublicKeyInfo info;
        try {
            // as encoded in the certificate: the JDK's key object may re-encode explicit curve parameters
            info = Certificate.getInstance(ca.getEncoded()).getSubjectPublicKeyInfo();
        } catch (CertificateEncodingException | RuntimeException e) {
            throw new CourtOrderException(MALFORMED, "unreadable CA certificate " + ca.getSubjectX500Principal());
        }
        ASN1ObjectIdentifier keyType = info.getAlgorithm().getAlgorithm();
        boolean strong;
        if (keyType.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            strong = info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier named
                    && CA_CURVES.contains(named);
        } else if (isRsa(keyType) && ca.getPublicKey() instanceof RSAPublicKey rsa) {
            strong = rsa.getModulus().bitLength() >= MIN_RSA_BITS;
        } else {
            strong = keyType.equals(EdECObjectIdentifiers.id_Ed25519) || keyType.equals(EdECObjectIdentifiers.id_Ed448);
        }
        if (!strong) {
            throw new CourtOrderException(WEAK_KEY, "CA certificate " + ca.getSubjectX500Principal()
                    + " has a key weaker than RSA 2048 or P-256 (rule 3)");
        }
    }

    private static boolean isRsa(ASN1ObjectIdentifier keyType) {
        return keyType.equals(PKCSObjectIdentifiers.rsaEncryption)
                || keyType.equals(PKCSObjectIdentifiers.id_RSASSA_PSS);
    }

    /** RSASSA-PSS whose hash and MGF1 hash are SHA-2 (absent parameters mean SHA-1, RFC 8017 A.2.3). */
    private static boolean isSha2Pss(AlgorithmIdentifier signature) {
        if (!PKCSObjectIdentifiers.id_RSASSA_PSS.equals(signature.getAlgorithm())
                || signature.getParameters() == null) {
            return false;
        }
        try {
            RSASSAPSSparams pss = RSASSAPSSparams.getInstance(signature.getParameters());
            AlgorithmIdentifier mgf = pss.getMaskGenAlgorithm();
            return SHA2.contains(pss.getHashAlgorithm().getAlgorithm())
                    && PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())
                    && SHA2.contains(AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm())
                    && pss.getTrailerField().intValue() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
