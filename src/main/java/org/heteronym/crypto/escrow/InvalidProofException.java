package org.heteronym.crypto.escrow;

/**
 * A zero-knowledge proof did not verify, or it was presented with bindings (trustee index, epoch, envelope)
 * that do not match what the verifier expects. The message never contains secret material.
 */
public final class InvalidProofException extends EscrowException {
    private static final long serialVersionUID = 1L;

    public InvalidProofException(String message) {
        super(message);
    }
}
