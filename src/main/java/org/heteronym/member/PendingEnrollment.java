package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Evidence verified and sealed, waiting for the member's passkey. Keyed by the SHA-256 of the browser's token. */
@Entity
@Table(name = "pending_enrollment")
public class PendingEnrollment extends PanacheEntityBase {
    @Id
    @Column(name = "token_hash")
    public byte[] tokenHash;
    @Column(name = "member_id", nullable = false)
    public String memberId;
    @Column(name = "returning_member", nullable = false)
    public boolean returningMember;
    @Column(nullable = false)
    public String profession;
    @Column(nullable = false)
    public String authority;
    @Column(name = "evidence_kind", nullable = false)
    public String evidenceKind;
    @Column(name = "duplicate_tag", nullable = false)
    public byte[] duplicateTag;
    @Column(name = "epoch_id", nullable = false)
    public String epochId;
    @Column(nullable = false)
    public byte[] envelope;
    @Column(name = "status_handle", nullable = false)
    public byte[] statusHandle;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    SealedEvidence evidence() {
        return new SealedEvidence(profession, authority, evidenceKind, duplicateTag, epochId, envelope, statusHandle);
    }

    static PendingEnrollment of(byte[] tokenHash, String memberId, boolean returning, SealedEvidence evidence,
                                Instant expiresAt) {
        PendingEnrollment pending = new PendingEnrollment();
        pending.tokenHash = tokenHash;
        pending.memberId = memberId;
        pending.returningMember = returning;
        pending.profession = evidence.profession();
        pending.authority = evidence.authority();
        pending.evidenceKind = evidence.evidenceKind();
        pending.duplicateTag = evidence.duplicateTag();
        pending.epochId = evidence.epochId();
        pending.envelope = evidence.envelope();
        pending.statusHandle = evidence.statusHandle();
        pending.expiresAt = expiresAt;
        return pending;
    }
}
