package org.heteronym.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The checker as the licence monitor uses it: one certificate and its issuer, no CMS. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class X509RevocationCheckerTest {

    private static X509TestPki pki;
    private static X509TestResponder responder;
    private final X509RevocationChecker checker =
            new X509RevocationChecker(Duration.ofSeconds(2), Duration.ofSeconds(3));

    @BeforeAll
    static void pki() throws Exception {
        pki = X509TestPki.create("IGC-Test");
        responder = new X509TestResponder(pki);
    }

    @AfterAll
    static void stop() {
        responder.close();
    }

    @Test
    void crlWhoseNextUpdateHasPassedGivesUnavailable() throws Exception {
        Instant now = Instant.now();
        responder.crl = pki.crl(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        X509TestPki.Leaf leaf = pki.leaf().crl(responder.crlUrl() + "?stale").build();

        assertEquals(RevocationChecker.Status.UNAVAILABLE, checker.check(leaf.cert(), pki.ca, now));
    }

    @Test
    void crlSignedByAnotherCaGivesUnavailable() throws Exception {
        X509TestPki other = X509TestPki.create("IGC-Test");  // same names, other keys
        Instant now = Instant.now();
        responder.crl = other.crl(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)));
        X509TestPki.Leaf leaf = pki.leaf().crl(responder.crlUrl() + "?forged").build();

        assertEquals(RevocationChecker.Status.UNAVAILABLE, checker.check(leaf.cert(), pki.ca, now));
    }

    @Test
    void freshCrlNotListingTheSerialGivesGoodAndIsCachedUntilNextUpdate() throws Exception {
        Instant now = Instant.now();
        X509TestPki.Leaf leaf = pki.leaf().crl(responder.crlUrl() + "?cached").build();
        responder.crl = pki.crl(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)));
        assertEquals(RevocationChecker.Status.GOOD, checker.check(leaf.cert(), pki.ca, now));

        responder.crl = new byte[] {1, 2, 3};  // the cached CRL answers, not the server

        assertEquals(RevocationChecker.Status.GOOD, checker.check(leaf.cert(), pki.ca, now.plusSeconds(60)));
        assertEquals(RevocationChecker.Status.UNAVAILABLE,
                checker.check(leaf.cert(), pki.ca, now.plus(Duration.ofHours(2))));
    }

    @Test
    void ocspAnswerForAnotherIssuerIsNotTakenForTheCertificate() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.ocspUrl()).build();
        X509TestPki other = X509TestPki.create("Other");

        // the responder answers for the CertID it was asked (hashes of the wrong issuer), signed by our CA:
        // the checker asks about `other.ca` and must not accept a signature that `other.ca` cannot verify
        assertEquals(RevocationChecker.Status.UNAVAILABLE, checker.check(leaf.cert(), other.ca, Instant.now()));
    }

    @Test
    void responderThatStallsMidBodyGivesUnavailableWithinTheRequestTimeout() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().ocsp(responder.stallUrl()).build();
        long start = System.nanoTime();

        assertEquals(RevocationChecker.Status.UNAVAILABLE, checker.check(leaf.cert(), pki.ca, Instant.now()));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(6)) < 0);
    }

    @Test
    void oversizedCrlGivesUnavailable() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().crl(responder.hugeUrl()).build();

        assertEquals(RevocationChecker.Status.UNAVAILABLE, checker.check(leaf.cert(), pki.ca, Instant.now()));
    }

    // ---- without the leaf certificate, as the licence monitor calls it

    @Test
    void ocspFromIssuerAndSerialAloneAnswersGoodThenRevoked() throws Exception {
        X509TestPki.Leaf leaf = pki.leaf().build();  // no URLs in the certificate: they come from the caller
        List<URI> ocsp = List.of(URI.create(responder.ocspUrl()));

        assertEquals(RevocationChecker.Status.GOOD,
                checker.check(pki.ca, leaf.cert().getSerialNumber(), ocsp, List.of(), Instant.now()));
        responder.revoke(leaf.cert().getSerialNumber());
        assertEquals(RevocationChecker.Status.REVOKED,
                checker.check(pki.ca, leaf.cert().getSerialNumber(), ocsp, List.of(), Instant.now()));
    }

    @Test
    void crlFromIssuerAndSerialAloneFindsTheRevokedSerial() throws Exception {
        Instant now = Instant.now();
        X509TestPki.Leaf leaf = pki.leaf().build();
        List<URI> crl = List.of(URI.create(responder.crlUrl() + "?leafless"));
        responder.crl = pki.crl(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)),
                leaf.cert().getSerialNumber());

        assertEquals(RevocationChecker.Status.REVOKED,
                checker.check(pki.ca, leaf.cert().getSerialNumber(), List.of(), crl, now));
        assertEquals(RevocationChecker.Status.GOOD,
                checker.check(pki.ca, leaf.cert().getSerialNumber().add(java.math.BigInteger.ONE), List.of(), crl,
                        now));
    }

    @Test
    void noUrlGivesUnavailable() throws Exception {
        assertEquals(RevocationChecker.Status.UNAVAILABLE,
                checker.check(pki.ca, X509TestPki.serial(), List.of(), List.of(), Instant.now()));
    }

    @Test
    void crlCachedForOneIssuerKeyDoesNotAnswerForAnotherIssuerWithTheSameName() throws Exception {
        Instant now = Instant.now();
        X509TestPki twin = X509TestPki.create("IGC-Test");  // same names as `pki`, other keys
        List<URI> crl = List.of(URI.create(responder.crlUrl() + "?twin"));
        responder.crl = pki.crl(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)));
        assertEquals(RevocationChecker.Status.GOOD, checker.check(pki.ca, X509TestPki.serial(), List.of(), crl, now));

        // the CRL cached under pki.ca's key must not be taken as signed by the twin CA
        assertEquals(RevocationChecker.Status.UNAVAILABLE,
                checker.check(twin.ca, X509TestPki.serial(), List.of(), crl, now));
    }
}
