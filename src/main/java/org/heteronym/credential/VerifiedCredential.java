package org.heteronym.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A medical credential that a verifier in this package has checked: signature, chain or authority key, validity and
 * revocation at {@code verifiedAt}. Only those verifiers construct it (package-private constructor).
 *
 * <p>WARNING: it holds a real identity. It exists only while enrollment runs; it is sealed into an envelope and
 * dropped, and never logged ({@link #toString()} shows no identity).
 *
 * @param authority       who vouches: the trust anchor's or the licensing authority's configured id
 * @param licenceNumber   the licence (or student) number as the authority writes it
 * @param statusHandle    what the licence monitor re-checks later, kept (encrypted) after the evidence is dropped;
 *                        it holds no name and no licence number
 * @param evidenceDigest  SHA-256 of the evidence as submitted, so the sealed identity can name what proved it
 */
public final class VerifiedCredential {

    private final EvidenceKind kind;
    private final String authority;
    private final String licenceNumber;
    private final Profession profession;
    private final String fullName;
    private final Optional<LocalDate> dateOfBirth;
    private final LicenceStatusHandle statusHandle;
    private final byte[] evidenceDigest;
    private final Instant verifiedAt;

    VerifiedCredential(EvidenceKind kind, String authority, String licenceNumber, Profession profession,
                       String fullName, Optional<LocalDate> dateOfBirth, LicenceStatusHandle statusHandle,
                       byte[] evidenceDigest, Instant verifiedAt) {
        this.kind = Objects.requireNonNull(kind);
        this.authority = Objects.requireNonNull(authority);
        this.licenceNumber = Objects.requireNonNull(licenceNumber);
        this.profession = Objects.requireNonNull(profession);
        this.fullName = Objects.requireNonNull(fullName);
        this.dateOfBirth = Objects.requireNonNull(dateOfBirth);
        this.statusHandle = Objects.requireNonNull(statusHandle);
        this.evidenceDigest = evidenceDigest.clone();
        this.verifiedAt = Objects.requireNonNull(verifiedAt);
    }

    public EvidenceKind kind() {
        return kind;
    }

    public String authority() {
        return authority;
    }

    public String licenceNumber() {
        return licenceNumber;
    }

    public Profession profession() {
        return profession;
    }

    public String fullName() {
        return fullName;
    }

    public Optional<LocalDate> dateOfBirth() {
        return dateOfBirth;
    }

    public LicenceStatusHandle statusHandle() {
        return statusHandle;
    }

    public byte[] evidenceDigest() {
        return evidenceDigest.clone();
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    @Override
    public String toString() {
        return "VerifiedCredential[" + kind + ", " + authority + ", " + profession + "]";
    }
}
