package org.heteronym.crypto.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cms.CMSSignedData;
import org.heteronym.crypto.order.CourtOrderException.Reason;
import org.heteronym.testing.CourtPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/disclosure.md §2 rules 1 to 3, from the CMS and the document's digest alone, against real certificates. */
class CourtOrderSignatureTest {

    private static final byte[] ORDER = "ORDONNANCE RG 26/01234: the operator shall disclose the identity behind"
            .getBytes(StandardCharsets.UTF_8);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static CourtPki paris;
    private static CourtAnchor parisAnchor;
    private static CourtPki.Signer clerk;

    @BeforeAll
    static void pki() throws Exception {
        paris = CourtPki.create("Tribunal judiciaire de Paris");
        parisAnchor = new CourtAnchor("fr-tj-paris", List.of(paris.root()));
        clerk = paris.signer().build();
    }

    private static VerifiedCourtOrder verify(byte[] cms, byte[] document) throws CourtOrderException {
        return verifyAt(cms, document, TODAY, List.of(Instant.now()));
    }

    private static VerifiedCourtOrder verifyAt(byte[] cms, byte[] document, LocalDate orderDate, List<Instant> at)
            throws CourtOrderException {
        return CourtOrderSignature.verify(cms, CourtPki.sha256(document), List.of(parisAnchor), orderDate, at);
    }

    private static CourtOrderException refused(Reason reason, byte[] cms) {
        CourtOrderException e = assertThrows(CourtOrderException.class, () -> verify(cms, ORDER));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    // ---- accepted

    @Test
    void ecdsaP256SignatureThroughTheIntermediateChainsToTheRootAnchor() throws Exception {
        VerifiedCourtOrder order = verify(paris.sign(ORDER, clerk), ORDER);

        assertEquals("fr-tj-paris", order.anchorId());
        assertEquals(clerk.certificate(), order.signerCertificate());
        assertEquals(List.of(clerk.certificate(), paris.intermediate(), paris.root()), order.path());
        assertEquals("CN=Greffe,O=Tribunal judiciaire de Paris,C=FR", order.signerSubject());
    }

    @Test
    void ecdsaP384SignerIsAccepted() throws Exception {
        CourtPki.Signer p384 = paris.signer().ec("secp384r1").build();

        assertEquals(p384.certificate(), verify(paris.sign(ORDER, p384), ORDER).signerCertificate());
    }

    @Test
    void p384SignerMayHashTheSignedAttributesWithSha384OverASha256Digest() throws Exception {
        CourtPki.Signer p384 = paris.signer().ec("secp384r1").build();
        byte[] cms = paris.cms(ORDER).signedBy(p384).signatureAlgorithm("SHA384withECDSA")
                .digestAlgorithm(NISTObjectIdentifiers.id_sha256).build();

        assertEquals(p384.certificate(), verify(cms, ORDER).signerCertificate());
    }

    @Test
    void rsaPkcs1SignatureIsAccepted() throws Exception {
        CourtPki.Signer rsa = paris.signer().rsa(2048).build();

        assertEquals(rsa.certificate(), verify(paris.sign(ORDER, rsa), ORDER).signerCertificate());
    }

    @Test
    void rsaPssSignatureIsAccepted() throws Exception {
        CourtPki.Signer rsa = paris.signer().rsa(3072).build();
        byte[] cms = paris.cms(ORDER).signedBy(rsa).signatureAlgorithm("SHA256withRSAandMGF1").build();

        assertEquals(rsa.certificate(), verify(cms, ORDER).signerCertificate());
    }

    @Test
    void anchorMayBeTheIntermediateItself() throws Exception {
        CourtAnchor intermediateOnly = new CourtAnchor("fr-tj-paris-signing", List.of(paris.intermediate()));

        VerifiedCourtOrder order = CourtOrderSignature.verify(paris.sign(ORDER, clerk), CourtPki.sha256(ORDER),
                List.of(otherAnchor(), intermediateOnly),
                TODAY, List.of());

        assertEquals("fr-tj-paris-signing", order.anchorId());
        assertEquals(List.of(clerk.certificate(), paris.intermediate()), order.path());
    }

    @Test
    void signerValidOnThePastOrderDateOnlyIsAcceptedWhenNoLaterInstantIsRequired() throws Exception {
        // what an auditor checks from the log, long after the signer expired (§7: validity on the order date)
        LocalDate orderDate = TODAY.minusDays(60);
        CourtPki.Signer old = paris.signer().validity(Instant.now().minus(Duration.ofDays(400)),
                orderDate.atTime(10, 0).toInstant(ZoneOffset.UTC)).build();

        VerifiedCourtOrder order = verifyAt(paris.sign(ORDER, old), ORDER, orderDate, List.of());

        assertEquals(old.certificate(), order.signerCertificate());
    }

    // ---- rule 1: structure, attributes, digest

    @Test
    void garbageIsMalformed() {
        byte[] garbage = new byte[2000];
        new SecureRandom().nextBytes(garbage);

        refused(Reason.MALFORMED, garbage);
    }

    @Test
    void trailingBytesAfterTheSignedDataAreMalformed() throws Exception {
        byte[] cms = paris.sign(ORDER, clerk);

        refused(Reason.MALFORMED, Arrays.copyOf(cms, cms.length + 1));
    }

    @Test
    void inputOverTheSizeLimitIsRefusedBeforeParsing() {
        refused(Reason.TOO_LARGE, new byte[CourtOrderSignature.MAX_CMS_BYTES + 1]);
    }

    @Test
    void encapsulatedDocumentIsRefusedBecauseTheLogMustCarryTheSignatureAlone() throws Exception {
        refused(Reason.NOT_DETACHED, paris.cms(ORDER).signedBy(clerk).attached().build());
    }

    @Test
    void twoSignerInfosAreRefused() throws Exception {
        CourtPki.Signer second = paris.signer().subject("CN=Juge, O=Tribunal judiciaire de Paris, C=FR").build();

        refused(Reason.NOT_ONE_SIGNER, paris.cms(ORDER).signedBy(clerk, second).build());
    }

    @Test
    void signatureWithoutSignedAttributesIsRefused() throws Exception {
        // a direct signature covers the document itself: it cannot be checked from the digest in the log
        refused(Reason.NO_SIGNED_ATTRIBUTES, paris.cms(ORDER).signedBy(clerk).withoutSignedAttributes().build());
    }

    @Test
    void contentTypeOtherThanIdDataIsRefused() throws Exception {
        ASN1ObjectIdentifier tstInfo = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.1.4");

        refused(Reason.WRONG_CONTENT_TYPE, paris.cms(ORDER).signedBy(clerk).contentType(tstInfo).build());
    }

    @Test
    void signatureOverAnotherDocumentIsADigestMismatch() throws Exception {
        byte[] cms = paris.sign("ORDONNANCE RG 26/09999: another case".getBytes(StandardCharsets.UTF_8), clerk);

        CourtOrderException e = refused(Reason.DIGEST_MISMATCH, cms);
        assertTrue(e.getMessage().contains("rule 1"), e.getMessage());
    }

    @Test
    void sha384DigestAlgorithmIsRefusedBecauseOnlyTheSha256IsKnown() throws Exception {
        CourtPki.Signer p384 = paris.signer().ec("secp384r1").build();

        refused(Reason.UNSUPPORTED_ALGORITHM, paris.cms(ORDER).signedBy(p384).signatureAlgorithm("SHA384withECDSA")
                .build());
    }

    // ---- rule 2: signature and key

    @Test
    void flippedSignatureByteIsABadSignature() throws Exception {
        CourtOrderException e = refused(Reason.BAD_SIGNATURE, flipLastSignatureByte(paris.sign(ORDER, clerk)));
        assertTrue(e.getMessage().contains("rule 2"), e.getMessage());
    }

    @Test
    void flippedRsaSignatureByteIsABadSignature() throws Exception {
        CourtPki.Signer rsa = paris.signer().rsa(2048).build();

        refused(Reason.BAD_SIGNATURE, flipLastSignatureByte(paris.sign(ORDER, rsa)));
    }

    @Test
    void rsa1024SignerIsAWeakKeyEvenThoughItChains() throws Exception {
        CourtPki.Signer weak = paris.signer().rsa(1024).build();

        refused(Reason.WEAK_KEY, paris.sign(ORDER, weak));
    }

    @Test
    void sha1DigestAlgorithmIsRefused() throws Exception {
        CourtPki.Signer rsa = paris.signer().rsa(2048).build();

        // BC derives the SignerInfo digest from the signature algorithm: SHA-1 there too
        CourtOrderException e = refused(Reason.UNSUPPORTED_ALGORITHM,
                paris.cms(ORDER).signedBy(rsa).signatureAlgorithm("SHA1withRSA").build());
        assertTrue(e.getMessage().contains("digest algorithm"), e.getMessage());
    }

    @Test
    void ecdsaWithSha1IsRefusedEvenOverASha256Digest() throws Exception {
        byte[] cms = paris.cms(ORDER).signedBy(clerk).signatureAlgorithm("SHA1withECDSA")
                .digestAlgorithm(NISTObjectIdentifiers.id_sha256).build();

        CourtOrderException e = refused(Reason.UNSUPPORTED_ALGORITHM, cms);
        assertTrue(e.getMessage().contains("signature algorithm"), e.getMessage());
    }

    // ---- rule 3: path, validity, key usage

    @Test
    void lookalikeCaWithTheSameNamesIsAnUnknownIssuer() throws Exception {
        CourtPki forger = CourtPki.create("Tribunal judiciaire de Paris");  // same subject names, its own keys
        CourtPki.Signer fake = forger.signer().build();
        assertEquals(clerk.certificate().getIssuerX500Principal(), fake.certificate().getIssuerX500Principal());

        refused(Reason.UNKNOWN_ISSUER, forger.sign(ORDER, fake));
    }

    @Test
    void signatureOfAnotherCourtIsAnUnknownIssuerForThisAnchor() throws Exception {
        CourtPki lyon = CourtPki.create("Tribunal judiciaire de Lyon");

        refused(Reason.UNKNOWN_ISSUER, lyon.sign(ORDER, lyon.signer().build()));
    }

    @Test
    void wrongAnchorGivesUnknownIssuer() throws Exception {
        CourtOrderException e = assertThrows(CourtOrderException.class, () -> CourtOrderSignature.verify(
                paris.sign(ORDER, clerk), CourtPki.sha256(ORDER), List.of(otherAnchor()), TODAY, List.of()));

        assertEquals(Reason.UNKNOWN_ISSUER, e.reason());
    }

    @Test
    void missingIntermediateGivesUnknownIssuer() throws Exception {
        refused(Reason.UNKNOWN_ISSUER, paris.cms(ORDER).signedBy(clerk).withoutIntermediate().build());
    }

    @Test
    void signerExpiredBeforeTheOrderDateIsRefused() throws Exception {
        CourtPki.Signer expired = paris.signer().validity(Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(2))).build();

        CourtOrderException e = refused(Reason.NOT_VALID_AT_DATE, paris.sign(ORDER, expired));
        assertTrue(e.getMessage().contains("expired before the order date"), e.getMessage());
    }

    @Test
    void signerNotYetValidOnTheOrderDateIsRefused() throws Exception {
        CourtPki.Signer future = paris.signer().validity(Instant.now().plus(Duration.ofDays(2)),
                Instant.now().plus(Duration.ofDays(400))).build();

        CourtOrderException e = refused(Reason.NOT_VALID_AT_DATE, paris.sign(ORDER, future));
        assertTrue(e.getMessage().contains("not yet valid on the order date"), e.getMessage());
    }

    @Test
    void signerValidOnTheOrderDateButExpiredAtFilingIsRefused() throws Exception {
        LocalDate orderDate = TODAY.minusDays(60);
        CourtPki.Signer expired = paris.signer().validity(Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(30))).build();
        byte[] cms = paris.sign(ORDER, expired);

        CourtOrderException e = assertThrows(CourtOrderException.class,
                () -> verifyAt(cms, ORDER, orderDate, List.of(Instant.now())));
        assertEquals(Reason.NOT_VALID_AT_DATE, e.reason());
        assertTrue(e.getMessage().contains("has expired at"), e.getMessage());
    }

    @Test
    void caCertificateAsSignerIsRefused() throws Exception {
        CourtPki.Signer ca = paris.signer().asCa().keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign).build();

        CourtOrderException e = refused(Reason.WRONG_KEY_USAGE, paris.sign(ORDER, ca));
        assertTrue(e.getMessage().contains("CA certificate"), e.getMessage());
    }

    @Test
    void signerWhoseKeyUsageIsKeyCertSignOnlyIsRefused() throws Exception {
        CourtPki.Signer certSigner = paris.signer().keyUsage(KeyUsage.keyCertSign).build();

        CourtOrderException e = refused(Reason.WRONG_KEY_USAGE, paris.sign(ORDER, certSigner));
        assertTrue(e.getMessage().contains("keyUsage"), e.getMessage());
    }

    // ---- helpers

    private static CourtAnchor otherAnchor() throws Exception {
        return new CourtAnchor("fr-tj-marseille", List.of(CourtPki.create("Tribunal judiciaire de Marseille").root()));
    }

    /** The attack of a forger who has no key: same structure, one bit of the signature value changed. */
    private static byte[] flipLastSignatureByte(byte[] cms) throws Exception {
        byte[] signature = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next().getSignature();
        int at = indexOf(cms, signature);
        assertTrue(at >= 0);
        byte[] forged = cms.clone();
        forged[at + signature.length - 1] ^= 0x01;
        return forged;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
