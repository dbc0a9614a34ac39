package org.heteronym.credential;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;
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

/** A real test PKI: root CA, "health professionals" intermediate CA, and doctor leaf certificates. */
final class X509TestPki {

    static final Provider BC = new BouncyCastleProvider();
    /** Made-up policy OIDs under a private arc. */
    static final String PHYSICIAN_POLICY = "1.3.6.1.4.1.99999.1.1";
    static final String RESIDENT_POLICY = "1.3.6.1.4.1.99999.1.2";
    static final String UNMAPPED_POLICY = "1.3.6.1.4.1.99999.1.9";

    private static final SecureRandom RANDOM = new SecureRandom();

    final KeyPair rootKey;
    final X509Certificate root;
    final KeyPair caKey;
    final X509Certificate ca;

    private X509TestPki(KeyPair rootKey, X509Certificate root, KeyPair caKey, X509Certificate ca) {
        this.rootKey = rootKey;
        this.root = root;
        this.caKey = caKey;
        this.ca = ca;
    }

    static X509TestPki create(String prefix) throws Exception {
        Instant now = Instant.now();
        KeyPair rootKey = ecKey();
        X500Name rootName = new X500Name("CN=" + prefix + " Test Root CA,O=" + prefix + ",C=FR");
        X509Certificate root = ca(rootName, rootKey, rootName, rootKey, null, now.minus(Duration.ofDays(3650)),
                now.plus(Duration.ofDays(3650)), 1);
        KeyPair caKey = ecKey();
        X500Name caName = new X500Name("CN=" + prefix + " Health Professionals CA,O=" + prefix + ",C=FR");
        X509Certificate ca = ca(caName, caKey, rootName, rootKey, root, now.minus(Duration.ofDays(1825)),
                now.plus(Duration.ofDays(1825)), 0);
        return new X509TestPki(rootKey, root, caKey, ca);
    }

    static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    static ContentSigner signer(PrivateKey key) throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(key);
    }

    static X509Certificate convert(X509CertificateHolder holder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(62);
    }

    private static X509Certificate ca(X500Name subject, KeyPair key, X500Name issuer, KeyPair issuerKey,
                                      X509Certificate issuerCert, Instant from, Instant to, int pathLen)
            throws Exception {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from), Date.from(to),
                subject, key.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLen));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
                ? ext.createAuthorityKeyIdentifier(key.getPublic()) : ext.createAuthorityKeyIdentifier(issuerCert));
        return convert(b.build(signer(issuerKey.getPrivate())));
    }

    /** A leaf certificate and its key. */
    record Leaf(KeyPair key, X509Certificate cert) { }

    LeafBuilder leaf() {
        return new LeafBuilder();
    }

    final class LeafBuilder {
        String licence = "810001234567";
        String commonName = "Alice Martin";
        String givenName = "Alice";
        String surname = "Martin";
        String policy = PHYSICIAN_POLICY;
        Instant notBefore = Instant.now().minus(Duration.ofDays(30));
        Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        int keyUsage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
        String ocspUrl;
        String crlUrl;
        boolean isCa;

        LeafBuilder licence(String v) { licence = v; return this; }
        LeafBuilder commonName(String v) { commonName = v; return this; }
        LeafBuilder policy(String v) { policy = v; return this; }
        LeafBuilder validity(Instant from, Instant to) { notBefore = from; notAfter = to; return this; }
        LeafBuilder keyUsage(int v) { keyUsage = v; return this; }
        LeafBuilder ocsp(String url) { ocspUrl = url; return this; }
        LeafBuilder crl(String url) { crlUrl = url; return this; }
        LeafBuilder asCa() { isCa = true; return this; }

        Leaf build() throws Exception {
            KeyPair key = ecKey();
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "FR")
                    .addRDN(BCStyle.O, "Heteronym test")
                    .addRDN(BCStyle.SURNAME, surname)
                    .addRDN(BCStyle.GIVENNAME, givenName)
                    .addRDN(BCStyle.SERIALNUMBER, licence);
            if (commonName != null) {
                name.addRDN(BCStyle.CN, commonName);
            }
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(notBefore),
                    Date.from(notAfter), name.build(), key.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key.getPublic()));
            if (policy != null) {
                b.addExtension(Extension.certificatePolicies, false,
                        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(policy))));
            }
            if (ocspUrl != null) {
                b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
            }
            if (crlUrl != null) {
                DistributionPointName dpn = new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl)));
                b.addExtension(Extension.cRLDistributionPoints, false,
                        new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(dpn, null, null)}));
            }
            return new Leaf(key, convert(b.build(signer(caKey.getPrivate()))));
        }
    }

    /** A delegated OCSP responder certificate issued by {@code issuerKey} in the name of {@code issuerCert}. */
    static X509Certificate ocspResponderCert(KeyPair responderKey, X509Certificate issuerCert, KeyPair issuerKey)
            throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerCert, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("CN=OCSP responder,O=Heteronym test,C=FR"), responderKey.getPublic());
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
        return convert(b.build(signer(issuerKey.getPrivate())));
    }

    /** A CRL by the intermediate CA revoking {@code revoked}. */
    byte[] crl(Instant thisUpdate, Instant nextUpdate, BigInteger... revoked) throws Exception {
        X509v2CRLBuilder b = new X509v2CRLBuilder(
                X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
        b.setNextUpdate(Date.from(nextUpdate));
        for (BigInteger s : revoked) {
            b.addCRLEntry(s, Date.from(thisUpdate.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
        }
        return b.build(signer(caKey.getPrivate())).getEncoded();
    }

    /** CMS SignedData over {@code content} by each leaf, carrying the leaves and the intermediate CA. */
    byte[] sign(byte[] content, boolean encapsulate, Leaf... signers) throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        List<X509Certificate> certs = new ArrayList<>();
        for (Leaf leaf : signers) {
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .build(signer(leaf.key().getPrivate()), leaf.cert()));
            certs.add(leaf.cert());
        }
        certs.add(ca);
        gen.addCertificates(new JcaCertStore(certs));
        return gen.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded();
    }
}
