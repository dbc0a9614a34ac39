package org.heteronym.crypto.note;

import java.util.List;

/**
 * A checkpoint whose signature by the log's key has been verified and whose origin is the expected one. Only
 * {@link CheckpointVerifier} creates these.
 *
 * <p>Security guarantees: the log holding the trusted key committed to a tree of {@link #size()} leaves with
 * head {@link #rootHash()}. Keep {@link #note()} as evidence: two verified checkpoints that are not consistent
 * are a signed proof of a fork.
 *
 * <p>WARNING: a single checkpoint says nothing about what other clients were shown. Split views are only
 * caught by checking consistency with checkpoints seen earlier or by others (witnesses, gossip).
 */
public final class VerifiedCheckpoint {

    private final Checkpoint checkpoint;
    private final String note;

    VerifiedCheckpoint(Checkpoint checkpoint, String note) {
        this.checkpoint = checkpoint;
        this.note = note;
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    public String origin() {
        return checkpoint.origin();
    }

    public long size() {
        return checkpoint.size();
    }

    /** A copy of the 32-byte root hash. */
    public byte[] rootHash() {
        return checkpoint.rootHash();
    }

    public List<String> extensions() {
        return checkpoint.extensions();
    }

    /** The complete signed note as received, suitable for storing and re-verifying later. */
    public String note() {
        return note;
    }

    @Override
    public String toString() {
        return "Verified" + checkpoint;
    }
}
