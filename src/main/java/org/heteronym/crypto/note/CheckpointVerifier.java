package org.heteronym.crypto.note;

import java.util.Objects;

/**
 * Verifies signed checkpoints: the signature by the trusted log key (via {@link NoteVerifier}), the checkpoint
 * body format (via {@link Checkpoint#parse}), and that the origin is the one expected.
 *
 * <p>Security guarantees: a returned {@link VerifiedCheckpoint} was signed by the key of {@code verifier} and
 * names {@code expectedOrigin}; checking the origin stops a checkpoint of another log signed by the same key
 * from being accepted for this one.
 */
public final class CheckpointVerifier {

    private CheckpointVerifier() {
    }

    /**
     * Verifies a signed checkpoint note.
     *
     * @param noteText       the complete signed note
     * @param verifier       the log's trusted key
     * @param expectedOrigin the origin line this log must use
     * @throws NoteException if the note or signature is invalid, the body is not a checkpoint, or the origin differs
     */
    public static VerifiedCheckpoint verify(String noteText, NoteVerifier verifier, String expectedOrigin)
            throws NoteException {
        Objects.requireNonNull(noteText, "noteText");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(expectedOrigin, "expectedOrigin");
        return checkBody(verifier.verify(noteText), expectedOrigin);
    }

    /** As {@link #verify(String, NoteVerifier, String)}, for a note still in its wire form (UTF-8 bytes). */
    public static VerifiedCheckpoint verify(byte[] note, NoteVerifier verifier, String expectedOrigin)
            throws NoteException {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(expectedOrigin, "expectedOrigin");
        return checkBody(verifier.verify(note), expectedOrigin);
    }

    private static VerifiedCheckpoint checkBody(VerifiedNote verified, String expectedOrigin) throws NoteException {
        Checkpoint checkpoint = Checkpoint.parse(verified.text());
        if (!checkpoint.origin().equals(expectedOrigin)) {
            throw new NoteException("checkpoint origin \"" + checkpoint.origin() + "\" is not the expected origin \""
                    + expectedOrigin + "\"");
        }
        return new VerifiedCheckpoint(checkpoint, verified.note());
    }
}
