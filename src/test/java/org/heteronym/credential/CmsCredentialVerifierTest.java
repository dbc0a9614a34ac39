package org.heteronym.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CmsCredentialVerifierTest {

    private static final byte[] CHALLENGE = "heteronym-enroll:7f3a9c2e5b1d".getBytes(StandardCharsets.US_ASCII);

    private static X509TestPki pki;
    private static X509TestResponder responder;
    private static CmsCredentialVerifier verifier;

    @BeforeAll
    static void pki() throws Exception {
        pki = X509TestPki.create("IGC-Test");
        responder = new X509TestResponder(pki);
        X509TrustAnchor anchor = X509TrustAnchor.of("fr-igc-sante", List.of(pki.root), Map.of(
                X509TestPki.PHYSICIAN_POLICY, Profession.PHYSICIAN,
                X509TestPki.RESIDENT_POLICY, Profession.RESIDENT));
        verifier = new CmsCredentialVerifier(List.of(anchor),
                new X509RevocationChecker(Duration.ofSeconds(2), Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stop() {
        responder.close();
    }

    @BeforeEach
    void resetResponder() throws Exception {
        responder.signingKey = pki.caKey.getPrivate();
        responder.signingCert = pki.ca;
        responder.responseCerts = new java.security.cert.X509Certificate[0];
        Instant now = Instant.now();
        responder.crl = pki.crl(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)));
    }

    private static CredentialRefusal refusal(byte[] cms) {
        return assertThrows(CredentialRefusal.class, () -> verifier.verify(cms, CHALLENGE, Instant.now()));
    }

    @Test
    void validCertificateCheckedByOcspGivesTheLicenceNumberNameProfessionAndAuthority() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();
        byte[] cms = pki.sign(CHALLENGE, true, leaf);
        Instant now = Instant.now();

        VerifiedCredential c = verifier.verify(cms, CHALLENGE, now);

        assertEquals(EvidenceKind.X509_SIGNATURE, c.kind());
        assertEquals("fr-igc-sante", c.authority());
        assertEquals("810001234567", c.licenceNumber());
        assertEquals("Alice Martin", c.fullName());
        assertEquals(Profession.PHYSICIAN, c.profession());
        assertEquals(new LicenceStatusHandle.CertificateStatus("fr-igc-sante", pki.ca.getEncoded(),
                leaf.cert().getSerialNumber(), List.of(URI.create(responder.ocspUrl())), List.of()), c.statusHandle());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(cms), c.evidenceDigest());
        assertEquals(now, c.verifiedAt());
    }

    @Test
    void validDetachedSignatureCheckedByCrlIsAccepted() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().crl(responder.crlUrl()).policy(X509TestPki.RESIDENT_POLICY).build();

        VerifiedCredential c = verifier.verify(pki.sign(CHALLENGE, false, leaf), CHALLENGE, Instant.now());

        assertEquals(Profession.RESIDENT, c.profession());
        LicenceStatusHandle.CertificateStatus handle = (LicenceStatusHandle.CertificateStatus) c.statusHandle();
        assertEquals(List.of(), handle.ocspUrls());
        assertEquals(List.of(URI.create(responder.crlUrl())), handle.crlUrls());
    }

    @Test
    void statusHandleNamesTheIntermediateThatIssuedTheLeafAndNoIdentity() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();

        VerifiedCredential c = verifier.verify(pki.sign(CHALLENGE, true, leaf), CHALLENGE, Instant.now());

        // the trust anchor is the root; the issuer kept is the intermediate CA carried in the CMS
        assertArrayEquals(pki.ca.getEncoded(),
                ((LicenceStatusHandle.CertificateStatus) c.statusHandle()).issuerCertificateDer());
        String stored = new String(c.statusHandle().encode(), StandardCharsets.ISO_8859_1);
        for (String identity : List.of(c.licenceNumber(), "Alice", "Martin")) {
            assertFalse(stored.contains(identity), identity);
        }
    }

    @Test
    void nameFallsBackToGivenNameAndSurnameWithoutCommonName() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().commonName(null).ocsp(responder.ocspUrl()).build();

        VerifiedCredential c = verifier.verify(pki.sign(CHALLENGE, true, leaf), CHALLENGE, Instant.now());

        assertEquals("Alice Martin", c.fullName());
    }

    @Test
    void expiredCertificateIsRefusedAsExpired() throws Exception {
        Instant now = Instant.now();
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl())
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))).build();

        assertEquals(RefusalReason.EXPIRED, refusal(pki.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void notYetValidCertificateIsRefusedAsNotYetValid() throws Exception {
        Instant now = Instant.now();
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl())
                .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(400))).build();

        assertEquals(RefusalReason.NOT_YET_VALID, refusal(pki.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void certificateRevokedInTheCrlIsRefusedAsRevoked() throws Exception {
        Instant now = Instant.now();
        // its own distribution point URL, so that a CRL cached by another test does not answer
        X509TestPki.Leaf revoked = pki.leaf().crl(responder.crlUrl() + "?revoked").build();
        responder.crl = pki.crl(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)),
                revoked.cert().getSerialNumber());

        assertEquals(RefusalReason.REVOKED, refusal(pki.sign(CHALLENGE, true, revoked)).reason());
    }

    @Test
    void certificateRevokedByOcspIsRefusedAsRevoked() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();
        responder.revoke(leaf.cert().getSerialNumber());

        assertEquals(RefusalReason.REVOKED, refusal(pki.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void certificateUnknownToTheOcspResponderIsNotAccepted() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();
        responder.unknown(leaf.cert().getSerialNumber());

        assertEquals(RefusalReason.STATUS_UNAVAILABLE, refusal(pki.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void certificateChainingToAnotherRootIsRefusedAsUnknownIssuer() throws Exception {
        X509TestPki other = X509TestPki.create("Other");
        X509TestPki.Leaf leaf = other.leaf().ocsp(responder.ocspUrl()).build();

        assertEquals(RefusalReason.UNKNOWN_ISSUER, refusal(other.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void signatureOverADifferentChallengeIsRefusedAsWrongChallenge() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();
        byte[] other = "heteronym-enroll:000000000000".getBytes(StandardCharsets.US_ASCII);

        assertEquals(RefusalReason.WRONG_CHALLENGE, refusal(pki.sign(other, true, leaf)).reason());
    }

    @Test
    void detachedSignatureOverADifferentChallengeIsRefusedAsWrongChallenge() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();
        byte[] other = "heteronym-enroll:000000000000".getBytes(StandardCharsets.US_ASCII);

        assertEquals(RefusalReason.WRONG_CHALLENGE, refusal(pki.sign(other, false, leaf)).reason());
    }

    @Test
    void tamperedSignatureValueIsRefusedAsBadSignature() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();
        byte[] cms = pki.sign(CHALLENGE, true, leaf);
        byte[] signature = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next().getSignature();
        int at = indexOf(cms, signature);
        cms[at + signature.length - 1] ^= 0x01;

        assertEquals(RefusalReason.BAD_SIGNATURE, refusal(cms).reason());
    }

    @Test
    void keyEnciphermentOnlyCertificateIsRefusedAsWrongKeyUsage() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).keyUsage(KeyUsage.keyEncipherment).build();

        assertEquals(RefusalReason.WRONG_KEY_USAGE, refusal(pki.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void caCertificateUsedAsSignerIsRefusedAsWrongKeyUsage() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).asCa().build();

        assertEquals(RefusalReason.WRONG_KEY_USAGE, refusal(pki.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void certificateWithAnUnmappedPolicyIsRefusedAsNoProfession() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).policy(X509TestPki.UNMAPPED_POLICY).build();

        assertEquals(RefusalReason.NO_PROFESSION, refusal(pki.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void malformedBytesAreRefusedAsMalformed() {
        assertEquals(RefusalReason.MALFORMED, refusal("not a signature".getBytes(StandardCharsets.US_ASCII)).reason());
        assertEquals(RefusalReason.MALFORMED, refusal(new byte[] {0x30, (byte) 0x82, 0x7f}).reason());
    }

    @Test
    void oversizedInputIsRefusedAsTooLarge() {
        byte[] big = new byte[CmsCredentialVerifier.MAX_CMS_BYTES + 1];
        Arrays.fill(big, (byte) 0x30);

        assertEquals(RefusalReason.TOO_LARGE, refusal(big).reason());
    }

    @Test
    void ocspResponderDownGivesStatusUnavailableNeverAcceptance() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        X509TestPki.Leaf leaf = pki.leaf().ocsp("http://127.0.0.1:" + closedPort + "/ocsp").build();

        assertEquals(RefusalReason.STATUS_UNAVAILABLE, refusal(pki.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void ocspResponseSignedByAWrongKeyIsNotTrusted() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();
        KeyPair wrong = X509TestPki.ecKey();
        responder.signingKey = wrong.getPrivate();

        assertEquals(RefusalReason.STATUS_UNAVAILABLE, refusal(pki.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void ocspResponderCertificateIssuedByAnotherCaIsNotTrusted() throws Exception {
        X509TestPki other = X509TestPki.create("Rogue");
        KeyPair responderKey = X509TestPki.ecKey();
        var rogueResponder = X509TestPki.ocspResponderCert(responderKey, other.ca, other.caKey);
        responder.signingKey = responderKey.getPrivate();
        responder.signingCert = rogueResponder;
        responder.responseCerts = new java.security.cert.X509Certificate[] {rogueResponder};
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();

        assertEquals(RefusalReason.STATUS_UNAVAILABLE, refusal(pki.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void ocspResponseByADelegatedResponderOfTheIssuerIsTrusted() throws Exception {
        KeyPair responderKey = X509TestPki.ecKey();
        var delegated = X509TestPki.ocspResponderCert(responderKey, pki.ca, pki.caKey);
        responder.signingKey = responderKey.getPrivate();
        responder.signingCert = delegated;
        responder.responseCerts = new java.security.cert.X509Certificate[] {delegated};
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();

        assertEquals(Profession.PHYSICIAN,
                verifier.verify(pki.sign(CHALLENGE, true, leaf), CHALLENGE, Instant.now()).profession());
    }

    @Test
    void certificateWithoutRevocationInformationIsNotAccepted() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().build();

        assertEquals(RefusalReason.STATUS_UNAVAILABLE, refusal(pki.sign(CHALLENGE, true, leaf)).reason());
    }

    @Test
    void twoSignerInfosAreRefused() throws Exception {
        X509TestPki.Leaf a = pki.leaf().ocsp(responder.ocspUrl()).build();
        X509TestPki.Leaf b = pki.leaf().licence("810009999999").ocsp(responder.ocspUrl()).build();

        assertEquals(RefusalReason.MALFORMED, refusal(pki.sign(CHALLENGE, true, a, b)).reason());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("signature not found in the CMS");
    }
}
