package org.heteronym.crypto.order;

import static org.heteronym.crypto.order.CourtOrderException.Reason.BAD_SIGNATURE;
import static org.heteronym.crypto.order.CourtOrderException.Reason.DIGEST_MISMATCH;
import static org.heteronym.crypto.order.CourtOrderException.Reason.MALFORMED;
import static org.heteronym.crypto.order.CourtOrderException.Reason.NO_SIGNED_ATTRIBUTES;
import static org.heteronym.crypto.order.CourtOrderException.Reason.TOO_LARGE;
import static org.heteronym.crypto.order.CourtOrderException.Reason.WRONG_CONTENT_TYPE;
import static org.heteronym.crypto.order.CourtOrderException.Reason.WRONG_KEY_USAGE;

import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifies the detached CMS signature of a court order (docs/disclosure.md §2, rules 1 to 3) from the document's
 * SHA-256 digest, not the document, so that an auditor can repeat the check from the public log alone (§7).
 *
 * <p>Checks, in order, each failing with its own {@link CourtOrderException.Reason}: size (TOO_LARGE); one
 * SignedData and nothing after it (MALFORMED); no encapsulated content (NOT_DETACHED); id-data as encapsulated
 * content type (WRONG_CONTENT_TYPE); exactly one SignerInfo (NOT_ONE_SIGNER); the signer's certificate in the
 * SignedData exactly once (MALFORMED); signed attributes with exactly one content-type and one message-digest
 * attribute (NO_SIGNED_ATTRIBUTES), the content type id-data (WRONG_CONTENT_TYPE); SHA-256 as digest algorithm
 * (UNSUPPORTED_ALGORITHM); the signer's key (WEAK_KEY) and a signature algorithm for it (UNSUPPORTED_ALGORITHM); the
 * message-digest equal to the given digest (DIGEST_MISMATCH); the signature over the DER of the signed attributes
 * (BAD_SIGNATURE); a PKIX path to an anchor using only the SignedData's certificates as intermediates
 * (UNKNOWN_ISSUER), with no weak CA key (WEAK_KEY); every certificate of the path valid on the order date and at
 * each given instant (NOT_VALID_AT_DATE); the signer not a CA and its keyUsage allowing digitalSignature or
 * nonRepudiation (WRONG_KEY_USAGE).
 *
 * <p><b>Detached only.</b> A SignedData that encapsulates the document is refused rather than accepted by comparing
 * the content: the public log carries the signature (§5), and must not carry the document with it.
 *
 * <p><b>Encoding.</b> §2 describes the signature as DER, but BER is accepted too: signing tools commonly emit
 * certificate SETs in their own order (not DER), and nothing here needs a canonical encoding. The signature covers
 * the DER of the signed attributes whatever the outer encoding (RFC 5652 §5.4), and the log keeps the bytes as
 * submitted.
 *
 * <p><b>Digest algorithm: SHA-256 only.</b> §2 rule 1 first allowed SHA-384 and SHA-512 as well, but the
 * message-digest attribute holds the document's digest under the SignerInfo's algorithm, and this class (like the
 * log's {@code order_sha256}) has only the SHA-256: a SHA-384 message-digest could not be checked without the
 * document. The signature algorithm's own hash may still be SHA-256, SHA-384 or SHA-512.
 *
 * <h2>Security guarantees</h2>
 * A returned {@link VerifiedCourtOrder} means: the holder of a key that one of {@code anchors} certifies, through
 * the SignedData's certificates, signed attributes stating that the document with the given SHA-256 is id-data
 * content; the key is an end entity's, meant for signing; and every certificate of the path was valid on the order
 * date and at the given instants. A signing-time attribute is ignored: the order date and the filing instant are
 * what §2 asks about.
 *
 * <h2>WARNING</h2>
 * Revocation (rule 4) is not checked here: this class does no I/O. The service must check every certificate of
 * {@link VerifiedCourtOrder#path()} but the anchor's at filing, and refuse anything but a fresh GOOD. The order
 * date is the filing officer's claim, not a time the signature proves; the filing instant is what binds.
 */
public final class CourtOrderSignature {

    /** Largest CMS accepted: a signature with a few certificates is a few KiB; CRLs inside it are not needed. */
    public static final int MAX_CMS_BYTES = 256 * 1024;
    /** Length of the document digest: SHA-256. */
    public static final int DIGEST_BYTES = 32;

    private static final Provider BC = new BouncyCastleProvider();

    private CourtOrderSignature() {
    }

    /**
     * @param cms            the CMS SignedData, detached, as the legal officer submitted it (and the log carries it)
     * @param documentSha256 SHA-256 of the order document, 32 bytes
     * @param anchors        the court anchors active at filing, tried in order
     * @param orderDate      the order's date: every certificate of the path must be valid at one instant of that UTC
     *                       day
     * @param validAt        further instants at which every certificate of the path must be valid (the service
     *                       passes the filing instant; an auditor, who knows only dates, passes none)
     * @throws CourtOrderException naming the first check that fails
     */
    public static VerifiedCourtOrder verify(byte[] cms, byte[] documentSha256, List<CourtAnchor> anchors,
                                            LocalDate orderDate, List<Instant> validAt) throws CourtOrderException {
        Objects.requireNonNull(documentSha256, "documentSha256");
        Objects.requireNonNull(anchors, "anchors");
        Objects.requireNonNull(orderDate, "orderDate");
        List<Instant> instants = List.copyOf(validAt);
        if (documentSha256.length != DIGEST_BYTES) {
            throw new IllegalArgumentException("documentSha256 has " + documentSha256.length + " bytes, not 32");
        }
        if (cms == null || cms.length == 0) {
            throw new CourtOrderException(MALFORMED, "empty signature");
        }
        if (cms.length > MAX_CMS_BYTES) {
            throw new CourtOrderException(TOO_LARGE, "signature of " + cms.length + " bytes, more than "
                    + MAX_CMS_BYTES);
        }

        SignedOrder order = SignedOrder.parse(cms, documentSha256);
        SignerInformation signer = order.signer();
        AttributeTable signedAttributes;
        try {
            // Bouncy Castle decodes the signed attributes only now, and a malformed one throws whatever its decoder
            // ran into: IllegalArgument, ClassCast, ArrayIndexOutOfBounds so far (all found by fuzzing)
            signedAttributes = signer.getSignedAttributes();
        } catch (RuntimeException e) {
            throw new CourtOrderException(MALFORMED, "the signed attributes do not decode");
        }
        byte[] messageDigest = checkSignedAttributes(signedAttributes);
        OrderAlgorithms.checkDigest(signer.getDigestAlgorithmID());
        X509Certificate leaf = order.signerCertificate();
        OrderAlgorithms.checkSignature(signer.toASN1Structure().getDigestEncryptionAlgorithm(),
                order.signerHolder().getSubjectPublicKeyInfo(), leaf.getPublicKey());
        if (!MessageDigest.isEqual(messageDigest, documentSha256)) {
            throw new CourtOrderException(DIGEST_MISMATCH, "the message-digest attribute is not the SHA-256 of the"
                    + " document (rule 1)");
        }
        verifySignature(signer, leaf);

        CourtPath path = CourtPath.build(leaf, order.certificates(), anchors,
                orderDate.atStartOfDay(ZoneOffset.UTC).toInstant());
        for (X509Certificate ca : path.certificates().subList(1, path.certificates().size())) {
            OrderAlgorithms.checkCaKey(ca);
        }
        path.checkValidOn(orderDate);
        for (Instant at : instants) {
            path.checkValidAt(at);
        }
        checkSignerIsForSigning(leaf);

        return new VerifiedCourtOrder(path.anchor().id(), path.certificates(),
                leaf.getSubjectX500Principal().getName(X500Principal.RFC2253));
    }

    /**
     * RFC 5652 §5.3 and §11: signed attributes, each of content-type and message-digest exactly once with exactly
     * one value. Returns the message-digest value.
     */
    private static byte[] checkSignedAttributes(AttributeTable attributes) throws CourtOrderException {
        if (attributes == null) {
            throw new CourtOrderException(NO_SIGNED_ATTRIBUTES, "the SignerInfo has no signed attributes (rule 1)");
        }
        ASN1Encodable contentType = single(attributes, CMSAttributes.contentType, "content-type");
        if (!CMSObjectIdentifiers.data.equals(contentType)) {
            throw new CourtOrderException(WRONG_CONTENT_TYPE, "the content-type attribute is not id-data (rule 1)");
        }
        ASN1Encodable digest = single(attributes, CMSAttributes.messageDigest, "message-digest");
        if (!(digest instanceof ASN1OctetString octets)) {
            throw new CourtOrderException(NO_SIGNED_ATTRIBUTES, "the message-digest attribute is not an OCTET STRING"
                    + " (rule 1)");
        }
        return octets.getOctets();
    }

    private static ASN1Encodable single(AttributeTable attributes, ASN1ObjectIdentifier type, String name)
            throws CourtOrderException {
        ASN1EncodableVector all = attributes.getAll(type);
        if (all.size() != 1 || Attribute.getInstance(all.get(0)).getAttrValues().size() != 1) {
            throw new CourtOrderException(NO_SIGNED_ATTRIBUTES, "the signed attributes do not hold exactly one "
                    + name + " value (rule 1)");
        }
        return Attribute.getInstance(all.get(0)).getAttrValues().getObjectAt(0);
    }

    /** Rule 2, with BC: the DER of the signed attributes, under the signer's public key (not its validity). */
    private static void verifySignature(SignerInformation signer, X509Certificate leaf) throws CourtOrderException {
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(leaf.getPublicKey()))) {
                throw new CourtOrderException(BAD_SIGNATURE, "the signature does not verify with the signer's key"
                        + " (rule 2)");
            }
        } catch (CMSSignerDigestMismatchException e) {
            throw new CourtOrderException(DIGEST_MISMATCH, "the message-digest attribute is not the SHA-256 of the"
                    + " document (rule 1)");
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw new CourtOrderException(BAD_SIGNATURE, "the signature does not verify with the signer's key"
                    + " (rule 2): " + e.getMessage());
        }
    }

    /** An end entity whose keyUsage allows signing documents (RFC 5280 §4.2.1.3, §4.2.1.9). */
    private static void checkSignerIsForSigning(X509Certificate leaf) throws CourtOrderException {
        if (leaf.getBasicConstraints() != -1) {
            throw new CourtOrderException(WRONG_KEY_USAGE, "the signer's certificate is a CA certificate (rule 3)");
        }
        boolean[] ku = leaf.getKeyUsage();
        if (ku == null || !(ku[0] || (ku.length > 1 && ku[1]))) {
            throw new CourtOrderException(WRONG_KEY_USAGE, "the signer's keyUsage allows neither digitalSignature nor"
                    + " nonRepudiation (rule 3)");
        }
    }
}
