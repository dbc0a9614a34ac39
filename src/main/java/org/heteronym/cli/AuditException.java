package org.heteronym.cli;

/**
 * Ends an audit command with a message and an exit code: {@link #failed} when the log did not verify
 * (exit 1), {@link #unavailable} when the audit could not be carried out (exit 2).
 */
public final class AuditException extends Exception {

    private static final long serialVersionUID = 1L;

    static final int VERIFICATION_FAILED = 1;
    static final int CANNOT_AUDIT = 2;

    private final int exitCode;

    private AuditException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The log served something that does not verify: evidence of a fault or of misbehaviour. */
    public static AuditException failed(String message) {
        return new AuditException(VERIFICATION_FAILED, message);
    }

    /** Bad arguments or local files, an unreachable log, or a server error: nothing was verified. */
    public static AuditException unavailable(String message) {
        return new AuditException(CANNOT_AUDIT, message);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The line to print: {@code FAILED: ...} for verification failures, {@code error: ...} otherwise. */
    public String report() {
        return (exitCode == VERIFICATION_FAILED ? "FAILED: " : "error: ") + getMessage();
    }
}
