package org.heteronym.forum;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A registered forum as {@link ForumRecords} writes it; retired rows are kept (V5__forums.sql). */
@Entity
@Table(name = "forum")
public class ForumRow extends PanacheEntityBase {
    @Id
    public String id;
    @Column(nullable = false)
    public String name;
    @Column(name = "auth_method", nullable = false)
    public String authMethod;
    @Column(name = "jwks_uri")
    public String jwksUri;
    public String jwks;
    @Column(name = "secret_digest")
    public byte[] secretDigest;
    @Column(name = "secret_issued_on")
    public LocalDate secretIssuedOn;
    @Column(name = "redirect_uris", nullable = false)
    public String redirectUris;
    @Column(name = "allowed_professions", nullable = false)
    public String allowedProfessions;
    @Column(name = "release_profession", nullable = false)
    public boolean releaseProfession;
    @Column(name = "backchannel_logout_uri")
    public String backchannelLogoutUri;
    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;
    @Column(name = "retired_on")
    public LocalDate retiredOn;
}
