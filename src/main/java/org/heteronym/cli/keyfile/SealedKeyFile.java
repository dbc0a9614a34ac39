package org.heteronym.cli.keyfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;

/**
 * The passphrase-encrypted file that holds a secret key (the trustee's, the legal officer's): one JSON object
 * <pre>{"format":"&lt;format&gt;","kdf":{"name":"scrypt","N":131072,"r":8,"p":1,"salt":"b64"},
 *  "nonce":"b64","ciphertext":"b64","public_key":"b64"}</pre>
 * with key = scrypt(passphrase UTF-8, salt (16 bytes), N, r, p, 32 bytes) and ciphertext = AES-256-GCM(key, nonce
 * (12 bytes), plaintext) with a 128-bit tag and, as associated data, {@link #associatedData} over every other field.
 * What the plaintext holds is the caller's format; so is checking it against {@code public_key}.
 *
 * <h2>Security guarantees</h2>
 * A wrong passphrase or any change to any field (format, KDF parameters, salt, nonce, public key, ciphertext) is
 * rejected before any plaintext is returned; the parser accepts exactly the fields above (no duplicates, no
 * extras), a power-of-two N in 2^10..2^20, r ≤ 32 and p ≤ 16, so a hostile file cannot make scrypt run for ever.
 * Salt and nonce are fresh for every write.
 *
 * <h2>WARNING</h2>
 * The plaintext returned by {@link #open} and given to {@link #seal} is the caller's to wipe.
 */
public final class SealedKeyFile {

    /** Production scrypt cost: N = 2^17, r = 8, p = 1 (128 MiB, about a second). */
    public static final int DEFAULT_COST = 1 << 17;
    public static final int BLOCK_SIZE = 8;
    public static final int PARALLELISM = 1;
    public static final int MIN_COST = 1 << 10;
    public static final int MAX_COST = 1 << 20;
    static final int SALT_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    private static final int MAX_FILE_BYTES = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A decrypted file: its public key, the plaintext (the caller wipes it) and the scrypt parameters it used. */
    public record Opened(Point publicKey, byte[] plaintext, int cost, int blockSize, int parallelism) {
    }

    private SealedKeyFile() {
    }

    /** Refuses an scrypt cost outside what {@link #open} accepts. */
    public static void checkCost(int cost) {
        if (cost < MIN_COST || cost > MAX_COST || Integer.bitCount(cost) != 1) {
            throw new IllegalArgumentException("scrypt N must be a power of two in 2^10..2^20");
        }
    }

    /** The bytes of {@code file}, at most 1 MiB; {@code what} names the kind of key file in messages. */
    public static byte[] read(Path file, String what) throws KeyFileException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new KeyFileException("key file " + file + " is larger than " + MAX_FILE_BYTES
                        + " bytes; not a " + what);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyFileException("key file " + file + " does not exist");
        } catch (IOException e) {
            throw new KeyFileException("cannot read key file " + file + ": " + e.getMessage());
        }
    }

    /** Parses and decrypts a file of {@code format}; any fault (wrong passphrase, tampering, bad format) throws. */
    public static Opened open(byte[] fileBytes, String format, char[] passphrase, String name, String what)
            throws KeyFileException {
        KeyFileJson fields = new KeyFileJson(name, what);
        JsonNode json;
        try {
            json = JSON.readTree(fileBytes);
        } catch (IOException e) {
            throw fields.malformed("not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw fields.malformed("not a JSON object");
        }
        fields.requireFields(json, Set.of("format", "kdf", "nonce", "ciphertext", "public_key"), "");
        if (!format.equals(fields.text(json, "format"))) {
            throw fields.malformed("unsupported format (expected " + format + ")");
        }
        JsonNode kdf = json.get("kdf");
        if (!kdf.isObject()) {
            throw fields.malformed("\"kdf\" is not an object");
        }
        fields.requireFields(kdf, Set.of("name", "N", "r", "p", "salt"), "kdf.");
        if (!"scrypt".equals(fields.text(kdf, "name"))) {
            throw fields.malformed("unsupported key derivation (expected scrypt)");
        }
        int cost = fields.integer(kdf, "N");
        int r = fields.integer(kdf, "r");
        int p = fields.integer(kdf, "p");
        if (cost < MIN_COST || cost > MAX_COST || Integer.bitCount(cost) != 1 || r < 1 || r > 32 || p < 1
                || p > 16) {
            throw fields.malformed("unsupported scrypt parameters N=" + cost + ", r=" + r + ", p=" + p);
        }
        byte[] salt = fields.base64(kdf, "salt");
        byte[] nonce = fields.base64(json, "nonce");
        byte[] ciphertext = fields.base64(json, "ciphertext");
        byte[] publicKeyBytes = fields.base64(json, "public_key");
        if (salt.length != SALT_LENGTH || nonce.length != NONCE_LENGTH || ciphertext.length < 16 + 1) {
            throw fields.malformed("wrong salt, nonce or ciphertext length");
        }
        Point publicKey;
        try {
            publicKey = Point.decode(publicKeyBytes);
        } catch (MalformedEncodingException e) {
            throw fields.malformed("\"public_key\" is not a P-256 point");
        }
        byte[] aad = associatedData(format, cost, r, p, salt, nonce, publicKey);
        byte[] key = PassphraseKey.derive(passphrase, salt, cost, r, p);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(aad);
            return new Opened(publicKey, gcm.doFinal(ciphertext), cost, r, p);
        } catch (AEADBadTagException e) {
            throw new KeyFileException("cannot decrypt key file " + name
                    + ": wrong passphrase, or the file was modified");
        } catch (GeneralSecurityException e) {
            throw new KeyFileException("cannot decrypt key file " + name + ": " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Encrypts {@code plaintext} under {@code passphrase} with a fresh salt and nonce; returns the file's bytes. */
    public static byte[] seal(String format, Point publicKey, byte[] plaintext, int cost, int r, int p,
            char[] passphrase) {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        byte[] key = PassphraseKey.derive(passphrase, salt, cost, r, p);
        byte[] ciphertext;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(associatedData(format, cost, r, p, salt, nonce, publicKey));
            ciphertext = gcm.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", format);
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("name", "scrypt");
        kdf.put("N", cost);
        kdf.put("r", r);
        kdf.put("p", p);
        kdf.put("salt", b64.encodeToString(salt));
        root.put("nonce", b64.encodeToString(nonce));
        root.put("ciphertext", b64.encodeToString(ciphertext));
        root.put("public_key", b64.encodeToString(publicKey.encode()));
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The GCM associated data: every header field, so that changing the format, the KDF parameters, the salt,
     * the nonce or the public key makes decryption fail even where it would not change the derived key.
     */
    static byte[] associatedData(String format, int cost, int r, int p, byte[] salt, byte[] nonce,
            Point publicKey) {
        Base64.Encoder b64 = Base64.getEncoder();
        String text = format + "\nkdf=scrypt\nN=" + cost + "\nr=" + r + "\np=" + p + "\nsalt="
                + b64.encodeToString(salt) + "\nnonce=" + b64.encodeToString(nonce) + "\npublic_key="
                + b64.encodeToString(publicKey.encode()) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
