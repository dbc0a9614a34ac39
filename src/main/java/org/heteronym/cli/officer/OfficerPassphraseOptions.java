package org.heteronym.cli.officer;

import java.nio.file.Path;
import org.heteronym.cli.keyfile.KeyFileException;
import org.heteronym.cli.keyfile.Passphrases;
import picocli.CommandLine.Option;

/**
 * Where the officer key file passphrase comes from, as for the trustee commands: {@code --passphrase-file}, else the
 * environment variable {@value #ENV}, else an interactive prompt. The returned array belongs to the caller, who must
 * wipe it.
 */
final class OfficerPassphraseOptions {

    static final String ENV = "HETERONYM_OFFICER_PASSPHRASE";

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the key file passphrase from the first line of FILE (default: the environment "
                    + "variable " + ENV + ", else a prompt).")
    Path passphraseFile;

    char[] passphrase(boolean confirm) throws KeyFileException {
        return Passphrases.read(passphraseFile, ENV, confirm);
    }

    /** Reads and decrypts the key file {@code key} with this passphrase, wiping the passphrase after. */
    OfficerKeyFile readKeyFile(Path key) throws KeyFileException {
        char[] passphrase = passphrase(false);
        try {
            return OfficerKeyFile.read(key, passphrase);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }
}
