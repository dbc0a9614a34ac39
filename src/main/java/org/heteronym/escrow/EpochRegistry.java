package org.heteronym.escrow;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Trustee-set epochs established by ceremonies. */
@ApplicationScoped
public class EpochRegistry {

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
