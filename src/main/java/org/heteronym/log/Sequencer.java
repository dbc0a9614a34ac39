package org.heteronym.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.heteronym.crypto.merkle.CompactRange;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.merkle.NodeId;
import org.heteronym.log.TreeStore.PendingRow;
import org.heteronym.log.TreeStore.StoredNode;
import org.jboss.logging.Logger;

/**
 * Integrates committed appends into the Merkle tree and signs a checkpoint per batch.
 *
 * <p>One batch is one PostgreSQL transaction holding a transaction-scoped advisory lock, so across any number of
 * replicas exactly one sequencer works at a time and a crash at any point leaves either the whole batch (entries,
 * nodes, checkpoint) or none of it; the appends stay pending until a later batch takes them.
 *
 * <p>Before signing, the sequencer recomputes the previous checkpoint's root from the stored frontier and refuses to
 * sign if it differs, so it never signs two checkpoints that are not consistent with each other.
 */
@ApplicationScoped
public class Sequencer {

    private static final Logger LOG = Logger.getLogger(Sequencer.class);
    /** Advisory lock key: "HTLOG" in ASCII. */
    private static final long LOCK = 0x4854_4c4f_47L;

    private final TreeStore store;
    private final CheckpointSigner signer;
    private final LogConfig config;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong treeSize = new AtomicLong();
    private final Counter integrated;
    private final Timer batchTimer;
    private volatile boolean genesisChecked;
    private volatile String integrityFailure;
    private volatile boolean stopped;
    private Vertx vertx;

    Sequencer(TreeStore store, CheckpointSigner signer, LogConfig config, MeterRegistry registry) {
        this.store = store;
        this.signer = signer;
        this.config = config;
        this.integrated = Counter.builder("heteronym.log.integrated").description("entries integrated").register(registry);
        this.batchTimer = Timer.builder("heteronym.log.batch").description("one integration batch").register(registry);
        registry.gauge("heteronym.log.tree.size", treeSize);
    }

    /**
     * Starts the integration loop: each run schedules the next one when it ends, so runs never overlap on one
     * replica. (Quarkus' scheduler cannot tick faster than once a second; integration latency needs better.)
     */
    void start(@Observes StartupEvent event, Vertx vertx) {
        this.vertx = vertx;
        scheduleNext();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    private void scheduleNext() {
        if (!stopped) {
            vertx.setTimer(config.integrationInterval().toMillis(), id -> tick().subscribe().with(
                    ignored -> scheduleNext(), failure -> scheduleNext()));
        }
    }

    Uni<Void> tick() {
        return drain(20).onFailure().recoverWithItem(failure -> {
            if (failure instanceof LogIntegrityException) {
                integrityFailure = failure.getMessage();
                LOG.errorf("Log integration stopped: %s", failure.getMessage());
            } else {
                LOG.warnf("Log integration failed, will retry: %s", failure.getMessage());
            }
            return null;
        }).replaceWithVoid();
    }

    /** Integrates batches until the queue is empty or {@code maxBatches} ran; returns the tree size reached. */
    public Uni<Long> drain(int maxBatches) {
        return integrateOnce().flatMap(result -> result.full() && maxBatches > 1
                ? drain(maxBatches - 1)
                : Uni.createFrom().item(result.size()));
    }

    /** One batch, if this replica wins the sequencing lock; otherwise does nothing. */
    public Uni<Batch> integrateOnce() {
        long start = System.nanoTime();
        return store.pool().withTransaction(connection -> connection
                        .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(io.vertx.mutiny.sqlclient.Tuple.of(LOCK))
                        .flatMap(rows -> rows.iterator().next().getBoolean(0)
                                ? integrateLocked(connection)
                                : Uni.createFrom().item(new Batch(treeSize.get(), 0, false))))
                .invoke(batch -> {
                    if (batch.count() > 0) {
                        treeSize.set(batch.size());
                        integrated.increment(batch.count());
                        batchTimer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                    }
                });
    }

    private Uni<Batch> integrateLocked(SqlConnection connection) {
        return store.latestCheckpoint(connection).flatMap(latest -> store.pending(connection, config.batchMax())
                .flatMap(pending -> {
                    if (latest.isPresent() && pending.isEmpty()) {
                        treeSize.set(latest.get().size());
                        return Uni.createFrom().item(new Batch(latest.get().size(), 0, false));
                    }
                    return checkGenesis(connection, latest)
                            .flatMap(ignored -> frontier(connection, latest))
                            .flatMap(range -> extend(connection, range, pending));
                }));
    }

    private Uni<Void> checkGenesis(SqlConnection connection, Optional<StoredCheckpoint> latest) {
        if (latest.isEmpty() || genesisChecked) {
            return Uni.createFrom().voidItem();
        }
        return store.entry(connection, 0).map(entry -> {
            if (entry.isEmpty() || !Arrays.equals(entry.get(), signer.genesis().bytes())) {
                throw new LogIntegrityException("entry 0 of this log names another origin or key than the configured "
                        + signer.origin() + "; a new key needs a new log origin (keys/README.md)");
            }
            genesisChecked = true;
            return null;
        });
    }

    /** The compact range of the last signed tree, checked against that checkpoint's root. */
    private Uni<CompactRange> frontier(SqlConnection connection, Optional<StoredCheckpoint> latest) {
        if (latest.isEmpty()) {
            return Uni.createFrom().item(CompactRange.empty());
        }
        long size = latest.get().size();
        List<NodeId> ids = CompactRange.frontierIds(size);
        return store.nodes(connection, ids).map(found -> {
            List<byte[]> hashes = new ArrayList<>(ids.size());
            for (NodeId id : ids) {
                byte[] hash = found.get(id);
                if (hash == null) {
                    throw new LogIntegrityException("stored tree lacks node " + id + " of size " + size);
                }
                hashes.add(hash);
            }
            CompactRange range = CompactRange.of(size, hashes);
            if (!Arrays.equals(range.root(), latest.get().root())) {
                throw new LogIntegrityException("stored tree of size " + size + " does not match its signed checkpoint");
            }
            return range;
        });
    }

    private Uni<Batch> extend(SqlConnection connection, CompactRange range, List<PendingRow> pending) {
        long first = range.size();
        List<byte[]> entries = new ArrayList<>(pending.size() + 1);
        List<Long> pendingIds = new ArrayList<>(pending.size() + 1);
        if (first == 0) {
            entries.add(signer.genesis().bytes());
            pendingIds.add(null);
        }
        for (PendingRow row : shuffled(pending)) {
            entries.add(row.entry());
            pendingIds.add(row.shuffle() ? null : row.id());
        }
        List<StoredNode> nodes = new ArrayList<>(entries.size() * 2);
        for (byte[] entry : entries) {
            range.append(MerkleHash.leafHash(entry), (level, index, hash) -> nodes.add(new StoredNode(level, index, hash)));
        }
        long size = range.size();
        byte[] root = range.root();
        String note = signer.sign(size, root);
        boolean full = pending.size() >= config.batchMax();
        return store.insertEntries(connection, first, entries, pendingIds)
                .flatMap(ignored -> store.insertNodes(connection, nodes))
                .flatMap(ignored -> pending.isEmpty() ? Uni.createFrom().voidItem() : store.deletePending(connection, pending))
                .flatMap(ignored -> store.insertCheckpoint(connection, size, root, note))
                .replaceWith(new Batch(size, entries.size(), full));
    }

    /**
     * Keeps commit order, except that entries appended as shuffled trade places among themselves at random, so
     * their public order says nothing about when each was written.
     */
    private List<PendingRow> shuffled(List<PendingRow> batch) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).shuffle()) {
                positions.add(i);
            }
        }
        if (positions.size() < 2) {
            return batch;
        }
        List<PendingRow> ordered = new ArrayList<>(batch);
        List<PendingRow> movable = new ArrayList<>(positions.stream().map(batch::get).toList());
        java.util.Collections.shuffle(movable, random);
        for (int i = 0; i < positions.size(); i++) {
            ordered.set(positions.get(i), movable.get(i));
        }
        return ordered;
    }

    /** Why this replica refuses to sign, if the stored log contradicts its key or its own signed history. */
    Optional<String> integrityFailure() {
        return Optional.ofNullable(integrityFailure);
    }

    long treeSize() {
        return treeSize.get();
    }

    /** What one integration did: the tree size after it, how many entries it added, whether the queue had more. */
    public record Batch(long size, int count, boolean full) {
    }
}
