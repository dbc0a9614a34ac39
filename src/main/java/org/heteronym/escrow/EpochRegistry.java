package org.heteronym.escrow;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.heteronym.crypto.escrow.EpochKey;

/** Trustee-set epochs established by ceremonies. */
@ApplicationScoped
public class EpochRegistry {

    /**
     * Decoded epoch keys by epoch id. Epochs never change once established, and Bouncy Castle keeps its
     * multiplication tables on the point object, so reusing one decoded key saves the decoding and the tables on
     * every envelope sealed or re-randomised under it.
     */
    private final Map<String, EpochKey> keys = new ConcurrentHashMap<>();

    /** The key of epoch {@code id}, decoded once per process. */
    public Uni<EpochKey> key(String id) {
        EpochKey cached = keys.get(id);
        return cached != null ? Uni.createFrom().item(cached)
                : find(id).map(epoch -> keys.computeIfAbsent(id, ignored -> epoch.toKey()));
    }

    /** The key of {@code epoch}, decoded once per process. */
    public EpochKey key(Epoch epoch) {
        return keys.computeIfAbsent(epoch.id, ignored -> epoch.toKey());
    }

    @WithSession
    public Uni<Epoch> find(String id) {
        return Epoch.<Epoch>findById(id).map(epoch -> {
            if (epoch == null) {
                throw new EscrowRefusal(EscrowProblem.NO_SUCH_EPOCH, "no epoch " + id);
            }
            return epoch;
        });
    }

    /** The epoch new envelopes are sealed under: the one established last, if any. */
    @WithSession
    public Uni<Optional<Epoch>> current() {
        return Epoch.<Epoch>find("order by establishedAt desc").firstResult().map(Optional::ofNullable);
    }
}
