package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.heteronym.credential.CaCertificates;

/** The CA certificates under which the operator accepts courts' signatures on orders (docs/disclosure.md §2). */
@Entity
@Table(name = "court_anchor")
public class CourtAnchor extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    /** Base64 DER, comma-separated. */
    @Column(name = "ca_certificates", nullable = false)
    public String caCertificates;
    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;
    @Column(name = "retired_on")
    public LocalDate retiredOn;

    public List<X509Certificate> certificates() {
        return Arrays.stream(caCertificates.split(","))
                .map(b64 -> CaCertificates.parseDer("court anchor " + id, Base64.getDecoder().decode(b64)))
                .toList();
    }

    public boolean active() {
        return retiredOn == null;
    }
}
