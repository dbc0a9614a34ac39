package org.heteronym.cli.trustee;

import org.heteronym.cli.keyfile.KeyFileException;

/**
 * Ends a trustee command with a message and an exit code: {@link #failed} when something did not verify
 * (exit 1), {@link #unavailable} for usage, local file, network or server errors (exit 2).
 */
public final class TrusteeException extends Exception {

    private static final long serialVersionUID = 1L;

    static final int VERIFICATION_FAILED = 1;
    static final int CANNOT_PROCEED = 2;

    private final int exitCode;

    private TrusteeException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A ceremony message, the service's report or a check requested by the operator did not verify. */
    static TrusteeException failed(String message) {
        return new TrusteeException(VERIFICATION_FAILED, message);
    }

    /** Bad arguments, an unreadable or undecryptable key file, an unreachable or erring service. */
    static TrusteeException unavailable(String message) {
        return new TrusteeException(CANNOT_PROCEED, message);
    }

    /** A key file or passphrase problem of the shared key-file code: always exit 2. */
    static TrusteeException of(KeyFileException e) {
        return unavailable(e.getMessage());
    }

    int exitCode() {
        return exitCode;
    }

    /** The line to print: {@code FAILED: ...} for verification failures, {@code error: ...} otherwise. */
    String report() {
        return (exitCode == VERIFICATION_FAILED ? "FAILED: " : "error: ") + getMessage();
    }
}
