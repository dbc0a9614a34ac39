package org.heteronym.crypto.merkle;

/**
 * Identifies a perfect node: the root of the complete subtree over leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}.
 *
 * <p>Level 0 nodes are leaves (their hash is {@link MerkleHash#leafHash}); a node at level {@code l > 0} is
 * {@code nodeHash(NodeId(l-1, 2*index), NodeId(l-1, 2*index+1))}. Because the subtree is complete, its hash
 * never changes as the log grows, so the pair {@code (level, index)} is a stable storage key.
 *
 * @param level height of the subtree, 0 for a leaf; at most 62 so that every covered leaf index fits a long
 * @param index position of the subtree among the subtrees of the same level, counted from the left
 */
public record NodeId(int level, long index) {

    /** The largest level for which {@code 2^level} leaves can be counted with a signed long. */
    public static final int MAX_LEVEL = 62;

    public NodeId {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("level " + level + " is outside [0, " + MAX_LEVEL + "]");
        }
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
        if (index > (Long.MAX_VALUE >> level) - 1) {
            throw new IllegalArgumentException("node (" + level + ", " + index + ") covers leaves beyond 2^63");
        }
    }

    /** Index of the first leaf under this node. */
    public long firstLeaf() {
        return index << level;
    }

    /** Index one past the last leaf under this node. */
    public long endLeaf() {
        return (index + 1) << level;
    }

    /** The other child of this node's parent. */
    public NodeId sibling() {
        return new NodeId(level, index ^ 1);
    }

    /** The node one level up whose subtree contains this one. */
    public NodeId parent() {
        return new NodeId(level + 1, index >> 1);
    }

    @Override
    public String toString() {
        return "(" + level + ", " + index + ")";
    }
}
