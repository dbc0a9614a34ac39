package org.heteronym.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.heteronym.credential.X509TestResponder;

/**
 * A court's PKI for tests, made with Bouncy Castle: a root CA (the court anchor to register), an intermediate
 * "signing" CA, court signing certificates (ECDSA P-256 by default, or RSA), and detached CMS signatures over
 * order documents as a court's signing tool makes them (DER, signed attributes, the signer's certificate and the
 * intermediate in the SignedData).
 *
 * <p>{@link #create} makes certificates that name no revocation service; {@link #start} also runs one loopback
 * OCSP and CRL responder per CA ({@link X509TestResponder}): the intermediate names the root's CRL, and signers
 * built with {@link SignerBuilder#ocsp()} or {@link SignerBuilder#crl()} name the intermediate's. Two PKIs made
 * with the same court name have the same subject names and different keys: a lookalike.
 */
public final class CourtPki implements AutoCloseable {

    public static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A court's signing certificate and its key. */
    public record Signer(KeyPair key, X509Certificate certificate) { }

    private final String court;
    private final KeyPair rootKey;
    private final X509Certificate root;
    private final KeyPair intermediateKey;
    private final X509Certificate intermediate;
    private final X509TestResponder rootResponder;
    private final X509TestResponder intermediateResponder;
    private final Set<BigInteger> revokedByRoot = ConcurrentHashMap.newKeySet();
    private final Set<BigInteger> revokedByIntermediate = ConcurrentHashMap.newKeySet();

    private CourtPki(String court, boolean responders) throws Exception {
        this.court = court;
        Instant now = Instant.now();
        rootKey = ecKey("secp256r1");
        X500Name rootName = name("CN=" + court + " Root CA,O=" + court + ",C=FR");
        root = ca(rootName, rootKey, rootName, rootKey, null, now.minus(Duration.ofDays(3650)),
                now.plus(Duration.ofDays(3650)), null);
        rootResponder = responders ? new X509TestResponder(rootKey.getPrivate(), root) : null;
        intermediateKey = ecKey("secp256r1");
        X500Name intermediateName = name("CN=" + court + " Signing CA,O=" + court + ",C=FR");
        intermediate = ca(intermediateName, intermediateKey, rootName, rootKey, root, now.minus(Duration.ofDays(1825)),
                now.plus(Duration.ofDays(1825)), responders ? rootResponder.crlUrl() : null);
        intermediateResponder = responders ? new X509TestResponder(intermediateKey.getPrivate(), intermediate) : null;
        if (responders) {
            publishCrls();
        }
    }

    /** A court PKI whose certificates name no OCSP responder or CRL: for signature and path checks. */
    public static CourtPki create(String court) throws Exception {
        return new CourtPki(court, false);
    }

    /** A court PKI with a running loopback OCSP and CRL responder per CA. Close it. */
    public static CourtPki start(String court) throws Exception {
        return new CourtPki(court, true);
    }

    /** The root CA certificate: the court anchor to register. */
    /** A certificate as the admin API takes it. */
    public static String pem(X509Certificate cert) throws java.security.cert.CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    public X509Certificate root() {
        return root;
    }

    /** The intermediate CA that issues signing certificates; the SignedData carries it. */
    public X509Certificate intermediate() {
        return intermediate;
    }

    public SignerBuilder signer() {
        return new SignerBuilder();
    }

    /** A detached signature over {@code document} by {@code signer}, as a court's tool makes it. */
    public byte[] sign(byte[] document, Signer signer) throws Exception {
        return cms(document).signedBy(signer).build();
    }

    public CmsBuilder cms(byte[] document) {
        return new CmsBuilder(document);
    }

    /** The CA that issued {@code cert} revokes it: its OCSP responder and its next CRL say so. */
    public void revoke(X509Certificate cert) throws Exception {
        requireResponders();
        if (cert.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            revokedByRoot.add(cert.getSerialNumber());
            rootResponder.revoke(cert.getSerialNumber());
        } else {
            revokedByIntermediate.add(cert.getSerialNumber());
            intermediateResponder.revoke(cert.getSerialNumber());
        }
        publishCrls();
    }

    /** The intermediate's OCSP responder will say UNKNOWN for {@code cert}. */
    public void unknownToResponder(X509Certificate cert) {
        requireResponders();
        intermediateResponder.unknown(cert.getSerialNumber());
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (rootResponder != null) {
            rootResponder.close();
            intermediateResponder.close();
        }
    }

    private void requireResponders() {
        if (rootResponder == null) {
            throw new IllegalStateException("made with create(): no responders; use start()");
        }
    }

    /** Fresh CRLs (this update 5 minutes ago, next in a day) listing what each CA revoked. */
    private void publishCrls() throws Exception {
        rootResponder.serveCrl(crl(root, rootKey.getPrivate(), revokedByRoot));
        intermediateResponder.serveCrl(crl(intermediate, intermediateKey.getPrivate(), revokedByIntermediate));
    }

    private static byte[] crl(X509Certificate issuer, PrivateKey key, Set<BigInteger> revoked) throws Exception {
        Instant now = Instant.now();
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                Date.from(now.minus(Duration.ofMinutes(5))));
        b.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        for (BigInteger serial : revoked) {
            b.addCRLEntry(serial, Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
        }
        return b.build(contentSigner("SHA256withECDSA", key)).getEncoded();
    }

    private static X509Certificate ca(X500Name subject, KeyPair key, X500Name issuer, KeyPair issuerKey,
                                      X509Certificate issuerCert, Instant from, Instant to, String crlUrl)
            throws Exception {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from), Date.from(to),
                subject, key.getPublic());
        b.addExtension(Extension.basicConstraints, true, issuerCert == null ? new BasicConstraints(1)
                : new BasicConstraints(0));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
                ? ext.createAuthorityKeyIdentifier(key.getPublic()) : ext.createAuthorityKeyIdentifier(issuerCert));
        if (crlUrl != null) {
            b.addExtension(Extension.cRLDistributionPoints, false, crlDistributionPoint(crlUrl));
        }
        return convert(b, issuerKey.getPrivate());
    }

    /** A signing certificate under the intermediate CA. */
    public final class SignerBuilder {
        private String keyAlgorithm = "EC";
        private String curve = "secp256r1";
        private int rsaBits;
        private String subject = "CN=Greffe,O=" + court + ",C=FR";
        private Instant notBefore = Instant.now().minus(Duration.ofDays(30));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        private int keyUsage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
        private boolean isCa;
        private String ocspUrl;
        private String crlUrl;

        private SignerBuilder() {
        }

        public SignerBuilder ec(String curveName) { keyAlgorithm = "EC"; curve = curveName; return this; }
        public SignerBuilder rsa(int bits) { keyAlgorithm = "RSA"; rsaBits = bits; return this; }
        /** RFC 4514, most specific first: {@code CN=…,O=…,C=FR}. */
        public SignerBuilder subject(String dn) { subject = dn; return this; }
        public SignerBuilder validity(Instant from, Instant to) { notBefore = from; notAfter = to; return this; }
        public SignerBuilder keyUsage(int bits) { keyUsage = bits; return this; }
        /** basicConstraints cA=true (keyUsage unchanged unless set). */
        public SignerBuilder asCa() { isCa = true; return this; }
        /** Authority Information Access names the intermediate's OCSP responder ({@link #start} only). */
        public SignerBuilder ocsp() { requireResponders(); return ocspUrl(intermediateResponder.ocspUrl()); }
        public SignerBuilder ocspUrl(String url) { ocspUrl = url; return this; }
        /** CRL distribution point: the intermediate's CRL ({@link #start} only). */
        public SignerBuilder crl() { requireResponders(); crlUrl = intermediateResponder.crlUrl(); return this; }

        public Signer build() throws Exception {
            KeyPair key;
            if (keyAlgorithm.equals("RSA")) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(rsaBits);
                key = g.generateKeyPair();
            } else {
                key = ecKey(curve);
            }
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(intermediate, serial(), Date.from(notBefore),
                    Date.from(notAfter), name(subject), key.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(intermediate));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key.getPublic()));
            if (ocspUrl != null) {
                b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
            }
            if (crlUrl != null) {
                b.addExtension(Extension.cRLDistributionPoints, false, crlDistributionPoint(crlUrl));
            }
            return new Signer(key, convert(b, intermediateKey.getPrivate()));
        }
    }

    /** A CMS SignedData over a document; by default detached, DER, with signed attributes and the intermediate. */
    public final class CmsBuilder {
        private final byte[] document;
        private final List<Signer> signers = new ArrayList<>();
        private String signatureAlgorithm;
        private boolean attached;
        private boolean directSignature;
        private boolean withIntermediate = true;
        private ASN1ObjectIdentifier contentType = CMSObjectIdentifiers.data;
        private ASN1ObjectIdentifier digestAlgorithm;

        private CmsBuilder(byte[] document) {
            this.document = document.clone();
        }

        /** One SignerInfo per signer; their certificates go into the SignedData. */
        public CmsBuilder signedBy(Signer... more) { signers.addAll(List.of(more)); return this; }
        /** A JCA name such as SHA384withECDSA or SHA256withRSAandMGF1 (PSS); by default SHA-256 for the key type. */
        public CmsBuilder signatureAlgorithm(String name) { signatureAlgorithm = name; return this; }
        /** The document inside the SignedData (encapsulated content). */
        public CmsBuilder attached() { attached = true; return this; }
        /** No signed attributes: the signature is over the document itself (RFC 5652 §5.4). */
        public CmsBuilder withoutSignedAttributes() { directSignature = true; return this; }
        /** Leaves the intermediate CA certificate out of the SignedData. */
        public CmsBuilder withoutIntermediate() { withIntermediate = false; return this; }
        /** The SignerInfo's digest algorithm; by default the signature algorithm's hash (BC's choice). */
        public CmsBuilder digestAlgorithm(ASN1ObjectIdentifier oid) { digestAlgorithm = oid; return this; }
        /** eContentType and the content-type attribute. */
        public CmsBuilder contentType(ASN1ObjectIdentifier type) { contentType = type; return this; }

        public byte[] build() throws Exception {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            List<X509Certificate> certs = new ArrayList<>();
            for (Signer s : signers) {
                String alg = signatureAlgorithm != null ? signatureAlgorithm
                        : s.key().getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
                JcaSignerInfoGeneratorBuilder b = new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                        .setDirectSignature(directSignature);
                if (digestAlgorithm != null) {
                    b.setContentDigest(new AlgorithmIdentifier(digestAlgorithm));
                }
                gen.addSignerInfoGenerator(b.build(contentSigner(alg, s.key().getPrivate()), s.certificate()));
                certs.add(s.certificate());
            }
            if (withIntermediate) {
                certs.add(intermediate);
            }
            gen.addCertificates(new JcaCertStore(certs));
            return gen.generate(new CMSProcessableByteArray(contentType, document), attached)
                    .getEncoded(ASN1Encoding.DER);
        }
    }

    /** An RFC 4514 string (most specific RDN first) as encoded in certificates (country first). */
    private static X500Name name(String rfc4514) {
        return X500Name.getInstance(new X500Principal(rfc4514).getEncoded());
    }

    private static CRLDistPoint crlDistributionPoint(String url) {
        DistributionPointName name = new DistributionPointName(new GeneralNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, url)));
        return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)});
    }

    private static KeyPair ecKey(String curve) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    private static ContentSigner contentSigner(String algorithm, PrivateKey key) throws Exception {
        return new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key);
    }

    private static X509Certificate convert(X509v3CertificateBuilder b, PrivateKey issuerKey) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(contentSigner("SHA256withECDSA", issuerKey)));
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(62);
    }
}
