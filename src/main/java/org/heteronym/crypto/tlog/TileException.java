package org.heteronym.crypto.tlog;

/** A tile path, tile or entry bundle did not have the exact form tlog-tiles requires. */
public final class TileException extends Exception {

    private static final long serialVersionUID = 1L;

    public TileException(String message) {
        super(message);
    }
}
