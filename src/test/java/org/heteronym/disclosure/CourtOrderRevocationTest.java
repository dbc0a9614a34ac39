package org.heteronym.disclosure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.heteronym.credential.X509RevocationChecker;
import org.heteronym.crypto.order.CourtAnchor;
import org.heteronym.crypto.order.CourtOrderException;
import org.heteronym.crypto.order.CourtOrderSignature;
import org.heteronym.crypto.order.VerifiedCourtOrder;
import org.heteronym.testing.CourtPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rule 4 of docs/disclosure.md §2 against a court PKI with real OCSP and CRL responders on loopback. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CourtOrderRevocationTest {

    private static final byte[] ORDER = "ORDONNANCE RG 26/01234".getBytes(StandardCharsets.UTF_8);

    private CourtPki court;
    private CourtAnchor anchor;
    // a fresh checker per test: its CRL cache must not carry one test's answer into the next
    private final CourtOrderRevocation revocation =
            new CourtOrderRevocation(new X509RevocationChecker(Duration.ofSeconds(2), Duration.ofSeconds(3)));

    @BeforeEach
    void court() throws Exception {
        court = CourtPki.start("Tribunal judiciaire de Bordeaux");
        anchor = new CourtAnchor("fr-tj-bordeaux", List.of(court.root()));
    }

    @AfterEach
    void stop() {
        court.close();
    }

    private VerifiedCourtOrder verified(CourtPki.Signer signer) throws Exception {
        Instant now = Instant.now();
        return CourtOrderSignature.verify(court.sign(ORDER, signer), CourtPki.sha256(ORDER), List.of(anchor),
                LocalDate.ofInstant(now, ZoneOffset.UTC), List.of(now));
    }

    private CourtOrderException refused(VerifiedCourtOrder order) {
        return assertThrows(CourtOrderException.class, () -> revocation.check(order, Instant.now()));
    }

    @Test
    void goodSignerByOcspAndGoodIntermediateByCrlAreAccepted() throws Exception {
        VerifiedCourtOrder order = verified(court.signer().ocsp().build());

        assertDoesNotThrow(() -> revocation.check(order, Instant.now()));
    }

    @Test
    void goodSignerByCrlIsAccepted() throws Exception {
        VerifiedCourtOrder order = verified(court.signer().crl().build());

        assertDoesNotThrow(() -> revocation.check(order, Instant.now()));
    }

    @Test
    void signerRevokedByOcspIsRefused() throws Exception {
        CourtPki.Signer signer = court.signer().ocsp().build();
        VerifiedCourtOrder order = verified(signer);
        court.revoke(signer.certificate());

        CourtOrderException e = refused(order);
        assertEquals(CourtOrderException.Reason.REVOKED, e.reason());
        assertTrue(e.getMessage().contains("signer certificate"), e.getMessage());
    }

    @Test
    void signerRevokedByCrlIsRefused() throws Exception {
        CourtPki.Signer signer = court.signer().crl().build();
        VerifiedCourtOrder order = verified(signer);
        court.revoke(signer.certificate());

        assertEquals(CourtOrderException.Reason.REVOKED, refused(order).reason());
    }

    @Test
    void revokedIntermediateIsRefusedEvenWhenTheSignerIsGood() throws Exception {
        VerifiedCourtOrder order = verified(court.signer().ocsp().build());
        court.revoke(court.intermediate());  // the root's CRL lists it

        CourtOrderException e = refused(order);
        assertEquals(CourtOrderException.Reason.REVOKED, e.reason());
        assertTrue(e.getMessage().contains("CA certificate"), e.getMessage());
    }

    @Test
    void unreachableResponderIsRefusedNotSoftFailed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        VerifiedCourtOrder order = verified(court.signer().ocspUrl("http://127.0.0.1:" + closedPort + "/ocsp").build());

        assertEquals(CourtOrderException.Reason.STATUS_UNAVAILABLE, refused(order).reason());
    }

    @Test
    void signerNamingNoRevocationServiceIsRefused() throws Exception {
        VerifiedCourtOrder order = verified(court.signer().build());

        assertEquals(CourtOrderException.Reason.STATUS_UNAVAILABLE, refused(order).reason());
    }

    @Test
    void signerUnknownToTheResponderIsRefused() throws Exception {
        CourtPki.Signer signer = court.signer().ocsp().build();
        VerifiedCourtOrder order = verified(signer);
        court.unknownToResponder(signer.certificate());

        assertEquals(CourtOrderException.Reason.STATUS_UNAVAILABLE, refused(order).reason());
    }
}
