package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
    @Embedded
    public SealedEvidence evidence;
    @Column(name = "sealed_on", nullable = false)
    public LocalDate sealedOn;
    @Column(name = "checked_on", nullable = false)
    public LocalDate checkedOn;

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** A new member, or a returning one re-verified: the seal and the handle are replaced, a suspension lifted. */
    void refresh(SealedEvidence evidence) {
        this.evidence = evidence;
        sealedOn = LocalDate.now(ZoneOffset.UTC);
        checkedOn = sealedOn;
        reinstate();
    }

    void reinstate() {
        status = Status.ACTIVE;
        suspension = null;
    }
}
