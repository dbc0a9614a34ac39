package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A trustee's signed refusal to contribute a share; the reason is shown to the officer and the other trustees. */
@Entity
@Table(name = "disclosure_refusal")
public class TrusteeRefusal extends PanacheEntityBase {
    @EmbeddedId
    public SubmittedShare.Key key;
    @Column(nullable = false)
    public String reason;
    @Column(nullable = false)
    public byte[] signature;
    @Column(name = "submitted_on", nullable = false)
    public LocalDate submittedOn;
}
