package org.heteronym.credential;

import java.math.BigInteger;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the licence monitor needs to ask, later, whether a member's licence still stands: where the status is published
 * and how to authenticate the answer. Enrollment keeps this and drops the evidence itself.
 *
 * <p>Security guarantees: a handle holds no subject name and no licence number: only configured ids, a public CA
 * certificate, a serial number, a status list entry, and URLs. Every value that can be constructed can be encoded, and
 * {@link #decode(byte[])} accepts exactly the bytes {@link #encode()} produces (one encoding per value, see
 * {@link LicenceStatusCodec}).
 *
 * <p>WARNING: a serial number under its issuer, or a status list URI and index, still points at one credential, which
 * the issuer can name. Store handles encrypted and never log them; {@link Object#toString()} leaves those parts out.
 */
public sealed interface LicenceStatusHandle
        permits LicenceStatusHandle.CertificateStatus, LicenceStatusHandle.StatusListEntry,
                LicenceStatusHandle.NoStatus {

    /** Largest encoding {@link #decode(byte[])} accepts; a database column of this size always suffices. */
    int MAX_ENCODED_BYTES = LicenceStatusCodec.MAX_ENCODED_BYTES;

    /** The configured trust anchor (certificates) or licensing authority (attestations) that vouched. */
    String authority();

    /** The canonical, versioned binary form (format in docs/credentials.md). */
    default byte[] encode() {
        return LicenceStatusCodec.encode(this);
    }

    /**
     * Reads what {@link #encode()} wrote, strictly: unknown version or type, truncation, trailing bytes, lengths out of
     * bounds, non-minimal serial numbers, invalid UTF-8, unusable URLs and certificates are all refused.
     *
     * @throws IllegalArgumentException if {@code encoded} is not exactly one valid handle
     */
    static LicenceStatusHandle decode(byte[] encoded) {
        return LicenceStatusCodec.decode(encoded);
    }

    /**
     * A certificate, re-checked by OCSP (RFC 6960) or CRL (RFC 5280), which need only its issuer and serial number.
     *
     * @param anchorId             the {@link X509TrustAnchor#id()} its path ended at
     * @param issuerCertificateDer the DER of the CA certificate that issued it (possibly an intermediate taken from the
     *                             CMS): a public certificate, which authenticates OCSP responses and CRLs
     * @param serial               its serial number
     * @param ocspUrls             the OCSP responders its Authority Information Access names (at most 8)
     * @param crlUrls              the http(s) URLs of its CRL distribution points (at most 8)
     */
    record CertificateStatus(String anchorId, byte[] issuerCertificateDer, BigInteger serial, List<URI> ocspUrls,
                             List<URI> crlUrls) implements LicenceStatusHandle {

        public CertificateStatus {
            LicenceStatusLimits.checkId(anchorId);
            issuerCertificateDer = LicenceStatusLimits.checkCertificate(issuerCertificateDer).clone();
            LicenceStatusLimits.checkSerial(serial);
            ocspUrls = LicenceStatusLimits.checkUrls(ocspUrls);
            crlUrls = LicenceStatusLimits.checkUrls(crlUrls);
        }

        /**
         * The handle for {@code leaf}, issued by {@code issuer}, under {@code anchorId}. URLs a handle cannot hold
         * (over 1024 characters, not printable ASCII, beyond the eighth) are left out rather than failing enrollment;
         * the checker only ever uses the first of each kind.
         */
        static CertificateStatus forLeaf(String anchorId, X509Certificate issuer, X509Certificate leaf)
                throws CertificateEncodingException {
            return new CertificateStatus(anchorId, issuer.getEncoded(), leaf.getSerialNumber(),
                    LicenceStatusLimits.usableUrls(RevocationUrls.ocspUrls(leaf)),
                    LicenceStatusLimits.usableUrls(RevocationUrls.crlUrls(leaf)));
        }

        @Override
        public String authority() {
            return anchorId;
        }

        @Override
        public byte[] issuerCertificateDer() {
            return issuerCertificateDer.clone();
        }

        // equals and hashCode by content: the array by its bytes, URIs by their exact text (URI.equals ignores the
        // case of scheme and host, which would make two values with different encodings equal).
        @Override
        public boolean equals(Object o) {
            return o instanceof CertificateStatus c
                    && anchorId.equals(c.anchorId)
                    && Arrays.equals(issuerCertificateDer, c.issuerCertificateDer)
                    && serial.equals(c.serial)
                    && LicenceStatusLimits.texts(ocspUrls).equals(LicenceStatusLimits.texts(c.ocspUrls))
                    && LicenceStatusLimits.texts(crlUrls).equals(LicenceStatusLimits.texts(c.crlUrls));
        }

        @Override
        public int hashCode() {
            return Objects.hash(anchorId, Arrays.hashCode(issuerCertificateDer), serial,
                    LicenceStatusLimits.texts(ocspUrls), LicenceStatusLimits.texts(crlUrls));
        }

        /** Without serial or issuer: they point at one member's certificate. */
        @Override
        public String toString() {
            return "CertificateStatus[" + anchorId + ", " + ocspUrls.size() + " OCSP, " + crlUrls.size() + " CRL]";
        }
    }

    /**
     * An attestation, re-checked through the IETF Token Status List its {@code status.status_list} claim names.
     *
     * @param authorityId the {@link LicensingAuthority#id()} that signed it, and must sign the list
     * @param uri         the status list token's URI (http or https)
     * @param index       the credential's entry in the list, 0 to 2<sup>31</sup>-1
     */
    record StatusListEntry(String authorityId, URI uri, long index) implements LicenceStatusHandle {

        public StatusListEntry {
            LicenceStatusLimits.checkId(authorityId);
            LicenceStatusLimits.checkUrl(uri);
            if (index < 0 || index > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("status list index out of range");
            }
        }

        @Override
        public String authority() {
            return authorityId;
        }

        // by the URI's exact text, as the status list client compares it with the token's sub
        @Override
        public boolean equals(Object o) {
            return o instanceof StatusListEntry e && authorityId.equals(e.authorityId)
                    && uri.toString().equals(e.uri.toString()) && index == e.index;
        }

        @Override
        public int hashCode() {
            return Objects.hash(authorityId, uri.toString(), index);
        }

        /** Without the index: with the URI it points at one member's attestation. */
        @Override
        public String toString() {
            return "StatusListEntry[" + authorityId + ", " + uri + "]";
        }
    }

    /**
     * An attestation whose authority publishes no status for it (the {@code status} claim is optional in SD-JWT VC).
     * Nothing can be re-checked: {@link LicenceStatusChecker} answers {@link LicenceStatus#UNAVAILABLE} for it, and the
     * monitor decides (for example, asking the member to re-verify). A record rather than an empty Optional so that
     * every member has a handle, the authority stays known, and the monitor's choice is explicit.
     *
     * @param authorityId the {@link LicensingAuthority#id()} that signed the attestation
     */
    record NoStatus(String authorityId) implements LicenceStatusHandle {

        public NoStatus {
            LicenceStatusLimits.checkId(authorityId);
        }

        @Override
        public String authority() {
            return authorityId;
        }
    }
}
