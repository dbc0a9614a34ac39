package org.heteronym.escrow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One key ceremony: its public parameters and where it stands. */
@Entity
@Table(name = "ceremony")
public class Ceremony extends PanacheEntityBase {

    public enum State { ROUND1, ROUND2, COMPLETE, ABORTED }

    @Id
    public String id;
    @Column(name = "session_id", nullable = false)
    public byte[] sessionId;
    @Column(nullable = false)
    public int threshold;
    /** JSON array of {@link CeremonyParticipant}, in index order. */
    @Column(nullable = false)
    public String participants;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;
    @Column(name = "epoch_id")
    public byte[] epochId;
    @Column(name = "abort_reason")
    public String abortReason;
    public Integer culprit;
}
