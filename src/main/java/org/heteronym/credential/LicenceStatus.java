package org.heteronym.credential;

/** What the licence monitor learns when it re-checks a member's licence ({@link LicenceStatusChecker}). */
public enum LicenceStatus {
    /** A fresh, authenticated answer says the licence stands: OCSP or CRL "good", status list value 0. */
    ACTIVE,
    /**
     * A fresh, authenticated answer says it does not: the certificate is revoked or on hold (OCSP revoked, any CRL
     * entry), or the status list entry is anything but 0 (invalid, suspended, application-specific).
     */
    REVOKED,
    /**
     * No fresh, authenticated answer: network failure, timeout, bad or missing signature, stale data, a responder that
     * does not know the certificate, an authority no longer configured, or nothing to re-check ({@link
     * LicenceStatusHandle.NoStatus}). Never a reason to keep or to suspend a member by itself; the monitor decides.
     */
    UNAVAILABLE
}
