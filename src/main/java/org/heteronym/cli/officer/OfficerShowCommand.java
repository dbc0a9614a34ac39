package org.heteronym.cli.officer;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import org.heteronym.cli.keyfile.KeyFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code heteronym officer show --key FILE}: the public key R, after decrypting the file, so that what is printed is
 * the key of a secret the officer can actually use; never the secret.
 */
@Command(name = "show",
        description = "Show the officer key file's public key R (decrypting the file, which checks the passphrase).")
final class OfficerShowCommand extends OfficerSubcommand {

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The officer key file.")
    Path key;

    @Mixin
    OfficerPassphraseOptions passphraseOptions;

    @Override
    void execute(PrintWriter out) throws KeyFileException {
        OfficerKeyFile file = passphraseOptions.readKeyFile(key);
        try {
            out.println("public key: " + Base64.getEncoder().encodeToString(file.publicKey().encode()));
        } finally {
            file.wipe();
        }
    }
}
