package org.heteronym.cli.trustee;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Where the key file passphrase comes from: {@code --passphrase-file}, else the environment variable
 * {@value #ENV}, else an interactive prompt on the console (twice when creating a key file).
 * The returned array belongs to the caller, who must wipe it.
 */
final class PassphraseOptions {

    static final String ENV = "HETERONYM_TRUSTEE_PASSPHRASE";

    /** The environment, replaceable by tests. */
    static Function<String, String> environment = System::getenv;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the key file passphrase from the first line of FILE (default: the environment "
                    + "variable " + ENV + ", else a prompt).")
    Path passphraseFile;

    char[] passphrase(boolean confirm) throws TrusteeException {
        if (passphraseFile != null) {
            return fromFile(passphraseFile);
        }
        String env = environment.apply(ENV);
        if (env != null) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw TrusteeException.unavailable("no passphrase: give --passphrase-file or set " + ENV
                    + " (there is no console to prompt on)");
        }
        char[] first = console.readPassword(confirm ? "New key file passphrase: " : "Key file passphrase: ");
        if (first == null) {
            throw TrusteeException.unavailable("no passphrase entered");
        }
        if (confirm) {
            char[] second = console.readPassword("Repeat the passphrase: ");
            boolean same = second != null && Arrays.equals(first, second);
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw TrusteeException.unavailable("the passphrases do not match");
            }
        }
        return first;
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
        if (passphrase.length < TrusteeKeyFile.MIN_PASSPHRASE_LENGTH) {
            throw TrusteeException.unavailable("the passphrase must be at least "
                    + TrusteeKeyFile.MIN_PASSPHRASE_LENGTH + " characters long");
        }
    }

    private static char[] fromFile(Path file) throws TrusteeException {
        byte[] bytes;
        try {
            if (Files.size(file) > 4096) {
                throw TrusteeException.unavailable("passphrase file " + file + " is larger than 4096 bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw TrusteeException.unavailable("cannot read passphrase file " + file + ": " + e.getMessage());
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            if (out.length == 0) {
                throw TrusteeException.unavailable("passphrase file " + file + " is empty");
            }
            return out;
        } catch (CharacterCodingException e) {
            throw TrusteeException.unavailable("passphrase file " + file + " is not UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
