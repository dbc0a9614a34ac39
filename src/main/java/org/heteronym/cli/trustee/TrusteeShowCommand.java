package org.heteronym.cli.trustee;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code heteronym trustee show --key FILE}: the public key and the epochs held; never a secret. */
@Command(name = "show", description = "Show the key file's public key and the epochs it holds a share of.")
final class TrusteeShowCommand extends TrusteeSubcommand {

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The trustee key file.")
    Path key;

    @Mixin
    PassphraseOptions passphraseOptions;

    @Override
    void execute(PrintWriter out) throws TrusteeException {
        TrusteeKeyFile file = passphraseOptions.readKeyFile(key);
        try {
            out.println("public key: " + Base64.getEncoder().encodeToString(file.publicKey().encode()));
            out.println("epochs: " + file.shares().size());
            for (EpochShare share : file.shares()) {
                out.println("  epoch " + share.epochId().toHex() + " trustee index " + share.index());
            }
        } finally {
            file.wipe();
        }
    }
}
