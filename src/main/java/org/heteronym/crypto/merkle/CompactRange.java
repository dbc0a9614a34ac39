package org.heteronym.crypto.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The right frontier of a Merkle tree of size {@code n}: the hashes of the perfect subtrees that make up the
 * binary decomposition of {@code n}, largest (leftmost) first. For {@code n = 13 = 8 + 4 + 1} it holds
 * {@code MTH(D[0:8])}, {@code MTH(D[8:12])} and {@code MTH(D[12:13])}.
 *
 * <p>That is all the state needed to append further leaves and to compute the RFC 9162 root
 * {@code MTH(D[n])} (RFC 9162 section 2.1.1), in {@code O(log n)} memory. Each append reports every perfect
 * node it completes to a {@link NodeSink}, so the caller can persist the full tree node by node.
 *
 * <p>Security guarantees: {@link #root()} equals the recursive RFC 9162 definition of {@code MTH} for the
 * leaves appended so far (cross-checked against the recursive definition in the tests).
 *
 * <p>WARNING: not thread-safe; a single sequencer owns an instance. {@link #of} trusts the frontier hashes it
 * is given: restoring from storage is only as sound as that storage.
 */
public final class CompactRange {

    private long size;
    /** Hashes in {@link #frontierIds(long)} order: largest subtree first, so the last element is the smallest. */
    private final ArrayList<byte[]> frontier;

    private CompactRange(long size, ArrayList<byte[]> frontier) {
        this.size = size;
        this.frontier = frontier;
    }

    /** A range for the empty tree. */
    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /**
     * Restores the frontier of a tree of {@code size} leaves.
     *
     * @param frontierHashes the hashes of the nodes {@code frontierIds(size)}, in that order
     * @throws IllegalArgumentException if the count or length of the hashes does not match {@code size}
     */
    public static CompactRange of(long size, List<byte[]> frontierHashes) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " is negative");
        }
        Objects.requireNonNull(frontierHashes, "frontierHashes");
        int expected = Long.bitCount(size);
        if (frontierHashes.size() != expected) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + expected
                    + " frontier nodes, got " + frontierHashes.size());
        }
        ArrayList<byte[]> copy = new ArrayList<>(expected);
        for (int i = 0; i < expected; i++) {
            copy.add(MerkleHash.requireHash(frontierHashes.get(i), "frontier hash " + i).clone());
        }
        return new CompactRange(size, copy);
    }

    /**
     * The perfect nodes whose hashes make up the frontier of a tree of {@code size} leaves, largest (leftmost)
     * first: one node per set bit of {@code size}.
     */
    public static List<NodeId> frontierIds(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " is negative");
        }
        return perfectSubtrees(0, size);
    }

    /**
     * Decomposes the leaf range {@code [begin, end)} into the fewest perfect nodes, left to right. Shared with
     * {@link ProofPlan}, which needs the decomposition of ranges that do not start at 0.
     */
    static List<NodeId> perfectSubtrees(long begin, long end) {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("invalid range [" + begin + ", " + end + ")");
        }
        List<NodeId> ids = new ArrayList<>();
        long position = begin;
        while (position < end) {
            // The largest aligned subtree starting at `position` that still fits before `end`.
            int level = position == 0 ? NodeId.MAX_LEVEL : Math.min(NodeId.MAX_LEVEL,
                    Long.numberOfTrailingZeros(position));
            while ((1L << level) > end - position) {
                level--;
            }
            ids.add(new NodeId(level, position >> level));
            position += 1L << level;
        }
        return List.copyOf(ids);
    }

    /**
     * Appends a leaf and reports to {@code sink} every perfect node this completes: first the leaf itself at
     * level 0, then each parent that the leaf completes, lowest level first.
     *
     * @param leafHash the RFC 9162 leaf hash {@code SHA-256(0x00 || entry)}, not the entry itself
     */
    public void append(byte[] leafHash, NodeSink sink) {
        MerkleHash.requireHash(leafHash, "leaf hash");
        Objects.requireNonNull(sink, "sink");
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("tree is full");
        }
        long leafIndex = size;
        byte[] hash = leafHash.clone();
        sink.node(0, leafIndex, hash.clone());
        // Each trailing 1-bit of the old size is a perfect subtree of the same height immediately to our left;
        // merging with it completes the parent (the frontier is the binary representation of size, RFC 9162
        // section 2.1.1's split at the largest power of two below n applied recursively).
        int level = 0;
        while (((leafIndex >> level) & 1) == 1) {
            byte[] left = frontier.remove(frontier.size() - 1);
            hash = MerkleHash.nodeHash(left, hash);
            level++;
            sink.node(level, leafIndex >> level, hash.clone());
        }
        frontier.add(hash);
        size++;
    }

    /**
     * The RFC 9162 tree head {@code MTH(D[size])}; {@link MerkleHash#emptyRoot()} for the empty tree.
     */
    public byte[] root() {
        if (frontier.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        // MTH(D[n]) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])) with k the largest power of two < n: folding
        // from the smallest (rightmost) subtree leftwards applies exactly that split at every step.
        byte[] hash = frontier.get(frontier.size() - 1);
        for (int i = frontier.size() - 2; i >= 0; i--) {
            hash = MerkleHash.nodeHash(frontier.get(i), hash);
        }
        return hash.clone();
    }

    /** Number of leaves appended so far (or restored with {@link #of}). */
    public long size() {
        return size;
    }

    /** Copies of the frontier hashes, in {@link #frontierIds(long)} order. */
    public List<byte[]> frontierHashes() {
        List<byte[]> copy = new ArrayList<>(frontier.size());
        for (byte[] hash : frontier) {
            copy.add(hash.clone());
        }
        return List.copyOf(copy);
    }
}
