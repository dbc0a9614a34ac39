package org.heteronym.cli.disclosure;

/** What the service showed, or what the log holds, does not check out: the tool must not act on it (exit 1). */
public final class DisclosureCheckException extends Exception {

    private static final long serialVersionUID = 1L;

    public DisclosureCheckException(String message) {
        super(message);
    }
}
