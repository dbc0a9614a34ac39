package org.heteronym.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A registered trust anchor, its definition as {@link RegistryJson} writes it; retired rows are kept. */
@Entity
@Table(name = "trust_anchor")
public class TrustAnchorRow extends RegistryRow {
    @Column(name = "ca_certificates", nullable = false)
    public String caCertificates;
    @Column(name = "licence_attribute_oid", nullable = false)
    public String licenceAttributeOid;
    @Column(name = "name_attribute_oid", nullable = false)
    public String nameAttributeOid;
    @Column(name = "profession_by_policy", nullable = false)
    public String professionByPolicy;
}
