package org.heteronym.crypto.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which stored perfect nodes an RFC 9162 inclusion or consistency proof needs, and how to turn their hashes
 * into the proof path.
 *
 * <p>A proof is made of sibling hashes along a path to the root. Most siblings are perfect nodes, which the
 * service stores permanently (see {@link NodeSink}). At most one sibling per proof, on the right border of a
 * tree whose size is not a power of two, is <em>ephemeral</em>: it covers leaves up to the tree size but is not
 * a complete subtree, so it was never stored. It is recomputed here from the perfect nodes that decompose its
 * range, which are exactly the frontier of that range. This is the approach of transparency-dev/merkle's
 * {@code proof} package. A proof therefore costs one batched read of {@link #nodes()} (O(log n) keys) followed by
 * {@link #assemble}.
 *
 * <p>Security guarantees: none by itself; a plan only selects nodes. Verifiers must check the assembled proof
 * with {@link InclusionProofs} or {@link ConsistencyProofs}, as the tests do for every size up to thousands.
 */
public final class ProofPlan {

    private static final ProofPlan EMPTY = new ProofPlan(List.of(), 0, 0);

    /** Nodes in proof order: seed-path siblings bottom-up, then the ephemeral group, then the left border. */
    private final List<NodeId> ids;
    /** {@code ids[ephemeralBegin, ephemeralEnd)} hash together (smallest first) into one proof element. */
    private final int ephemeralBegin;
    private final int ephemeralEnd;

    private ProofPlan(List<NodeId> ids, int ephemeralBegin, int ephemeralEnd) {
        this.ids = ids;
        this.ephemeralBegin = ephemeralBegin;
        this.ephemeralEnd = ephemeralEnd;
    }

    /**
     * Plans {@code PATH(index, D[size])} (RFC 9162 section 2.1.3.1).
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < size}
     */
    public static ProofPlan inclusion(long index, long size) {
        if (index < 0 || size <= 0 || index >= size) {
            throw new IllegalArgumentException("no inclusion proof for leaf " + index + " in a tree of size " + size);
        }
        return pathFrom(0, index, size).withoutSeed();
    }

    /**
     * Plans {@code PROOF(oldSize, D[newSize])} (RFC 9162 section 2.1.4.1). The proof is empty when
     * {@code oldSize == newSize} or {@code oldSize == 0}, where there is nothing to prove.
     *
     * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize}
     */
    public static ProofPlan consistency(long oldSize, long newSize) {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to size " + newSize);
        }
        if (oldSize == 0 || oldSize == newSize) {
            return EMPTY;
        }
        // The largest perfect subtree ending exactly at oldSize; the proof is that node followed by its
        // inclusion path in the new tree (RFC 9162 SUBPROOF with b = false at the point the recursion reaches it).
        int level = Long.numberOfTrailingZeros(oldSize);
        long index = (oldSize - 1) >> level;
        ProofPlan plan = pathFrom(level, index, newSize);
        // When oldSize is a power of two that node is the old root itself, which the verifier already has,
        // so RFC 9162 leaves it out (SUBPROOF(m, D[m], true) is empty).
        return index == 0 ? plan.withoutSeed() : plan;
    }

    /**
     * The seed node {@code (level, index)} followed by every node needed to hash it up to the root of a tree of
     * {@code size} leaves.
     */
    private static ProofPlan pathFrom(int level, long index, long size) {
        // The fork is the ancestor of the seed just below the point where the path from the root to the seed
        // and the path to position `size` (the first leaf not yet in the tree) diverge, so it is complete.
        // `inner` is the number of levels from the seed up to the fork: the highest bit in which the seed's
        // index and size >> level differ (they differ: the seed lies strictly before `size`).
        int inner = 63 - Long.numberOfLeadingZeros(index ^ (size >> level));
        NodeId fork = new NodeId(level + inner, index >> inner);
        long forkBegin = fork.firstLeaf();
        long forkEnd = fork.endLeaf();

        List<NodeId> ids = new ArrayList<>();
        NodeId node = new NodeId(level, index);
        ids.add(node);
        // Siblings from the seed up to the fork are all perfect: they lie inside the fork's subtree.
        for (; node.level() < fork.level(); node = node.parent()) {
            ids.add(node.sibling());
        }
        // To the right of the fork, [forkEnd, size) is the fork's sibling, incomplete unless it is a single
        // perfect node: it is "ephemeral". Its perfect pieces, smallest first, are hashed right to left.
        int ephemeralBegin = ids.size();
        List<NodeId> right = new ArrayList<>(CompactRange.perfectSubtrees(forkEnd, size));
        Collections.reverse(right);
        ids.addAll(right);
        int ephemeralEnd = ids.size();
        // To the left, [0, forkBegin) is covered by perfect nodes that are the remaining siblings on the way to
        // the root, lowest level (rightmost) first.
        List<NodeId> left = new ArrayList<>(CompactRange.perfectSubtrees(0, forkBegin));
        Collections.reverse(left);
        ids.addAll(left);
        return new ProofPlan(List.copyOf(ids), ephemeralBegin, ephemeralEnd);
    }

    private ProofPlan withoutSeed() {
        int begin = ephemeralBegin < ephemeralEnd ? ephemeralBegin - 1 : 0;
        int end = ephemeralBegin < ephemeralEnd ? ephemeralEnd - 1 : 0;
        return new ProofPlan(ids.subList(1, ids.size()), begin, end);
    }

    /** The distinct perfect nodes whose hashes {@link #assemble} needs, for one batched read. */
    public List<NodeId> nodes() {
        return ids;
    }

    /** The number of hashes in the proof path {@link #assemble} returns. */
    public int proofLength() {
        int ephemeral = ephemeralEnd - ephemeralBegin;
        return ephemeral > 1 ? ids.size() - ephemeral + 1 : ids.size();
    }

    /**
     * Builds the RFC 9162 proof path from the hashes of {@link #nodes()}.
     *
     * @param fetched hashes of at least the nodes in {@link #nodes()}; extra entries are ignored
     * @return the proof path, bottom-up, as fresh arrays
     * @throws IllegalArgumentException if a needed node is missing or not 32 bytes
     */
    public List<byte[]> assemble(Map<NodeId, byte[]> fetched) {
        Objects.requireNonNull(fetched, "fetched");
        List<byte[]> proof = new ArrayList<>(proofLength());
        for (int i = 0; i < ids.size(); i++) {
            byte[] hash = lookup(fetched, ids.get(i)).clone();
            if (i == ephemeralBegin && ephemeralBegin < ephemeralEnd) {
                // Smallest piece first; each larger piece sits to the left of everything hashed so far.
                for (int j = i + 1; j < ephemeralEnd; j++) {
                    hash = MerkleHash.nodeHash(lookup(fetched, ids.get(j)), hash);
                }
                i = ephemeralEnd - 1;
            }
            proof.add(hash);
        }
        return List.copyOf(proof);
    }

    private static byte[] lookup(Map<NodeId, byte[]> fetched, NodeId id) {
        byte[] hash = fetched.get(id);
        if (hash == null) {
            throw new IllegalArgumentException("hash of node " + id + " is missing");
        }
        return MerkleHash.requireHash(hash, "hash of node " + id);
    }

    @Override
    public String toString() {
        return "ProofPlan" + ids + (ephemeralBegin < ephemeralEnd
                ? " ephemeral[" + ephemeralBegin + ", " + ephemeralEnd + ")" : "");
    }
}
