package org.heteronym.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Development only: a stand-in health-professional CA and one physician's certificate, so that signing in with a
 * certificate can be tried on a fresh machine (keys/README.md). The physician's certificate names a CRL that the
 * dev build serves ({@code DevHealthCaCrlResource}), because the verifier accepts no certificate without an
 * affirmative revocation answer.
 */
final class DevHealthCa {

    /** Policy OIDs under 2.25 (UUID-derived, ITU-T X.667), so they can never collide with a real CA's. */
    static final String PHYSICIAN_POLICY = "2.25.150966880210627314072237914806562058570";
    static final String RESIDENT_POLICY = "2.25.280758579737933996340407889139019993084";
    static final String STUDENT_POLICY = "2.25.144049695546697372847430305673131809492";
    static final String LICENCE_NUMBER = "DEV-PHYS-0001";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    DevHealthCa(Path dir) {
        this.dir = dir;
    }

    Path caCertificate() {
        return dir.resolve("dev-test-ca.pem");
    }

    Path caKey() {
        return dir.resolve("dev-test-ca.key");
    }

    Path doctorCertificate() {
        return dir.resolve("doctor.pem");
    }

    Path doctorKey() {
        return dir.resolve("doctor.key");
    }

    /** Creates the CA and the physician's certificate unless both exist; true if it created them. */
    boolean ensure(String crlUrl) {
        if (Files.exists(caCertificate()) && Files.exists(caKey()) && Files.exists(doctorCertificate())
                && Files.exists(doctorKey())) {
            return false;
        }
        try {
            Instant now = Instant.now();
            KeyPair caPair = p256();
            X500Name caName = new X500Name("CN=Heteronym Development Health Professionals CA,O=Heteronym development,C=FR");
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), caName,
                    caPair.getPublic());
            ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));

            KeyPair doctorPair = p256();
            X500Name doctorName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "FR")
                    .addRDN(BCStyle.O, "Heteronym development").addRDN(BCStyle.SURNAME, "Martin")
                    .addRDN(BCStyle.GIVENNAME, "Alice").addRDN(BCStyle.SERIALNUMBER, LICENCE_NUMBER)
                    .addRDN(BCStyle.CN, "Alice Martin").build();
            X509v3CertificateBuilder doctor = new JcaX509v3CertificateBuilder(caName, serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))), doctorName,
                    doctorPair.getPublic());
            doctor.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            doctor.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            doctor.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(PHYSICIAN_POLICY))));
            doctor.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));

            DevKeys.writePem(caKey(), "PRIVATE KEY", caPair.getPrivate().getEncoded(), true);
            DevKeys.writePem(caCertificate(), "CERTIFICATE", ca.build(signer(caPair.getPrivate())).getEncoded(), false);
            DevKeys.writePem(doctorKey(), "PRIVATE KEY", doctorPair.getPrivate().getEncoded(), true);
            DevKeys.writePem(doctorCertificate(), "CERTIFICATE",
                    doctor.build(signer(caPair.getPrivate())).getEncoded(), false);
            return true;
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the development health-professional CA", e);
        }
    }

    String caPem() {
        return read(caCertificate());
    }

    /** An empty CRL by the CA, valid for an hour: nothing is revoked in development. */
    byte[] crl(Instant now) {
        try {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der(read(caCertificate()))));
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(read(caKey()))));
            X509v2CRLBuilder crl = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                    Date.from(now.minus(Duration.ofMinutes(1))));
            crl.setNextUpdate(Date.from(now.plus(Duration.ofHours(1))));
            return crl.build(signer(key)).getEncoded();
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the development CRL", e);
        }
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(62);
    }
}
