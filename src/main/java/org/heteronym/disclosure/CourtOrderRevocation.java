package org.heteronym.disclosure;

import static org.heteronym.crypto.order.CourtOrderException.Reason.REVOKED;
import static org.heteronym.crypto.order.CourtOrderException.Reason.STATUS_UNAVAILABLE;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.heteronym.credential.RevocationChecker;
import org.heteronym.credential.X509RevocationChecker;
import org.heteronym.crypto.order.CourtOrderException;
import org.heteronym.crypto.order.VerifiedCourtOrder;

/**
 * Rule 4 of docs/disclosure.md §2: no certificate of a court order's path is revoked at filing. Every certificate
 * but the anchor's is checked against its issuer, the next one in the path, by OCSP or CRL exactly as member
 * certificates are ({@link X509RevocationChecker}, docs/credentials.md §4). The anchor's own certificate is
 * trusted as registered: the operator retires an anchor whose CA is compromised.
 *
 * <p>No soft-fail: anything but {@link RevocationChecker.Status#GOOD} refuses the order, a revoked (or held)
 * certificate with {@link CourtOrderException.Reason#REVOKED}, an unknown status, an unreachable responder or a
 * stale answer with {@link CourtOrderException.Reason#STATUS_UNAVAILABLE}. A court that cannot be checked now can
 * be checked in a minute; an order from a revoked key cannot be taken back once shares are released.
 *
 * <p>Thread-safe if the checker is; network access happens only there, and only for certificates that
 * {@link org.heteronym.crypto.order.CourtOrderSignature} already chained to an anchor.
 */
public final class CourtOrderRevocation {

    private final RevocationChecker revocation;

    /**
     * @param revocation the checker; the service keeps one long-lived {@link X509RevocationChecker} for its CRL
     *                   cache, as {@code CredentialVerification} does for member certificates
     */
    public CourtOrderRevocation(RevocationChecker revocation) {
        this.revocation = Objects.requireNonNull(revocation, "revocation");
    }

    /**
     * @param order   a verified order signature
     * @param filedAt the filing instant, at which every answer must be fresh
     * @throws CourtOrderException REVOKED or STATUS_UNAVAILABLE, naming the certificate
     */
    public void check(VerifiedCourtOrder order, Instant filedAt) throws CourtOrderException {
        Objects.requireNonNull(filedAt, "filedAt");
        List<X509Certificate> path = order.path();
        // the path runs signer first and ends with the anchor's certificate, which issues the one before it
        for (int i = 0; i < path.size() - 1; i++) {
            X509Certificate cert = path.get(i);
            RevocationChecker.Status status = RevocationChecker.Status.UNAVAILABLE;
            try {
                status = Objects.requireNonNullElse(revocation.check(cert, path.get(i + 1), filedAt), status);
            } catch (RuntimeException e) {
                // a checker that fails is a status we do not have
            }
            String which = (i == 0 ? "signer certificate " : "CA certificate ") + cert.getSubjectX500Principal();
            switch (status) {
                case GOOD -> { }
                case REVOKED -> throw new CourtOrderException(REVOKED, which + " is revoked (rule 4)");
                default -> throw new CourtOrderException(STATUS_UNAVAILABLE,
                        "no fresh revocation status for " + which + ": " + status + " (rule 4)");
            }
        }
    }
}
