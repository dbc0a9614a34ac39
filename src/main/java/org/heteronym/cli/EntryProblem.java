package org.heteronym.cli;

/**
 * What makes one log entry break a rule of the disclosure audit; the message becomes the finding. Thrown where the
 * entry cannot be checked further (a missing field, a request it does not name), and carries no stack trace: it is
 * a verdict on the log, not a fault of the program.
 */
final class EntryProblem extends Exception {

    private static final long serialVersionUID = 1L;

    EntryProblem(String message) {
        super(message, null, false, false);
    }
}
