package org.heteronym.cli;

import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.heteronym.crypto.merkle.CompactRange;
import org.heteronym.crypto.merkle.ConsistencyProofs;
import org.heteronym.crypto.merkle.InclusionProofs;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.merkle.MerkleProofException;
import org.heteronym.crypto.merkle.NodeSink;
import org.heteronym.crypto.note.CheckpointVerifier;
import org.heteronym.crypto.note.NoteException;
import org.heteronym.crypto.note.NoteVerifier;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import org.heteronym.crypto.tlog.EntryBundle;
import org.heteronym.crypto.tlog.TileException;
import org.heteronym.crypto.tlog.TilePath;
import org.heteronym.crypto.tlog.Tiles;

/**
 * The audits themselves, independent of the command line: each method fetches what it needs through
 * {@link LogClient}, verifies it with the crypto core, prints what it established, and throws
 * {@link AuditException} otherwise.
 *
 * <p>The log's origin is its key name: a checkpoint must be signed by the trusted key and carry that origin.
 */
final class LogAuditor {

    private final LogClient client;
    private final NoteVerifier verifier;
    private final PrintWriter out;

    LogAuditor(LogClient client, NoteVerifier verifier, PrintWriter out) {
        this.client = client;
        this.verifier = verifier;
        this.out = out;
    }

    LogClient client() {
        return client;
    }

    String origin() {
        return verifier.keyName();
    }

    /** Fetches the log's newest checkpoint and verifies its signature and origin. */
    VerifiedCheckpoint newestCheckpoint() throws AuditException {
        byte[] note = client.checkpoint();
        try {
            return CheckpointVerifier.verify(note, verifier, origin());
        } catch (NoteException e) {
            throw AuditException.failed("checkpoint from " + client.baseUrl() + "/checkpoint does not verify under "
                    + "the trusted key " + verifier.keyName() + "+" + String.format("%08x", verifier.keyId()) + ": "
                    + e.getMessage());
        }
    }

    /**
     * The newest checkpoint, and, when a state file is given, only after checking that it extends the one stored
     * there (as {@code audit consistency} does).
     */
    VerifiedCheckpoint newestCheckpoint(Path stateFile) throws AuditException {
        VerifiedCheckpoint newest = newestCheckpoint();
        if (stateFile != null) {
            checkAgainstState(new CheckpointState(stateFile), newest);
        }
        return newest;
    }

    void printCheckpoint(VerifiedCheckpoint checkpoint) {
        out.println("origin: " + checkpoint.origin());
        out.println("size:   " + checkpoint.size());
        out.println("root:   " + Base64.getEncoder().encodeToString(checkpoint.rootHash()));
    }

    /**
     * Checks that {@code newest} is an append-only extension of the checkpoint in {@code state}, then records
     * {@code newest} there. Without a state file, trusts {@code newest} on first use.
     */
    void checkAgainstState(CheckpointState state, VerifiedCheckpoint newest) throws AuditException {
        Optional<VerifiedCheckpoint> stored = state.load(verifier, origin());
        if (stored.isEmpty()) {
            state.store(newest);
            out.println("trust on first use: " + state.file() + " held no earlier checkpoint; recorded size "
                    + newest.size() + " as the baseline for future consistency checks");
            return;
        }
        VerifiedCheckpoint previous = stored.get();
        String previousDescription = "previously verified checkpoint (size " + previous.size() + ", root "
                + b64(previous.rootHash()) + ")";
        if (newest.size() < previous.size()) {
            throw evidence(AuditException.failed("ROLLBACK: the log's newest checkpoint has size " + newest.size()
                    + ", smaller than the " + previousDescription + "; an append-only log never shrinks"),
                    previous, newest);
        }
        if (newest.size() == previous.size()) {
            if (!MessageDigest.isEqual(newest.rootHash(), previous.rootHash())) {
                throw evidence(AuditException.failed("FORK: the log's newest checkpoint has the same size "
                        + newest.size() + " as the " + previousDescription + " but a different root "
                        + b64(newest.rootHash())), previous, newest);
            }
            out.println("consistent: the log still has size " + newest.size() + " with the same root");
        } else {
            // From the empty tree there is nothing to prove (and nothing to ask the server for).
            List<byte[]> path = List.of();
            if (previous.size() > 0) {
                LogClient.ConsistencyProofResponse proof = client.consistencyProof(previous.size(), newest.size());
                if (proof.first() != previous.size() || proof.second() != newest.size()) {
                    throw AuditException.failed("server answered the consistency proof request " + previous.size()
                            + " -> " + newest.size() + " with a proof for " + proof.first() + " -> " + proof.second());
                }
                path = proof.path();
            }
            try {
                ConsistencyProofs.verify(previous.size(), newest.size(), previous.rootHash(), newest.rootHash(), path);
            } catch (MerkleProofException e) {
                throw evidence(AuditException.failed("FORK: the log's newest checkpoint (size " + newest.size()
                        + ") is not an append-only extension of the " + previousDescription + ": " + e.getMessage()),
                        previous, newest);
            }
            out.println("consistent: size " + previous.size() + " -> " + newest.size() + " is append-only");
        }
        state.store(newest);
    }

    /** Appends both signed checkpoints to the failure message: together they prove the misbehaviour. */
    private static AuditException evidence(AuditException failure, VerifiedCheckpoint previous,
            VerifiedCheckpoint newest) {
        return AuditException.failed(failure.getMessage()
                + "\nEvidence, both signed by the log:\n--- earlier checkpoint ---\n" + previous.note()
                + "--- newest checkpoint ---\n" + newest.note());
    }

    /**
     * Proves that entry {@code index} is in {@code checkpoint}'s tree, recomputing its leaf hash from the entry
     * bytes, and returns those bytes.
     */
    byte[] checkInclusion(long index, VerifiedCheckpoint checkpoint) throws AuditException {
        if (index < 0 || index >= checkpoint.size()) {
            throw AuditException.unavailable("entry " + index + " is not in the log: its newest checkpoint has size "
                    + checkpoint.size());
        }
        LogClient.EntryResponse entry = client.entry(index);
        if (entry.index() != index) {
            throw AuditException.failed("asked for entry " + index + ", the server returned entry " + entry.index());
        }
        byte[] leafHash = MerkleHash.leafHash(entry.entry());
        if (entry.leafHash() != null && !MessageDigest.isEqual(entry.leafHash(), leafHash)) {
            throw AuditException.failed("entry " + index + ": the server's leaf_hash " + b64(entry.leafHash())
                    + " is not the hash of the entry bytes it served (" + b64(leafHash) + ")");
        }
        LogClient.InclusionProofResponse proof = client.inclusionProof(index, checkpoint.size());
        if (proof.leafIndex() != index || proof.treeSize() != checkpoint.size()) {
            throw AuditException.failed("asked for an inclusion proof of entry " + index + " in size "
                    + checkpoint.size() + ", the server returned one for entry " + proof.leafIndex() + " in size "
                    + proof.treeSize());
        }
        if (!MessageDigest.isEqual(proof.leafHash(), leafHash)) {
            throw AuditException.failed("entry " + index + ": the inclusion proof is for leaf hash "
                    + b64(proof.leafHash()) + ", but the entry served hashes to " + b64(leafHash));
        }
        try {
            InclusionProofs.verify(index, checkpoint.size(), leafHash, proof.path(), checkpoint.rootHash());
        } catch (MerkleProofException e) {
            throw AuditException.failed("entry " + index + " is not included in the checkpoint of size "
                    + checkpoint.size() + ": " + e.getMessage());
        }
        return entry.entry();
    }

    /**
     * Replays the whole log up to {@code checkpoint}: every level-0 tile and entry bundle, entry by entry, in
     * constant memory per tile. Checks each entry against its tile hash and against {@link EntryRules},
     * rebuilds the root with {@link CompactRange} and compares it with the checkpoint, and checks every hash of
     * every higher-level tile against the node the replay computed.
     *
     * @return the number of entries replayed
     */
    long replay(VerifiedCheckpoint checkpoint) throws AuditException {
        return replay(checkpoint, (index, entry, tree) -> {
        });
    }

    /**
     * Receives each replayed entry once it has matched its tile hash and {@link EntryRules}, with the tree that
     * ends with it; the replay's own checks of the root and of the higher tiles come only after the last entry, so
     * a caller must not report anything about the entries unless the replay returns.
     */
    @FunctionalInterface
    interface EntryVisitor {
        /** {@code tree} is the replay's: read its root, never append to it. */
        void entry(long index, byte[] entry, CompactRange tree);
    }

    /** {@link #replay(VerifiedCheckpoint)}, handing every entry to {@code visitor} as it is checked. */
    long replay(VerifiedCheckpoint checkpoint, EntryVisitor visitor) throws AuditException {
        long size = checkpoint.size();
        HigherTiles higherTiles = new HigherTiles(size);
        CompactRange range = CompactRange.empty();
        long tileCount = Tiles.tileCount(0, size);
        for (long n = 0; n < tileCount; n++) {
            TilePath tilePath = Tiles.hashTile(0, n, size);
            TilePath bundlePath = Tiles.entryBundle(n, size);
            List<byte[]> leafHashes = fetchHashes(tilePath);
            List<byte[]> entries;
            try {
                entries = EntryBundle.decode(client.tile(bundlePath), bundlePath.width());
            } catch (TileException e) {
                throw AuditException.failed("entry bundle " + bundlePath.path() + " (entries " + n * Tiles.WIDTH
                        + " to " + (n * Tiles.WIDTH + bundlePath.width() - 1) + "): " + e.getMessage());
            }
            for (int i = 0; i < entries.size(); i++) {
                long index = n * Tiles.WIDTH + i;
                byte[] entry = entries.get(i);
                byte[] leafHash = MerkleHash.leafHash(entry);
                if (!MessageDigest.isEqual(leafHash, leafHashes.get(i))) {
                    throw AuditException.failed("entry " + index + ": its hash " + b64(leafHash) + " in "
                            + bundlePath.path() + " does not match hash " + i + " of " + tilePath.path() + " ("
                            + b64(leafHashes.get(i)) + ")");
                }
                String problem = EntryRules.problem(index, entry, origin(), verifier.vkey());
                if (problem != null) {
                    throw AuditException.failed("entry " + index + ": " + problem);
                }
                try {
                    range.append(leafHash, higherTiles);
                } catch (HigherTiles.Mismatch e) {
                    throw e.failure;
                }
                visitor.entry(index, entry, range);
            }
        }
        if (!MessageDigest.isEqual(range.root(), checkpoint.rootHash())) {
            throw AuditException.failed("the " + size + " entries replay to root " + b64(range.root())
                    + ", not the checkpoint's root " + b64(checkpoint.rootHash()));
        }
        higherTiles.requireAllChecked();
        return size;
    }

    private List<byte[]> fetchHashes(TilePath tile) throws AuditException {
        try {
            return Tiles.decodeHashes(client.tile(tile), tile.width());
        } catch (TileException e) {
            throw AuditException.failed("tile " + tile.path() + ": " + e.getMessage());
        }
    }

    /**
     * Checks higher-level tiles while the replay computes the tree: every node at level {@code 8L} ({@code L >= 1})
     * that the compact range completes must equal hash {@code index mod 256} of tile {@code index / 256} at tile
     * level {@code L}. One tile per level is held at a time, fetched when the replay first needs it.
     */
    private final class HigherTiles implements NodeSink {

        /** Carries an {@link AuditException} out of {@link NodeSink#node}, which cannot throw checked exceptions. */
        static final class Mismatch extends RuntimeException {
            private static final long serialVersionUID = 1L;
            final transient AuditException failure;

            Mismatch(AuditException failure) {
                super(failure.getMessage(), null, false, false);
                this.failure = failure;
            }
        }

        private final long treeSize;
        private final TilePath[] loaded = new TilePath[TilePath.MAX_LEVEL + 1];
        private final List<?>[] hashes = new List<?>[TilePath.MAX_LEVEL + 1];
        private long checked;

        HigherTiles(long treeSize) {
            this.treeSize = treeSize;
        }

        @Override
        public void node(int level, long index, byte[] hash) {
            if (level == 0 || level % Tiles.HEIGHT != 0) {
                return;
            }
            int tileLevel = level / Tiles.HEIGHT;
            long tileIndex = index / Tiles.WIDTH;
            int position = (int) (index % Tiles.WIDTH);
            try {
                if (loaded[tileLevel] == null || loaded[tileLevel].index() != tileIndex) {
                    loaded[tileLevel] = Tiles.hashTile(tileLevel, tileIndex, treeSize);
                    hashes[tileLevel] = fetchHashes(loaded[tileLevel]);
                }
            } catch (AuditException e) {
                throw new Mismatch(e);
            }
            byte[] served = (byte[]) hashes[tileLevel].get(position);
            if (!MessageDigest.isEqual(served, hash)) {
                long firstLeaf = index << level;
                throw new Mismatch(AuditException.failed("tile " + loaded[tileLevel].path() + ": hash " + position
                        + " (tree node at level " + level + " over entries " + firstLeaf + " to "
                        + (firstLeaf + (1L << level) - 1) + ") is " + b64(served) + ", but the entries hash to "
                        + b64(hash)));
            }
            checked++;
        }

        void requireAllChecked() throws AuditException {
            long expected = 0;
            for (int level = 1; Tiles.hashesAtLevel(level, treeSize) > 0; level++) {
                expected += Tiles.hashesAtLevel(level, treeSize);
            }
            if (checked != expected) {
                throw new IllegalStateException("checked " + checked + " higher-level tile hashes, expected "
                        + expected);
            }
        }
    }

    /** The entry as text if it is valid UTF-8, for printing. */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
