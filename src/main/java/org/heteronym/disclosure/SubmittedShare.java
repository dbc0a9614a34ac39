package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** A trustee's verified decryption share, encrypted to the officer's key; its log entry is the public copy. */
@Entity
@Table(name = "disclosure_share")
public class SubmittedShare extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "checkpoint_size", nullable = false)
    public long checkpointSize;
    @Column(nullable = false)
    public byte[] share;
    @Column(name = "submitted_on", nullable = false)
    public LocalDate submittedOn;
    @Column(name = "pending_id", nullable = false)
    public long pendingId;

    @Embeddable
    public record Key(@Column(name = "request_id") UUID requestId, @Column(name = "trustee_index") int trusteeIndex)
            implements Serializable {
    }
}
