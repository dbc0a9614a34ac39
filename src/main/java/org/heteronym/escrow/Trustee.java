package org.heteronym.escrow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A trustee registered by the operator, known by the static P-256 key it uses in ceremonies. */
@Entity
@Table(name = "trustee")
public class Trustee extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;
    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;
}
