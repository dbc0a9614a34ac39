package org.heteronym.crypto.order;

import java.util.Objects;

/**
 * A court order's signature is refused (docs/disclosure.md §2, {@code disclosure-order-invalid}). The
 * {@link #reason()} names the check that failed; the message adds detail. Nothing here is secret (orders, their
 * signatures and certificates are public or go to the public log), so the message may be shown to the legal
 * officer and logged.
 */
public final class CourtOrderException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The failing check; {@link CourtOrderSignature} makes them in the order its javadoc lists. */
    public enum Reason {
        /** Larger than {@link CourtOrderSignature#MAX_CMS_BYTES}. */
        TOO_LARGE,
        /** Not one CMS SignedData (trailing bytes included), certificates unreadable, or the signer's certificate
         *  not in it exactly once. */
        MALFORMED,
        /** The document is encapsulated: §2 asks for a detached signature, so that the log can carry it alone. */
        NOT_DETACHED,
        /** Zero, or more than one, SignerInfo (rule 1). */
        NOT_ONE_SIGNER,
        /** No signed attributes, or not exactly one content-type and one message-digest attribute (rule 1). */
        NO_SIGNED_ATTRIBUTES,
        /** The content-type attribute or the encapsulated content type is not id-data (rule 1). */
        WRONG_CONTENT_TYPE,
        /** A digest algorithm other than SHA-256 (rule 1), or a signature algorithm outside rule 2 (SHA-1, for
         *  instance), or a signer key neither EC nor RSA. */
        UNSUPPORTED_ALGORITHM,
        /** A signer key outside rule 2 (RSA under 2048 bits, a curve other than P-256 or P-384), or a CA key of the
         *  path weaker than RSA 2048 or P-256. */
        WEAK_KEY,
        /** The message-digest attribute is not the given SHA-256 of the document (rule 1). */
        DIGEST_MISMATCH,
        /** The signature over the signed attributes does not verify with the signer's key (rule 2). */
        BAD_SIGNATURE,
        /** No PKIX path from the signer to an anchor's CA certificate (rule 3). */
        UNKNOWN_ISSUER,
        /** A certificate of the path is not valid on the order date or at another required instant (rule 3). */
        NOT_VALID_AT_DATE,
        /** The signer is a CA, or its keyUsage allows neither digitalSignature nor nonRepudiation (rule 3). */
        WRONG_KEY_USAGE,
        /** A certificate of the path is revoked or on hold (rule 4; checked by the service, not by this package). */
        REVOKED,
        /** No fresh, authenticated revocation status for a certificate of the path (rule 4: no soft-fail). */
        STATUS_UNAVAILABLE
    }

    private final Reason reason;

    public CourtOrderException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
