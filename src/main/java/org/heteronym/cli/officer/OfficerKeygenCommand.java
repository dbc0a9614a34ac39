package org.heteronym.cli.officer;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.heteronym.cli.keyfile.KeyFileException;
import org.heteronym.cli.keyfile.Passphrases;
import org.heteronym.cli.keyfile.SealedKeyFile;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code heteronym officer keygen --out FILE}: a new officer key pair in a new encrypted key file. */
@Command(name = "keygen",
        description = {
            "Create a new legal-officer key file holding a fresh key pair (rho, R), encrypted under a passphrase "
                + "(scrypt + AES-256-GCM).",
            "Prints the public key R (base64, 33-byte compressed P-256 point) for the operator to register. "
                + "Never overwrites a file.",
        })
final class OfficerKeygenCommand extends OfficerSubcommand {

    /** scrypt N for new key files; tests lower it. */
    static int cost = SealedKeyFile.DEFAULT_COST;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The key file to create.")
    Path out;

    @Mixin
    OfficerPassphraseOptions passphraseOptions;

    @Override
    void execute(PrintWriter stdout) throws KeyFileException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new KeyFileException(out + " already exists; refusing to overwrite a key file");
        }
        char[] passphrase = passphraseOptions.passphrase(true);
        OfficerKeyFile file = null;
        try {
            Passphrases.checkNew(passphrase);
            file = OfficerKeyFile.create(OfficerKeyPair.generate(new SecureRandom()), cost);
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
