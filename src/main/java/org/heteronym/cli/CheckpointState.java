package org.heteronym.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.heteronym.crypto.note.CheckpointVerifier;
import org.heteronym.crypto.note.NoteException;
import org.heteronym.crypto.note.NoteVerifier;
import org.heteronym.crypto.note.VerifiedCheckpoint;

/**
 * The auditor's memory between runs: a file holding the last checkpoint it verified, as the complete signed
 * note. Storing the signed note rather than just (size, root) means the file is evidence: if the log later
 * shows an inconsistent checkpoint, the two signed notes together prove the fork to anyone.
 *
 * <p>The note is re-verified on every load, so a state file cannot smuggle in an unsigned tree head. Writes go
 * to a temporary file in the same directory, are flushed to disk, and replace the old file atomically, so a
 * crash leaves either the old or the new checkpoint, never a torn file.
 *
 * <p>WARNING: two auditors sharing one state file concurrently may overwrite each other's newer checkpoint with
 * an older one; give each its own file.
 */
final class CheckpointState {

    private static final long MAX_STATE_BYTES = 1 << 20;

    private final Path file;

    CheckpointState(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * The checkpoint stored by an earlier run, or empty if there is no state file yet (trust on first use).
     *
     * @throws AuditException (exit 2) if the file exists but cannot be read or does not hold a checkpoint that
     *                        verifies under the trusted key: that is a local problem, not evidence against the log
     */
    Optional<VerifiedCheckpoint> load(NoteVerifier verifier, String origin) throws AuditException {
        byte[] note;
        try {
            if (Files.size(file) > MAX_STATE_BYTES) {
                throw AuditException.unavailable("state file " + file + " is too large to be a checkpoint");
            }
            note = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw AuditException.unavailable("cannot read state file " + file + ": " + LogOptions.describe(e));
        }
        try {
            return Optional.of(CheckpointVerifier.verify(note, verifier, origin));
        } catch (NoteException e) {
            throw AuditException.unavailable("state file " + file + " does not hold a checkpoint signed by the given "
                    + "vkey (" + e.getMessage() + "); check --vkey and --state, or delete the file to start again "
                    + "with trust on first use");
        }
    }

    /** Atomically replaces the state with {@code checkpoint}'s signed note. */
    void store(VerifiedCheckpoint checkpoint) throws AuditException {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(checkpoint.note().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            syncDirectory(directory);
        } catch (AtomicMoveNotSupportedException e) {
            throw AuditException.unavailable("cannot atomically replace state file " + file
                    + ": the file system does not support atomic renames");
        } catch (IOException e) {
            throw AuditException.unavailable("cannot write state file " + file + ": " + LogOptions.describe(e));
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Best effort: a stray temporary file is harmless.
                }
            }
        }
    }

    /** Makes the rename durable where the platform allows syncing a directory (POSIX); elsewhere a no-op. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not supported on every platform; the rename itself is still atomic.
        }
    }
}
