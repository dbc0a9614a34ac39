package org.heteronym.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.MessageDigest;
import org.heteronym.crypto.merkle.ConsistencyProofs;
import org.heteronym.crypto.merkle.InclusionProofs;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.merkle.MerkleProofException;
import org.heteronym.crypto.note.VerifiedCheckpoint;

/**
 * The public log as the disclosure tools read it: one newest checkpoint, verified under the trusted key, and
 * entries each proven included in it. Public so that the trustee and officer tools (other packages) read the log
 * exactly as the auditor does; nothing the server says is taken without a proof.
 */
public final class VerifiedLog implements AutoCloseable {

    private final LogClient client;
    private final LogAuditor auditor;
    private final VerifiedCheckpoint checkpoint;

    private VerifiedLog(LogClient client, LogAuditor auditor) throws AuditException {
        this.client = client;
        this.auditor = auditor;
        this.checkpoint = auditor.newestCheckpoint();
    }

    /** Fetches and verifies the newest checkpoint of the log that {@code options} names. */
    public static VerifiedLog open(LogOptions options) throws AuditException {
        LogClient client = options.client();
        try {
            return new VerifiedLog(client, new LogAuditor(client, options.verifier(),
                    new PrintWriter(new StringWriter())));
        } catch (AuditException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    public VerifiedCheckpoint checkpoint() {
        return checkpoint;
    }

    /** Entry {@code index}, proven included in {@link #checkpoint()}. */
    public byte[] entry(long index) throws AuditException {
        return auditor.checkInclusion(index, checkpoint);
    }

    /**
     * The root of the log at an earlier {@code size}, proven: entry {@code index} (below {@code size}, and proven in
     * the checkpoint by the caller) is hashed up through its inclusion proof at that size, and the root so obtained
     * is proven consistent with the signed checkpoint.
     */
    public byte[] rootAt(long size, long index, byte[] entry) throws AuditException {
        if (size <= index || size > checkpoint.size()) {
            throw AuditException.failed("tree size " + size + " does not cover entry " + index
                    + " within the checkpoint of size " + checkpoint.size());
        }
        if (size == checkpoint.size()) {
            return checkpoint.rootHash();
        }
        byte[] leafHash = MerkleHash.leafHash(entry);
        LogClient.InclusionProofResponse proof = client.inclusionProof(index, size);
        if (proof.leafIndex() != index || proof.treeSize() != size
                || !MessageDigest.isEqual(proof.leafHash(), leafHash)) {
            throw AuditException.failed("the server answered the inclusion proof of entry " + index + " at size "
                    + size + " with a proof of another leaf or size");
        }
        try {
            byte[] root = InclusionProofs.root(index, size, leafHash, proof.path());
            LogClient.ConsistencyProofResponse consistency = client.consistencyProof(size, checkpoint.size());
            ConsistencyProofs.verify(size, checkpoint.size(), root, checkpoint.rootHash(), consistency.path());
            return root;
        } catch (MerkleProofException e) {
            throw AuditException.failed("the log's tree at size " + size + " is not proven consistent with the "
                    + "checkpoint of size " + checkpoint.size() + ": " + e.getMessage());
        }
    }

    /** The verified epoch key of {@code epochId}, from its {@code trustee-set.established} entry (located via the service). */
    public org.heteronym.crypto.escrow.EpochKey epochKey(LogOptions options, String serviceUrl, String epochId)
            throws AuditException {
        long index = EpochEntries.locate(options, serviceUrl, client, epochId, checkpoint.size());
        return EpochEntries.verify(entry(index), index, epochId).epochKey();
    }

    @Override
    public void close() {
        client.close();
    }
}
