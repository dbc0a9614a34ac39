package org.heteronym.escrow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;

/** A trustee-set epoch: the joint key Y, every Y_i and t, named by the ceremony's transcript hash. */
@Entity
@Table(name = "epoch")
public class Epoch extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "ceremony_id", nullable = false)
    public String ceremonyId;
    @Column(nullable = false)
    public int threshold;
    @Column(nullable = false)
    public int participants;
    @Column(name = "joint_key", nullable = false)
    public byte[] jointKey;
    @Column(name = "trustee_keys", nullable = false)
    public byte[] trusteeKeys;
    @Column(name = "log_leaf_hash", nullable = false)
    public byte[] logLeafHash;
    @Column(name = "established_on", nullable = false)
    public LocalDate establishedOn;
    /** Public (the log shows it); orders epochs so that the last established one is current. */
    @Column(name = "established_at", nullable = false)
    public Instant establishedAt;

    /** The public key material to seal under; the stored points were validated when the ceremony completed. */
    public EpochKey toKey() {
        try {
            List<Point> trustees = new ArrayList<>();
            for (int i = 0; i < trusteeKeys.length; i += Point.ENCODED_LENGTH) {
                trustees.add(Point.decode(Arrays.copyOfRange(trusteeKeys, i, i + Point.ENCODED_LENGTH)));
            }
            return new EpochKey(Hash32.fromHex(id), threshold, Point.decode(jointKey), trustees);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("stored epoch " + id + " does not decode", e);
        }
    }
}
