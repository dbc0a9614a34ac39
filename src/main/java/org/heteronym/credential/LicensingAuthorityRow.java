package org.heteronym.credential;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A registered licensing authority, its definition as {@link RegistryJson} writes it; retired rows are kept. */
@Entity
@Table(name = "licensing_authority")
public class LicensingAuthorityRow extends PanacheEntityBase {
    @Id
    public String id;
    @Column(nullable = false)
    public String issuer;
    @Column(nullable = false)
    public String jwks;
    @Column(nullable = false)
    public String vcts;
    @Column(nullable = false)
    public String claims;
    @Column(nullable = false)
    public String professions;
    @Column(name = "status_list_prefixes", nullable = false)
    public String statusListPrefixes;
    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;
    @Column(name = "retired_on")
    public LocalDate retiredOn;
}
