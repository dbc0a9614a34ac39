package org.heteronym.crypto.escrow;

import java.security.GeneralSecurityException;

/**
 * Base of the checked failures of the escrow core. Every failure that an attacker can provoke with crafted
 * input is a subclass, so callers cannot silently ignore a rejected proof, encoding or opening.
 */
public abstract class EscrowException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    protected EscrowException(String message) {
        super(message);
    }

    protected EscrowException(String message, Throwable cause) {
        super(message, cause);
    }
}
