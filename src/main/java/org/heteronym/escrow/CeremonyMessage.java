package org.heteronym.escrow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A participant's message for one round, as relayed (already checked against the sender's key). */
@Entity
@Table(name = "ceremony_message")
public class CeremonyMessage extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "ceremony_id", nullable = false)
    public String ceremonyId;
    @Column(nullable = false)
    public int round;
    @Column(name = "idx", nullable = false)
    public int index;
    @Column(nullable = false)
    public byte[] message;

    static String key(String ceremonyId, int round, int index) {
        return ceremonyId + ":" + round + ":" + index;
    }
}
