package org.heteronym.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The licence monitor's view of certificates: a member enrolls with a real CMS signature, only the handle is kept (and
 * read back from its bytes), then the test CA changes its mind and the loopback OCSP responder or CRL says so.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LicenceStatusCheckerCertificateTest {

    private static final byte[] CHALLENGE = "heteronym-enroll:0b5e2d7c".getBytes(StandardCharsets.US_ASCII);

    private static X509TestPki pki;
    private static X509TestResponder responder;
    private static CmsCredentialVerifier enrollment;

    // a fresh checker per test: its CRL cache is its own, as the monitor's is separate from enrollment's
    private final LicenceStatusChecker monitor = new LicenceStatusChecker(
            new X509RevocationChecker(Duration.ofSeconds(2), Duration.ofSeconds(3)),
            StatusListClient.create(List.of()), id -> Optional.empty());

    @BeforeAll
    static void pki() throws Exception {
        pki = X509TestPki.create("IGC-Test");
        responder = new X509TestResponder(pki);
        enrollment = new CmsCredentialVerifier(List.of(X509TrustAnchor.of("fr-igc-sante", List.of(pki.root),
                Map.of(X509TestPki.PHYSICIAN_POLICY, Profession.PHYSICIAN))),
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
        responder.responseCerts = new X509Certificate[0];
        Instant now = Instant.now();
        responder.crl = pki.crl(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)));
    }

    /** Enrolls with {@code leaf} and returns the handle as the monitor reads it back from storage. */
    private static LicenceStatusHandle enrolled(X509TestPki.Leaf leaf) throws Exception {
        VerifiedCredential c = enrollment.verify(pki.sign(CHALLENGE, true, leaf), CHALLENGE, Instant.now());
        return LicenceStatusHandle.decode(c.statusHandle().encode());
    }

    @Test
    void enrolledCertificateIsActiveUntilTheCaRevokesItAtItsOcspResponder() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();
        LicenceStatusHandle handle = enrolled(leaf);
        assertEquals(LicenceStatus.ACTIVE, monitor.check(handle, Instant.now()));

        responder.revoke(leaf.cert().getSerialNumber());

        assertEquals(LicenceStatus.REVOKED, monitor.check(handle, Instant.now()));
    }

    @Test
    void certificatePutOnHoldIsRevoked() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();
        LicenceStatusHandle handle = enrolled(leaf);

        responder.hold(leaf.cert().getSerialNumber());

        assertEquals(LicenceStatus.REVOKED, monitor.check(handle, Instant.now()));
    }

    @Test
    void certificateListedInTheNextCrlIsRevokedOnceThePreviousCrlIsStale() throws Exception {
        Instant now = Instant.now();
        X509TestPki.Leaf leaf = pki.leaf().crl(responder.crlUrl() + "?monitor").build();
        LicenceStatusHandle handle = enrolled(leaf);
        assertEquals(LicenceStatus.ACTIVE, monitor.check(handle, now));

        responder.crl = pki.crl(now.plus(Duration.ofMinutes(61)), now.plus(Duration.ofHours(3)),
                leaf.cert().getSerialNumber());

        // the CRL in hand is good until its nextUpdate (one hour); the next one revokes
        assertEquals(LicenceStatus.ACTIVE, monitor.check(handle, now.plus(Duration.ofMinutes(30))));
        assertEquals(LicenceStatus.REVOKED, monitor.check(handle, now.plus(Duration.ofHours(2))));
    }

    @Test
    void responderOrCrlServerDownIsUnavailable() throws Exception {
        X509TestPki.Leaf byOcsp;
        X509TestPki.Leaf byCrl;
        LicenceStatusHandle ocspHandle;
        LicenceStatusHandle crlHandle;
        try (X509TestResponder shortLived = new X509TestResponder(pki)) {
            shortLived.crl = responder.crl;
            byOcsp = pki.leaf().ocsp(shortLived.ocspUrl()).build();
            byCrl = pki.leaf().crl(shortLived.crlUrl()).build();
            ocspHandle = enrolled(byOcsp);
            crlHandle = enrolled(byCrl);
        }

        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(ocspHandle, Instant.now()));
        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(crlHandle, Instant.now()));
    }

    @Test
    void ocspResponseSignedByAnotherKeyIsUnavailableNotActive() throws Exception {
        LicenceStatusHandle handle = enrolled(pki.leaf().ocsp(responder.ocspUrl()).build());
        KeyPair forger = X509TestPki.ecKey();

        responder.signingKey = forger.getPrivate();  // a well-formed "good" answer under a key the CA never certified

        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(handle, Instant.now()));
    }

    @Test
    void ocspResponseByARogueDelegatedResponderIsUnavailableAndByTheIssuersDelegateActive() throws Exception {
        LicenceStatusHandle handle = enrolled(pki.leaf().ocsp(responder.ocspUrl()).build());
        X509TestPki rogue = X509TestPki.create("IGC-Test");  // same names as the real CA, other keys
        KeyPair responderKey = X509TestPki.ecKey();
        X509Certificate rogueCert = X509TestPki.ocspResponderCert(responderKey, rogue.ca, rogue.caKey);
        responder.signingKey = responderKey.getPrivate();
        responder.signingCert = rogueCert;
        responder.responseCerts = new X509Certificate[] {rogueCert};
        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(handle, Instant.now()));

        X509Certificate delegate = X509TestPki.ocspResponderCert(responderKey, pki.ca, pki.caKey);
        responder.signingCert = delegate;
        responder.responseCerts = new X509Certificate[] {delegate};
        assertEquals(LicenceStatus.ACTIVE, monitor.check(handle, Instant.now()));
    }

    @Test
    void certificateUnknownToTheResponderIsUnavailable() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();
        LicenceStatusHandle handle = enrolled(leaf);

        responder.unknown(leaf.cert().getSerialNumber());

        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(handle, Instant.now()));
    }

    @Test
    void crlSignedByAnotherCaWithTheSameNameIsUnavailable() throws Exception {
        Instant now = Instant.now();
        LicenceStatusHandle handle = enrolled(pki.leaf().crl(responder.crlUrl() + "?forged-later").build());

        X509TestPki twin = X509TestPki.create("IGC-Test");  // same names, other keys
        responder.crl = twin.crl(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)));

        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(handle, now));
    }

    @Test
    void handleNamingAnotherIssuerThanTheOneSigningTheAnswersIsUnavailable() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().build();
        X509TestPki other = X509TestPki.create("Other");
        LicenceStatusHandle substituted = new LicenceStatusHandle.CertificateStatus("fr-igc-sante",
                other.ca.getEncoded(), leaf.cert().getSerialNumber(), List.of(URI.create(responder.ocspUrl())),
                List.of());

        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(substituted, Instant.now()));
    }

    @Test
    void handleWithoutAnyUrlIsUnavailable() throws Exception {
        LicenceStatusHandle nowhere = new LicenceStatusHandle.CertificateStatus("fr-igc-sante", pki.ca.getEncoded(),
                BigInteger.valueOf(7), List.of(), List.of());

        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(nowhere, Instant.now()));
    }
}
