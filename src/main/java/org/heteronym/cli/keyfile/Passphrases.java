package org.heteronym.cli.keyfile;

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

/**
 * Where a key file passphrase comes from, for every command that has one: the file given, else the command's
 * environment variable, else an interactive prompt on the console (twice when creating a key file). The returned
 * array belongs to the caller, who must wipe it.
 */
public final class Passphrases {

    public static final int MIN_LENGTH = 12;

    /** The environment, replaceable by tests. */
    static Function<String, String> environment = System::getenv;

    private Passphrases() {
    }

    /** The passphrase from {@code file} if given, else from {@code variable}, else from the console. */
    public static char[] read(Path file, String variable, boolean confirm) throws KeyFileException {
        if (file != null) {
            return fromFile(file);
        }
        String env = environment.apply(variable);
        if (env != null) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new KeyFileException("no passphrase: give --passphrase-file or set " + variable
                    + " (there is no console to prompt on)");
        }
        char[] first = console.readPassword(confirm ? "New key file passphrase: " : "Key file passphrase: ");
        if (first == null) {
            throw new KeyFileException("no passphrase entered");
        }
        if (confirm) {
            char[] second = console.readPassword("Repeat the passphrase: ");
            boolean same = second != null && Arrays.equals(first, second);
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new KeyFileException("the passphrases do not match");
            }
        }
        return first;
    }

    /** Refuses passphrases too short for a key file that protects an escrow share or an officer key. */
    public static void checkNew(char[] passphrase) throws KeyFileException {
        if (passphrase.length < MIN_LENGTH) {
            throw new KeyFileException("the passphrase must be at least " + MIN_LENGTH + " characters long");
        }
    }

    private static char[] fromFile(Path file) throws KeyFileException {
        byte[] bytes;
        try {
            if (Files.size(file) > 4096) {
                throw new KeyFileException("passphrase file " + file + " is larger than 4096 bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyFileException("cannot read passphrase file " + file + ": " + e.getMessage());
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
                throw new KeyFileException("passphrase file " + file + " is empty");
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new KeyFileException("passphrase file " + file + " is not UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
