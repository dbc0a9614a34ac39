package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A legal officer the operator vouches for: known to the staff identity provider by {@link #subject} and to the
 * trustees by the officer key R that shares are encrypted to.
 */
@Entity
@Table(name = "legal_officer")
public class LegalOfficer extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String subject;
    @Column(nullable = false)
    public String name;
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;
    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;
    @Column(name = "retired_on")
    public LocalDate retiredOn;

    public boolean active() {
        return retiredOn == null;
    }
}
