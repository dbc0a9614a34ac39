package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A member: a random id, a status, the sealed identity and a keyed duplicate tag. Nothing on the row names a person
 * or records when they last signed in (docs/members.md).
 */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    public enum Status { ACTIVE, SUSPENDED }

    /** Why a member is suspended; shown to the member, never to forums. */
    public enum Suspension { LICENCE_REVOKED }

    @Id
    public String id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Suspension suspension;
    @Column(nullable = false)
    public String profession;
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
    @Column(name = "sealed_on", nullable = false)
    public LocalDate sealedOn;
    @Column(name = "checked_on", nullable = false)
    public LocalDate checkedOn;

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** A new member, or a returning one re-verified: the seal and the handle are replaced, a suspension lifted. */
    void refresh(SealedEvidence evidence) {
        profession = evidence.profession();
        evidenceKind = evidence.evidenceKind();
        duplicateTag = evidence.duplicateTag();
        epochId = evidence.epochId();
        envelope = evidence.envelope();
        statusHandle = evidence.statusHandle();
        sealedOn = LocalDate.now(ZoneOffset.UTC);
        checkedOn = sealedOn;
        reinstate();
    }

    void suspend(Suspension why) {
        status = Status.SUSPENDED;
        suspension = why;
    }

    void reinstate() {
        status = Status.ACTIVE;
        suspension = null;
    }
}
