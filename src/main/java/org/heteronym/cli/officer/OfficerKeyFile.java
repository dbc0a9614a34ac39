package org.heteronym.cli.officer;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import org.heteronym.cli.keyfile.KeyFileException;
import org.heteronym.cli.keyfile.PrivateFiles;
import org.heteronym.cli.keyfile.SealedKeyFile;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;

/**
 * A legal officer's key file: the officer secret ρ, encrypted under a passphrase, with R = ρ·G in the clear for
 * the operator to register (docs/disclosure.md §1).
 *
 * <p>File: a {@link SealedKeyFile} (scrypt + AES-256-GCM) of format {@value #FORMAT} whose {@code public_key} is R.
 * Plaintext: {@code u8 0x01 || ρ[32]}. After decryption ρ·G must equal {@code public_key}.
 *
 * <h2>Security guarantees</h2>
 * Those of {@link SealedKeyFile}: a wrong passphrase or any change to the file is rejected before ρ is used. Files
 * are created owner-only, complete or not at all, and never over an existing file.
 *
 * <h2>WARNING</h2>
 * ρ ends up in a {@link Scalar} when {@link #keyPair} is called, which cannot be wiped; the byte array here is wiped
 * by {@link #wipe}.
 */
public final class OfficerKeyFile {

    static final String FORMAT = "heteronym-officer-key/v1";
    static final String WHAT = "officer key file";
    private static final byte PLAINTEXT_VERSION = 0x01;
    private static final int PLAINTEXT_LENGTH = 1 + Scalar.LENGTH;

    private final byte[] secret;
    private final Point publicKey;
    private final int cost;

    private OfficerKeyFile(byte[] secret, Point publicKey, int cost) {
        this.secret = secret;
        this.publicKey = publicKey;
        this.cost = cost;
    }

    /** A new key file for {@code key}, to be encrypted with scrypt cost N = {@code cost}. */
    static OfficerKeyFile create(OfficerKeyPair key, int cost) {
        SealedKeyFile.checkCost(cost);
        return new OfficerKeyFile(key.exportSecret(), key.publicKey(), cost);
    }

    /** R, the key the operator registers and every share is encrypted to. */
    public Point publicKey() {
        return publicKey;
    }

    /** (ρ, R), to open a released envelope. */
    public OfficerKeyPair keyPair() throws MalformedEncodingException {
        return OfficerKeyPair.fromSecret(Scalar.decodeNonZero(secret));
    }

    int cost() {
        return cost;
    }

    /** Wipes ρ held in this object. */
    public void wipe() {
        Arrays.fill(secret, (byte) 0);
    }

    /** Reads and decrypts {@code file}; any fault (wrong passphrase, tampering, bad format) throws. */
    public static OfficerKeyFile read(Path file, char[] passphrase) throws KeyFileException {
        return decode(SealedKeyFile.read(file, WHAT), passphrase, file.toString());
    }

    static OfficerKeyFile decode(byte[] fileBytes, char[] passphrase, String name) throws KeyFileException {
        SealedKeyFile.Opened opened = SealedKeyFile.open(fileBytes, FORMAT, passphrase, name, WHAT);
        byte[] plaintext = opened.plaintext();
        try {
            // Authenticated, so a fault here is a file from an incompatible writer, not an attack.
            if (plaintext.length != PLAINTEXT_LENGTH || plaintext[0] != PLAINTEXT_VERSION) {
                throw malformed(name, "unsupported key file contents");
            }
            byte[] secret = Arrays.copyOfRange(plaintext, 1, PLAINTEXT_LENGTH);
            boolean matches;
            try {
                matches = OfficerKeyPair.fromSecret(Scalar.decodeNonZero(secret)).publicKey()
                        .equals(opened.publicKey());
            } catch (MalformedEncodingException e) {
                matches = false;
            }
            if (!matches) {
                Arrays.fill(secret, (byte) 0);
                throw malformed(name, "the secret key does not match \"public_key\"");
            }
            return new OfficerKeyFile(secret, opened.publicKey(), opened.cost());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Encrypts under {@code passphrase} and creates {@code file}; refuses to replace an existing file. */
    public void writeNew(Path file, char[] passphrase) throws KeyFileException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new KeyFileException(file + " already exists; refusing to overwrite a key file");
        }
        PrivateFiles.write(file, encode(passphrase), false, "key file");
    }

    byte[] encode(char[] passphrase) {
        byte[] plaintext = new byte[PLAINTEXT_LENGTH];
        plaintext[0] = PLAINTEXT_VERSION;
        System.arraycopy(secret, 0, plaintext, 1, Scalar.LENGTH);
        try {
            return SealedKeyFile.seal(FORMAT, publicKey, plaintext, cost, SealedKeyFile.BLOCK_SIZE,
                    SealedKeyFile.PARALLELISM, passphrase);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static KeyFileException malformed(String name, String why) {
        return new KeyFileException("key file " + name + " is not a valid " + WHAT + ": " + why);
    }
}
