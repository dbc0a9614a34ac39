package org.heteronym.log;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lets an appender wait until the sequencer (on this or any other replica) has integrated its entry, then hands back
 * index, checkpoint and inclusion proof: the "add and get a receipt" call log users ask for.
 */
@ApplicationScoped
public class IntegrationWaiter {

    private static final Duration POLL = Duration.ofMillis(25);

    private final TreeStore store;
    private final ProofService proofs;

    IntegrationWaiter(TreeStore store, ProofService proofs) {
        this.store = store;
        this.proofs = proofs;
    }

    /** Empty if the entry is not integrated within {@code timeout} (it stays committed and will be). */
    public Uni<Optional<Receipt>> await(PendingAppend append, Duration timeout) {
        if (append.shuffled()) {
            throw new IllegalArgumentException("shuffled appends are not traceable to their index by design");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        return poll(append.pendingId(), deadline);
    }

    private Uni<Optional<Receipt>> poll(long pendingId, long deadline) {
        return store.indexOfPending(pendingId).flatMap(index -> {
            if (index.isPresent()) {
                return receipt(index.get()).map(Optional::of);
            }
            if (System.nanoTime() > deadline) {
                return Uni.createFrom().item(Optional.<Receipt>empty());
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(POLL).flatMap(ignored -> poll(pendingId, deadline));
        });
    }

    /** The entry's proof against the newest checkpoint, which is written in the same transaction as the entry. */
    private Uni<Receipt> receipt(long index) {
        return store.latestCheckpoint().flatMap(latest -> {
            StoredCheckpoint checkpoint = latest.orElseThrow();
            return proofs.inclusion(index, OptionalLong.of(checkpoint.size()))
                    .map(proof -> new Receipt(index, checkpoint.note(), proof));
        });
    }

    /** Where an entry landed, and the proof of it against a signed checkpoint. */
    public record Receipt(long index, String checkpoint, InclusionProof proof) {
    }
}
