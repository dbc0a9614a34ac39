package org.heteronym.cli.trustee;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.heteronym.crypto.escrow.dkg.StaticKeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code heteronym trustee keygen --out FILE}: a new static key pair in a new encrypted key file. */
@Command(name = "keygen",
        description = {
            "Create a new trustee key file holding a fresh static key pair, encrypted under a passphrase "
                + "(scrypt + AES-256-GCM).",
            "Prints the public key (base64, 33-byte compressed P-256 point) to register with the service "
                + "and to confirm with the other trustees out of band. Never overwrites a file.",
        })
final class TrusteeKeygenCommand extends TrusteeSubcommand {

    /** scrypt N for new key files; tests lower it. */
    static int cost = TrusteeKeyFile.DEFAULT_COST;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The key file to create.")
    Path out;

    @Mixin
    PassphraseOptions passphraseOptions;

    @Override
    void execute(PrintWriter stdout) throws TrusteeException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw TrusteeException.unavailable(out + " already exists; refusing to overwrite a key file");
        }
        char[] passphrase = passphraseOptions.passphrase(true);
        TrusteeKeyFile file = null;
        try {
            PassphraseOptions.checkNew(passphrase);
            file = TrusteeKeyFile.create(StaticKeyPair.generate(new SecureRandom()), cost);
            file.writeNew(out, passphrase);
            stdout.println("created key file " + out);
            stdout.println("public key: " + Base64.getEncoder().encodeToString(file.publicKey().encode()));
        } finally {
            Arrays.fill(passphrase, '\0');
            if (file != null) {
                file.wipe();
            }
        }
    }
}
