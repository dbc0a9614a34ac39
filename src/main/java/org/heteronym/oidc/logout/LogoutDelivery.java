package org.heteronym.oidc.logout;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A logout token still to be delivered to a forum: the forum and its pseudonym, never the member. */
@Entity
@Table(name = "logout_delivery")
public class LogoutDelivery extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Column(nullable = false)
    public String pseudonym;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "give_up_at", nullable = false)
    public Instant giveUpAt;
}
