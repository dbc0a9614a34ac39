package org.heteronym.escrow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A trustee-set epoch: the joint key Y, every Y_i and t, named by the ceremony's transcript hash. */
@Entity
@Table(name = "epoch")
public class Epoch extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "ceremony_id", nullable = false)
    public String ceremonyId;
    @Column(nullable = false)
    public int threshold;
    @Column(nullable = false)
    public int participants;
    @Column(name = "joint_key", nullable = false)
    public byte[] jointKey;
    @Column(name = "trustee_keys", nullable = false)
    public byte[] trusteeKeys;
    @Column(name = "log_leaf_hash", nullable = false)
    public byte[] logLeafHash;
    @Column(name = "established_on", nullable = false)
    public LocalDate establishedOn;
}
