package org.heteronym.crypto.merkle;

/**
 * Receives the perfect nodes that {@link CompactRange#append} completes, so that they can be stored.
 *
 * <p>The service's sequencer persists every node it receives, keyed by {@code (level, index)}; those stored
 * nodes are all that {@link ProofPlan} needs to answer any proof request.
 */
@FunctionalInterface
public interface NodeSink {

    /** A sink that ignores every node, for callers that only want the root. */
    NodeSink DISCARD = (level, index, hash) -> {
    };

    /**
     * Called once for each perfect node completed by an append, lowest level first.
     *
     * @param level level of the node (0 for the appended leaf itself)
     * @param index index of the node within its level
     * @param hash  the node's 32-byte hash; the sink may keep the array, nobody else holds it
     */
    void node(int level, long index, byte[] hash);
}
