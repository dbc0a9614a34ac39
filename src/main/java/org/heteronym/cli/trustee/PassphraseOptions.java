package org.heteronym.cli.trustee;

import java.nio.file.Path;
import java.util.Arrays;
import org.heteronym.cli.keyfile.KeyFileException;
import org.heteronym.cli.keyfile.Passphrases;
import picocli.CommandLine.Option;

/**
 * Where the trustee key file passphrase comes from: {@code --passphrase-file}, else the environment variable
 * {@value #ENV}, else an interactive prompt on the console ({@link Passphrases}). The returned array belongs to the
 * caller, who must wipe it.
 */
final class PassphraseOptions {

    static final String ENV = "HETERONYM_TRUSTEE_PASSPHRASE";

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the key file passphrase from the first line of FILE (default: the environment "
                    + "variable " + ENV + ", else a prompt).")
    Path passphraseFile;

    char[] passphrase(boolean confirm) throws TrusteeException {
        try {
            return Passphrases.read(passphraseFile, ENV, confirm);
        } catch (KeyFileException e) {
            throw TrusteeException.of(e);
        }
    }

    /** Reads and decrypts the key file {@code key} with this passphrase, wiping the passphrase after. */
    TrusteeKeyFile readKeyFile(Path key) throws TrusteeException {
        char[] passphrase = passphrase(false);
        try {
            return TrusteeKeyFile.read(key, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Refuses passphrases too short for a key file that protects an escrow share. */
    static void checkNew(char[] passphrase) throws TrusteeException {
        try {
            Passphrases.checkNew(passphrase);
        } catch (KeyFileException e) {
            throw TrusteeException.of(e);
        }
    }
}
