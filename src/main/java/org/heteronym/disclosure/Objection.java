package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** What the member (from their page) or the forum (relaying the member) said against a request. */
@Entity
@Table(name = "disclosure_objection")
public class Objection extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "request_id", nullable = false)
    public UUID requestId;
    @Column(nullable = false)
    public String source;
    @Column(nullable = false)
    public String text;
    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;
}
