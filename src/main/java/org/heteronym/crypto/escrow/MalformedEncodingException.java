package org.heteronym.crypto.escrow;

/** A strict decoder rejected its input: wrong length, non-canonical value, invalid point or invalid field. */
public final class MalformedEncodingException extends EscrowException {
    private static final long serialVersionUID = 1L;

    public MalformedEncodingException(String message) {
        super(message);
    }

    public MalformedEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
