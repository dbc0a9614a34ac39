package org.heteronym.escrow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A forum's pseudonym and its own envelope. There is deliberately no member id here: only the pseudonym PRF key,
 * outside the database, links a member to their pseudonyms.
 */
@Entity
@Table(name = "pseudonym")
public class Pseudonym extends PanacheEntityBase {
    @EmbeddedId
    public PseudonymKey key;
    @Column(name = "epoch_id", nullable = false)
    public String epochId;
    @Column(nullable = false)
    public byte[] envelope;
    @Column(name = "binding_nonce", nullable = false)
    public byte[] bindingNonce;
    @Column(name = "log_leaf_hash", nullable = false)
    public byte[] logLeafHash;
    /** What the forum shows for this pseudonym; unique within the forum (ADR 0008). */
    @Column(nullable = false)
    public String handle;
    @Column(name = "handle_variant", nullable = false)
    public int handleVariant;
    @Column(name = "created_on", nullable = false)
    public LocalDate createdOn;
}
