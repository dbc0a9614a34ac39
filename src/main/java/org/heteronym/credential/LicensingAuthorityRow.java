package org.heteronym.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A registered licensing authority, its definition as {@link RegistryJson} writes it; retired rows are kept. */
@Entity
@Table(name = "licensing_authority")
public class LicensingAuthorityRow extends RegistryRow {
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
}
