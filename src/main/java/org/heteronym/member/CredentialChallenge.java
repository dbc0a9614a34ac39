package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A challenge waiting to be signed; deleted when used. */
@Entity
@Table(name = "credential_challenge")
public class CredentialChallenge extends PanacheEntityBase {
    @Id
    public String value;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
