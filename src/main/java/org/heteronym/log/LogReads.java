package org.heteronym.log;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** What features need to know about integrated entries: where an append landed, and the signed roots. */
@ApplicationScoped
public class LogReads {

    private final TreeStore store;

    LogReads(TreeStore store) {
        this.store = store;
    }

    /** The index of an in-order append, once the sequencer has integrated it. */
    public Uni<Optional<Long>> indexOf(PendingAppend append) {
        return store.indexOfPending(append.pendingId());
    }

    public Uni<Optional<Long>> indexOfPending(long pendingId) {
        return store.indexOfPending(pendingId);
    }

    /** The first integrated leaf with this RFC 9162 leaf hash. */
    public Uni<Optional<Long>> indexOfLeaf(byte[] leafHash) {
        return store.indexOfLeaf(leafHash, Long.MAX_VALUE);
    }

    public Uni<Optional<byte[]>> entry(long index) {
        return store.entry(store.pool(), index);
    }

    /**
     * The first signed checkpoint that covers entry {@code index}: the one of the batch that integrated it. A fixed
     * choice, so that every party derives the same share context for a request.
     */
    public Uni<Optional<StoredCheckpoint>> firstCheckpointCovering(long index) {
        return store.pool().preparedQuery("select size, root, note from log_checkpoint where size > $1"
                        + " order by size limit 1").execute(Tuple.of(index))
                .map(rows -> rows.size() == 0 ? Optional.<StoredCheckpoint>empty() : Optional.of(new StoredCheckpoint(
                        rows.iterator().next().getLong(0), rows.iterator().next().getBuffer(1).getBytes(),
                        rows.iterator().next().getString(2))));
    }

    public Uni<Optional<StoredCheckpoint>> latestCheckpoint() {
        return store.latestCheckpoint();
    }
}
