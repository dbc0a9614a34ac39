package org.heteronym.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.heteronym.credential.CmsCredentialVerifier;
import org.heteronym.credential.Profession;
import org.heteronym.credential.TrustAnchorSpec;
import org.heteronym.credential.VerifiedCredential;
import org.heteronym.credential.X509RevocationChecker;
import org.heteronym.credential.X509TrustAnchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development CA is one the registry accepts, and its physician's signature verifies, CRL and all. */
class DevHealthCaTest {

    private static final byte[] CHALLENGE = "heteronym-dev-challenge".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    HttpServer crlServer;
    DevHealthCa ca;

    @BeforeEach
    void setUp() throws Exception {
        ca = new DevHealthCa(dir);
        crlServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        crlServer.createContext("/crl", exchange -> {
            byte[] crl = ca.crl(Instant.now());
            exchange.sendResponseHeaders(200, crl.length);
            try (var out = exchange.getResponseBody()) {
                out.write(crl);
            }
        });
        crlServer.start();
        assertTrue(ca.ensure("http://127.0.0.1:" + crlServer.getAddress().getPort() + "/crl"));
        assertFalse(ca.ensure("http://unused.invalid/crl"), "existing files are kept");
    }

    @AfterEach
    void tearDown() {
        crlServer.stop(0);
    }

    private CmsCredentialVerifier verifier() {
        X509TrustAnchor anchor = new TrustAnchorSpec("dev-test-ca", List.of(ca.caPem()), null, null, Map.of(
                DevHealthCa.PHYSICIAN_POLICY, "physician", DevHealthCa.RESIDENT_POLICY, "resident",
                DevHealthCa.STUDENT_POLICY, "medical-student")).validate(Instant.now());
        return new CmsCredentialVerifier(List.of(anchor),
                new X509RevocationChecker(Duration.ofSeconds(2), Duration.ofSeconds(3)));
    }

    @Test
    void physiciansSignatureVerifiesAgainstTheDevelopmentAnchor() throws Exception {
        X509Certificate doctor = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(ca.doctorCertificate())));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(Files.readString(ca.doctorKey())
                        .replaceAll("-----[A-Z ]+-----", "").strip())));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), doctor));
        generator.addCertificates(new JcaCertStore(List.of(doctor)));
        byte[] cms = generator.generate(new CMSProcessableByteArray(CHALLENGE), true).getEncoded();

        VerifiedCredential credential = verifier().verify(cms, CHALLENGE, Instant.now());

        assertEquals("dev-test-ca", credential.authority());
        assertEquals(DevHealthCa.LICENCE_NUMBER, credential.licenceNumber());
        assertEquals(Profession.PHYSICIAN, credential.profession());
    }

    /** The command keys/README.md gives developers, where openssl is installed. */
    @Test
    void opensslCmsSignatureFromTheReadmeVerifies() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")));
        Files.write(dir.resolve("challenge.txt"), CHALLENGE);
        Process openssl = new ProcessBuilder("openssl", "cms", "-sign", "-binary", "-nodetach", "-outform", "DER",
                "-in", "challenge.txt", "-signer", "doctor.pem", "-inkey", "doctor.key", "-out", "evidence.p7s")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(openssl.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, openssl.exitValue(), new String(openssl.getInputStream().readAllBytes()));

        VerifiedCredential credential = verifier().verify(Files.readAllBytes(dir.resolve("evidence.p7s")), CHALLENGE,
                Instant.now());

        assertEquals(Profession.PHYSICIAN, credential.profession());
    }
}
