package org.heteronym.credential;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** Tells whether a certificate is revoked at a given instant. Used at enrollment and later by the licence monitor. */
public interface RevocationChecker {

    enum Status {
        /** A fresh, authenticated answer says the certificate is not revoked. */
        GOOD,
        /** A fresh, authenticated answer says the certificate is revoked (or on hold). */
        REVOKED,
        /** An authenticated OCSP answer says the responder does not know the certificate. */
        UNKNOWN,
        /** No fresh, authenticated answer could be obtained (no URL, network failure, bad signature, stale data). */
        UNAVAILABLE
    }

    /**
     * @param cert   the certificate to check
     * @param issuer the certificate that issued {@code cert}
     * @param now    the instant at which the answer must be fresh
     */
    Status check(X509Certificate cert, X509Certificate issuer, Instant now);
}
