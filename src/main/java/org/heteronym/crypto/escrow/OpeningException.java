package org.heteronym.crypto.escrow;

/**
 * Opening an envelope failed: inconsistent or insufficient shares, an envelope whose hash is not the one the
 * shares were made for, or a combination that does not decode to a valid identity record.
 */
public final class OpeningException extends EscrowException {
    private static final long serialVersionUID = 1L;

    public OpeningException(String message) {
        super(message);
    }

    public OpeningException(String message, Throwable cause) {
        super(message, cause);
    }
}
