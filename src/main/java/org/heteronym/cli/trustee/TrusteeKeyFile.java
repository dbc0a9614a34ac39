package org.heteronym.cli.trustee;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.TrusteeKey;
import org.heteronym.crypto.escrow.dkg.DkgResult;
import org.heteronym.crypto.escrow.dkg.StaticKeyPair;

/**
 * A trustee's key file: the COCKTAIL-DKG static secret d_i and, after each ceremony, the epoch share
 * (epoch id, index i, x_i), encrypted under a passphrase.
 *
 * <p>File (JSON, UTF-8):
 * <pre>{"format":"heteronym-trustee-key/v1","kdf":{"name":"scrypt","N":131072,"r":8,"p":1,"salt":"b64"},
 *  "nonce":"b64","ciphertext":"b64","public_key":"b64"}</pre>
 * key = scrypt(passphrase UTF-8, salt (16 bytes), N, r, p, 32 bytes); ciphertext = AES-256-GCM(key, nonce
 * (12 bytes), plaintext) with 128-bit tag and, as associated data, {@link #associatedData} over every other
 * field. Plaintext: {@code u8 0x01 || d_i[32] || u16 count || (epochId[32] || u8 index || x_i[32])*count},
 * big-endian. After decryption d_i·G must equal {@code public_key}.
 *
 * <h2>Security guarantees</h2>
 * A wrong passphrase or any change to any field is rejected before any secret is used; the parser accepts
 * exactly the fields above (no duplicates, no extras). Files are written to a temporary file with owner-only
 * permissions and moved into place, so a crash never leaves a partial key file.
 *
 * <h2>WARNING</h2>
 * d_i and x_i end up in {@link Scalar}s, which cannot be wiped; the byte arrays here are wiped by {@link #wipe}.
 */
public final class TrusteeKeyFile {

    static final String FORMAT = "heteronym-trustee-key/v1";
    /** Production scrypt cost: N = 2^17, r = 8, p = 1 (128 MiB, about a second). */
    static final int DEFAULT_COST = 1 << 17;
    static final int R = 8;
    static final int P = 1;
    static final int MIN_COST = 1 << 10;
    static final int MAX_COST = 1 << 20;
    static final int SALT_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int MIN_PASSPHRASE_LENGTH = 12;
    private static final int MAX_FILE_BYTES = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();


    private final byte[] staticSecret;
    private final Point publicKey;
    private final List<EpochShare> shares;
    private final int cost;
    private final int blockSize;
    private final int parallelism;

    private TrusteeKeyFile(byte[] staticSecret, Point publicKey, List<EpochShare> shares, int cost, int blockSize,
            int parallelism) {
        this.staticSecret = staticSecret;
        this.publicKey = publicKey;
        this.shares = new ArrayList<>(shares);
        this.cost = cost;
        this.blockSize = blockSize;
        this.parallelism = parallelism;
    }

    /** A new key file for {@code key}, to be encrypted with scrypt cost N = {@code cost}. */
    static TrusteeKeyFile create(StaticKeyPair key, int cost) {
        checkCost(cost);
        return new TrusteeKeyFile(key.exportSecret(), key.publicKey(), List.of(), cost, R, P);
    }

    /** A key file holding {@code key} and the share of one completed ceremony (production scrypt cost). */
    public static TrusteeKeyFile of(StaticKeyPair key, DkgResult result) throws TrusteeException {
        TrusteeKeyFile file = create(key, DEFAULT_COST);
        file.addShare(result.transcriptHash(), result.trusteeKey());
        return file;
    }

    public Point publicKey() {
        return publicKey;
    }

    /** The static key pair (d_i, P_i). */
    public StaticKeyPair staticKey() throws MalformedEncodingException {
        return StaticKeyPair.decodeSecret(staticSecret);
    }

    public List<EpochShare> shares() {
        return Collections.unmodifiableList(shares);
    }

    public Optional<EpochShare> share(Hash32 epochId) {
        return shares.stream().filter(s -> s.epochId().equals(epochId)).findFirst();
    }

    int cost() {
        return cost;
    }

    /** Adds the share of a completed ceremony; refuses a second, different share for the same epoch. */
    void addShare(Hash32 epochId, TrusteeKey key) throws TrusteeException {
        byte[] x = key.exportSecret();
        try {
            Optional<EpochShare> existing = share(epochId);
            if (existing.isPresent()) {
                byte[] old = existing.get().secret();
                boolean same = existing.get().index() == key.index() && Arrays.equals(old, x);
                Arrays.fill(old, (byte) 0);
                if (!same) {
                    throw TrusteeException.unavailable("the key file already holds a different share for epoch "
                            + epochId.toHex());
                }
                return;
            }
            if (shares.size() >= 0xffff) {
                throw TrusteeException.unavailable("the key file holds too many epochs");
            }
            shares.add(new EpochShare(epochId, key.index(), x));
        } finally {
            Arrays.fill(x, (byte) 0);
        }
    }

    /** Wipes d_i and every x_i held in this object. */
    public void wipe() {
        Arrays.fill(staticSecret, (byte) 0);
        shares.forEach(EpochShare::wipe);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Reads and decrypts {@code file}; any fault (wrong passphrase, tampering, bad format) throws. */
    public static TrusteeKeyFile read(Path file, char[] passphrase) throws TrusteeException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw TrusteeException.unavailable("key file " + file + " is larger than " + MAX_FILE_BYTES
                        + " bytes; not a trustee key file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw TrusteeException.unavailable("key file " + file + " does not exist");
        } catch (IOException e) {
            throw TrusteeException.unavailable("cannot read key file " + file + ": " + e.getMessage());
        }
        return decode(bytes, passphrase, file.toString());
    }

    static TrusteeKeyFile decode(byte[] fileBytes, char[] passphrase, String name) throws TrusteeException {
        JsonNode json;
        try {
            json = JSON.readTree(fileBytes);
        } catch (JsonProcessingException e) {
            throw KeyFileJson.malformed(name, "not valid JSON");
        } catch (IOException e) {
            throw KeyFileJson.malformed(name, "not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw KeyFileJson.malformed(name, "not a JSON object");
        }
        KeyFileJson.requireFields(json, Set.of("format", "kdf", "nonce", "ciphertext", "public_key"), name, "");
        if (!FORMAT.equals(KeyFileJson.text(json, "format", name))) {
            throw KeyFileJson.malformed(name, "unsupported format (expected " + FORMAT + ")");
        }
        JsonNode kdf = json.get("kdf");
        if (!kdf.isObject()) {
            throw KeyFileJson.malformed(name, "\"kdf\" is not an object");
        }
        KeyFileJson.requireFields(kdf, Set.of("name", "N", "r", "p", "salt"), name, "kdf.");
        if (!"scrypt".equals(KeyFileJson.text(kdf, "name", name))) {
            throw KeyFileJson.malformed(name, "unsupported key derivation (expected scrypt)");
        }
        int cost = KeyFileJson.integer(kdf, "N", name);
        int r = KeyFileJson.integer(kdf, "r", name);
        int p = KeyFileJson.integer(kdf, "p", name);
        if (cost < MIN_COST || cost > MAX_COST || Integer.bitCount(cost) != 1 || r < 1 || r > 32 || p < 1
                || p > 16) {
            throw KeyFileJson.malformed(name, "unsupported scrypt parameters N=" + cost + ", r=" + r + ", p=" + p);
        }
        byte[] salt = KeyFileJson.base64(kdf, "salt", name);
        byte[] nonce = KeyFileJson.base64(json, "nonce", name);
        byte[] ciphertext = KeyFileJson.base64(json, "ciphertext", name);
        byte[] publicKeyBytes = KeyFileJson.base64(json, "public_key", name);
        if (salt.length != SALT_LENGTH || nonce.length != NONCE_LENGTH || ciphertext.length < 16 + 1) {
            throw KeyFileJson.malformed(name, "wrong salt, nonce or ciphertext length");
        }
        Point publicKey;
        try {
            publicKey = Point.decode(publicKeyBytes);
        } catch (MalformedEncodingException e) {
            throw KeyFileJson.malformed(name, "\"public_key\" is not a P-256 point");
        }
        byte[] aad = associatedData(cost, r, p, salt, nonce, publicKey);
        byte[] key = PassphraseKey.derive(passphrase, salt, cost, r, p);
        byte[] plaintext;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(aad);
            plaintext = gcm.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw TrusteeException.unavailable("cannot decrypt key file " + name
                    + ": wrong passphrase, or the file was modified");
        } catch (GeneralSecurityException e) {
            throw TrusteeException.unavailable("cannot decrypt key file " + name + ": " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        try {
            KeyFilePlaintext.Contents contents = KeyFilePlaintext.decode(plaintext, publicKey, name);
            return new TrusteeKeyFile(contents.staticSecret(), publicKey, contents.shares(), cost, r, p);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }


    // ------------------------------------------------------------------------------------------------ writing

    /** Encrypts under {@code passphrase} and creates {@code file}; refuses to replace an existing file. */
    public void writeNew(Path file, char[] passphrase) throws TrusteeException {
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw TrusteeException.unavailable(file + " already exists; refusing to overwrite a key file");
        }
        write(file, passphrase, false);
    }

    /** Encrypts under {@code passphrase} (fresh salt and nonce) and atomically replaces {@code file}. */
    public void replace(Path file, char[] passphrase) throws TrusteeException {
        write(file, passphrase, true);
    }

    private void write(Path file, char[] passphrase, boolean replace) throws TrusteeException {
        PrivateFiles.write(file, encode(passphrase), replace, "key file");
    }


    byte[] encode(char[] passphrase) {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        byte[] plaintext = KeyFilePlaintext.encode(staticSecret, shares);
        byte[] key = PassphraseKey.derive(passphrase, salt, cost, blockSize, parallelism);
        byte[] ciphertext;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(associatedData(cost, blockSize, parallelism, salt, nonce, publicKey));
            ciphertext = gcm.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("name", "scrypt");
        kdf.put("N", cost);
        kdf.put("r", blockSize);
        kdf.put("p", parallelism);
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
    static byte[] associatedData(int cost, int r, int p, byte[] salt, byte[] nonce, Point publicKey) {
        Base64.Encoder b64 = Base64.getEncoder();
        String text = FORMAT + "\nkdf=scrypt\nN=" + cost + "\nr=" + r + "\np=" + p + "\nsalt="
                + b64.encodeToString(salt) + "\nnonce=" + b64.encodeToString(nonce) + "\npublic_key="
                + b64.encodeToString(publicKey.encode()) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }



    private static void checkCost(int cost) {
        if (cost < MIN_COST || cost > MAX_COST || Integer.bitCount(cost) != 1) {
            throw new IllegalArgumentException("scrypt N must be a power of two in 2^10..2^20");
        }
    }
}
