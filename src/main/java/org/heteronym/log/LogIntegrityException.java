package org.heteronym.log;

/**
 * The stored tree disagrees with what was signed. The sequencer stops signing until an operator investigates;
 * this is never shown to API callers.
 */
public class LogIntegrityException extends IllegalStateException {
    public LogIntegrityException(String message) {
        super(message);
    }
}
