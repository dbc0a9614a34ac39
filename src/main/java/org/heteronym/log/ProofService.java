package org.heteronym.log;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.heteronym.crypto.merkle.NodeId;
import org.heteronym.crypto.merkle.ProofPlan;

/**
 * Inclusion and consistency proofs against signed tree sizes. Each proof is one read of the O(log n) stored nodes its
 * {@link ProofPlan} names; nothing is rebuilt.
 */
@ApplicationScoped
public class ProofService {

    private final TreeStore store;

    ProofService(TreeStore store) {
        this.store = store;
    }

    /** @param size a signed tree size; empty means the newest checkpoint's. */
    public Uni<InclusionProof> inclusion(long index, OptionalLong size) {
        return signedSize(size).flatMap(treeSize -> {
            if (index < 0 || index >= treeSize) {
                throw new LogException(LogProblem.INDEX_OUT_OF_RANGE,
                        "index " + index + " is not in the tree of size " + treeSize);
            }
            return inclusionAt(index, treeSize);
        });
    }

    public Uni<InclusionProof> inclusionOfLeaf(byte[] leafHash, OptionalLong size) {
        return signedSize(size).flatMap(treeSize -> store.indexOfLeaf(leafHash, treeSize)
                .flatMap(index -> inclusionAt(index.orElseThrow(() -> new LogException(LogProblem.LEAF_NOT_FOUND,
                        "no leaf with that hash in the tree of size " + treeSize)), treeSize)));
    }

    public Uni<ConsistencyProof> consistency(long oldSize, OptionalLong newSize) {
        return signedSize(newSize).flatMap(size -> {
            if (oldSize < 1 || oldSize > size) {
                throw new LogException(LogProblem.SIZE_OUT_OF_RANGE,
                        "old size must be between 1 and the new size " + size + ", not " + oldSize);
            }
            ProofPlan plan = ProofPlan.consistency(oldSize, size);
            return fetch(plan).map(path -> new ConsistencyProof(oldSize, size, path));
        });
    }

    private Uni<InclusionProof> inclusionAt(long index, long size) {
        ProofPlan plan = ProofPlan.inclusion(index, size);
        NodeId leaf = new NodeId(0, index);
        List<NodeId> wanted = new java.util.ArrayList<>(plan.nodes());
        wanted.add(leaf);
        return store.nodes(wanted).map(found -> new InclusionProof(index, size, found.get(leaf), plan.assemble(found)));
    }

    private Uni<List<byte[]>> fetch(ProofPlan plan) {
        return store.nodes(plan.nodes()).map(plan::assemble);
    }

    /** The requested size if a checkpoint of at least that size is signed, else the newest signed size. */
    private Uni<Long> signedSize(OptionalLong requested) {
        return store.latestCheckpoint().map(latest -> {
            long newest = latest.map(StoredCheckpoint::size)
                    .orElseThrow(() -> new LogException(LogProblem.EMPTY_LOG, "the log has not signed a checkpoint yet"));
            if (requested.isEmpty()) {
                return newest;
            }
            long size = requested.getAsLong();
            if (size < 1 || size > newest) {
                throw new LogException(LogProblem.SIZE_OUT_OF_RANGE,
                        "size must be between 1 and the newest checkpoint's size " + newest + ", not " + size);
            }
            return size;
        });
    }

    Uni<Optional<StoredCheckpoint>> latest() {
        return store.latestCheckpoint();
    }
}
