package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
    @Embedded
    public SealedEvidence evidence;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    static PendingEnrollment of(byte[] tokenHash, String memberId, boolean returning, SealedEvidence evidence,
                                Instant expiresAt) {
        PendingEnrollment pending = new PendingEnrollment();
        pending.tokenHash = tokenHash;
        pending.memberId = memberId;
        pending.returningMember = returning;
        pending.evidence = evidence;
        pending.expiresAt = expiresAt;
        return pending;
    }
}
