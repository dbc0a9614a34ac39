package org.heteronym.credential;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.heteronym.credential.LicenceStatusHandle.CertificateStatus;
import org.heteronym.credential.LicenceStatusHandle.NoStatus;
import org.heteronym.credential.LicenceStatusHandle.StatusListEntry;

/**
 * Re-checks a licence from its {@link LicenceStatusHandle} alone, for the scheduled licence monitor: certificates by
 * OCSP or CRL against the issuer certificate kept in the handle ({@link X509RevocationChecker}), attestations by the
 * authority's IETF Token Status List signed with the keys the authority is configured with now
 * ({@link StatusListClient}).
 *
 * <p>Security guarantees: {@link LicenceStatus#ACTIVE} only from a fresh answer authenticated by the issuer (or its
 * delegated OCSP responder) or by the licensing authority; the same checks as at enrollment apply. An attestation
 * whose authority has been removed is {@link LicenceStatus#UNAVAILABLE}: its keys can no longer vouch for anything.
 *
 * <p>Never throws for network, parsing or lookup problems: they are {@link LicenceStatus#UNAVAILABLE}, so one bad
 * handle or unreachable responder cannot stop a monitor run. Thread-safe if the lookup is. Status lists are cached by
 * the {@link StatusListClient} until their {@code ttl}/{@code exp} (one hour at most), and CRLs until their
 * nextUpdate, so a revocation is seen once the issuer's published data says so, not sooner.
 *
 * <p>Not checked here: whether a certificate's trust anchor is still configured (the handle names it in
 * {@link CertificateStatus#anchorId()}; the monitor can look it up), and the certificate's own expiry (a CRL may drop
 * an expired certificate's entry, RFC 5280 §3.3).
 */
public final class LicenceStatusChecker {

    private final X509RevocationChecker certificates;
    private final StatusListClient statusLists;
    private final Function<String, Optional<LicensingAuthority>> authorities;

    /**
     * @param certificates answers for certificate handles
     * @param statusLists  answers for status list handles
     * @param authorities  the licensing authority configured now under an id, if any
     */
    public LicenceStatusChecker(X509RevocationChecker certificates, StatusListClient statusLists,
                                Function<String, Optional<LicensingAuthority>> authorities) {
        this.certificates = Objects.requireNonNull(certificates);
        this.statusLists = Objects.requireNonNull(statusLists);
        this.authorities = Objects.requireNonNull(authorities);
    }

    /** The licence's status at {@code now}; see {@link LicenceStatus} for what each answer means. */
    public LicenceStatus check(LicenceStatusHandle handle, Instant now) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(now, "now");
        try {
            return switch (handle) {
                case CertificateStatus c -> certificate(c, now);
                case StatusListEntry e -> statusList(e, now);
                case NoStatus n -> LicenceStatus.UNAVAILABLE;  // nothing published to ask; the monitor decides
            };
        } catch (RuntimeException e) {
            return LicenceStatus.UNAVAILABLE;
        }
    }

    private LicenceStatus certificate(CertificateStatus handle, Instant now) {
        X509Certificate issuer;
        try {
            issuer = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(handle.issuerCertificateDer()));
        } catch (CertificateException e) {
            return LicenceStatus.UNAVAILABLE;
        }
        return switch (certificates.check(issuer, handle.serial(), handle.ocspUrls(), handle.crlUrls(), now)) {
            case GOOD -> LicenceStatus.ACTIVE;
            case REVOKED -> LicenceStatus.REVOKED;
            // UNKNOWN: the responder does not know the certificate, which proves nothing either way (RFC 6960 §2.2)
            case UNKNOWN, UNAVAILABLE -> LicenceStatus.UNAVAILABLE;
        };
    }

    private LicenceStatus statusList(StatusListEntry handle, Instant now) {
        Optional<LicensingAuthority> authority = authorities.apply(handle.authorityId());
        if (authority == null || authority.isEmpty() || !authority.get().id().equals(handle.authorityId())) {
            return LicenceStatus.UNAVAILABLE;
        }
        try {
            // the index fits an int: LicenceStatusHandle.StatusListEntry bounds it
            StatusListClient.Status status =
                    statusLists.check(authority.get(), handle.uri().toString(), (int) handle.index(), now);
            return status == StatusListClient.Status.VALID ? LicenceStatus.ACTIVE : LicenceStatus.REVOKED;
        } catch (CredentialRefusal noDefiniteAnswer) {
            return LicenceStatus.UNAVAILABLE;
        }
    }
}
