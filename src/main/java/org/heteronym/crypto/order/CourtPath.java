package org.heteronym.crypto.order;

import static org.heteronym.crypto.order.CourtOrderException.Reason.NOT_VALID_AT_DATE;
import static org.heteronym.crypto.order.CourtOrderException.Reason.UNKNOWN_ISSUER;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A PKIX certification path from a court's signing certificate to one anchor's CA certificate (rule 3), and the
 * validity of its certificates at the required dates.
 *
 * @param anchor       the anchor the path ends at
 * @param certificates signer first, the anchor's CA certificate last
 */
record CourtPath(CourtAnchor anchor, List<X509Certificate> certificates) {

    /**
     * Builds a path with the JDK's PKIX builder, revocation disabled (rule 4 is the service's), trying the anchors in
     * order. The path is built at {@code at} clamped into the signer's validity, so that a signer not valid at the
     * required dates is reported as such by {@link #checkValidOn} and {@link #checkValidAt}, not as an unknown issuer.
     *
     * @param intermediates the SignedData's certificates: the only intermediates considered (§2 rule 3)
     */
    static CourtPath build(X509Certificate signer, List<X509Certificate> intermediates, List<CourtAnchor> anchors,
                           Instant at) throws CourtOrderException {
        Date date = Date.from(at);
        if (date.before(signer.getNotBefore())) {
            date = signer.getNotBefore();
        } else if (date.after(signer.getNotAfter())) {
            date = signer.getNotAfter();
        }
        for (CourtAnchor anchor : anchors) {
            try {
                Set<TrustAnchor> trust = new HashSet<>();
                for (X509Certificate ca : anchor.caCertificates()) {
                    trust.add(new TrustAnchor(ca, null));
                }
                X509CertSelector target = new X509CertSelector();
                target.setCertificate(signer);
                PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
                params.setRevocationEnabled(false);
                params.setDate(date);
                List<X509Certificate> store = new ArrayList<>(intermediates);
                store.add(signer);
                params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
                PKIXCertPathBuilderResult result =
                        (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
                List<X509Certificate> certificates = new ArrayList<>();
                result.getCertPath().getCertificates().forEach(c -> certificates.add((X509Certificate) c));
                certificates.add(result.getTrustAnchor().getTrustedCert());
                return new CourtPath(anchor, List.copyOf(certificates));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next anchor
            }
        }
        throw new CourtOrderException(UNKNOWN_ISSUER, "no certification path from the signer, issued by "
                + signer.getIssuerX500Principal() + ", to an active court anchor (rule 3)");
    }

    /**
     * Every certificate of the path is valid at one common instant of {@code date}, a UTC day as log dates are
     * (docs/log.md). An order carries a date, not the instant it was signed: a signer that expired during that day
     * may have signed it before expiring, but one that expired the day before cannot have.
     */
    void checkValidOn(LocalDate date) throws CourtOrderException {
        Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant latestStart = Instant.MIN;
        Instant earliestEnd = Instant.MAX;
        for (X509Certificate c : certificates) {
            Instant from = c.getNotBefore().toInstant();
            Instant to = c.getNotAfter().toInstant();  // inclusive (RFC 5280 §4.1.2.5)
            if (to.isBefore(dayStart)) {
                throw new CourtOrderException(NOT_VALID_AT_DATE, "certificate " + c.getSubjectX500Principal()
                        + " expired before the order date " + date + " (rule 3)");
            }
            if (!from.isBefore(dayEnd)) {
                throw new CourtOrderException(NOT_VALID_AT_DATE, "certificate " + c.getSubjectX500Principal()
                        + " is not yet valid on the order date " + date + " (rule 3)");
            }
            latestStart = from.isAfter(latestStart) ? from : latestStart;
            earliestEnd = to.isBefore(earliestEnd) ? to : earliestEnd;
        }
        if (latestStart.isAfter(earliestEnd)) {
            throw new CourtOrderException(NOT_VALID_AT_DATE, "the certificates of the path are never valid together"
                    + " on the order date " + date + " (rule 3)");
        }
    }

    /** Every certificate of the path is valid at {@code instant}. */
    void checkValidAt(Instant instant) throws CourtOrderException {
        Date at = Date.from(instant);
        for (X509Certificate c : certificates) {
            try {
                c.checkValidity(at);
            } catch (CertificateExpiredException e) {
                throw new CourtOrderException(NOT_VALID_AT_DATE, "certificate " + c.getSubjectX500Principal()
                        + " has expired at " + instant + " (rule 3)");
            } catch (CertificateNotYetValidException e) {
                throw new CourtOrderException(NOT_VALID_AT_DATE, "certificate " + c.getSubjectX500Principal()
                        + " is not yet valid at " + instant + " (rule 3)");
            }
        }
    }
}
