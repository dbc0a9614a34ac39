package org.heteronym.cli;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Checks a court order's detached CMS signature from the public log alone (docs/disclosure.md §2 rules 1–3, the
 * certificates valid on the order date): the signature covers signed attributes whose {@code message-digest} is
 * the order's SHA-256, and the signer's certificate chains to one of the anchor's CA certificates. Revocation at
 * filing (rule 4) is the service's check, not the auditor's: the auditor may run years later.
 */
@FunctionalInterface
public interface OrderSignatureCheck {

    /**
     * @return empty if the signature verifies, otherwise what is wrong, for the finding
     */
    Optional<String> failure(String cmsBase64, byte[] orderSha256, List<X509Certificate> anchorCertificates,
            LocalDate orderDate);

    /** False only for {@link #UNAVAILABLE}: the audit then counts the signatures it could not check. */
    default boolean available() {
        return true;
    }

    /**
     * For a build without a CMS verifier: checks nothing, and says so, so that the audit reports the orders whose
     * signatures went unchecked instead of passing them silently.
     */
    OrderSignatureCheck UNAVAILABLE = new OrderSignatureCheck() {
        @Override
        public Optional<String> failure(String cmsBase64, byte[] orderSha256, List<X509Certificate> anchorCertificates,
                LocalDate orderDate) {
            return Optional.empty();
        }

        @Override
        public boolean available() {
            return false;
        }
    };
}
