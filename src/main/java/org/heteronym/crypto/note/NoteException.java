package org.heteronym.crypto.note;

/**
 * A note, checkpoint, verifier key or private key was malformed, or a signature did not verify. The message
 * says what and why, in terms an operator can act on; it never contains private key material.
 */
public final class NoteException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoteException(String message) {
        super(message);
    }

    public NoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
