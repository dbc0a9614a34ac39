package org.heteronym.cli.keyfile;

/**
 * A key file that cannot be read, decrypted, parsed or written, or a passphrase that cannot be had: always a local
 * problem (exit 2), never evidence against the service. The message is the whole report and names no secret.
 */
public final class KeyFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }
}
