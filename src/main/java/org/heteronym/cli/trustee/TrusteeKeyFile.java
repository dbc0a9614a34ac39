package org.heteronym.cli.trustee;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.heteronym.cli.keyfile.KeyFileException;
import org.heteronym.cli.keyfile.PrivateFiles;
import org.heteronym.cli.keyfile.SealedKeyFile;
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
 * <p>File: a {@link SealedKeyFile} (scrypt + AES-256-GCM) of format {@value #FORMAT} whose {@code public_key} is
 * the static key. Plaintext: {@code u8 0x01 || d_i[32] || u16 count || (epochId[32] || u8 index || x_i[32])*count},
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
    static final String WHAT = "trustee key file";
    /** Production scrypt cost: N = 2^17, r = 8, p = 1 (128 MiB, about a second). */
    static final int DEFAULT_COST = SealedKeyFile.DEFAULT_COST;
    static final int R = SealedKeyFile.BLOCK_SIZE;
    static final int P = SealedKeyFile.PARALLELISM;

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
        SealedKeyFile.checkCost(cost);
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
        try {
            return decode(SealedKeyFile.read(file, WHAT), passphrase, file.toString());
        } catch (KeyFileException e) {
            throw TrusteeException.of(e);
        }
    }

    static TrusteeKeyFile decode(byte[] fileBytes, char[] passphrase, String name) throws TrusteeException {
        SealedKeyFile.Opened opened;
        try {
            opened = SealedKeyFile.open(fileBytes, FORMAT, passphrase, name, WHAT);
        } catch (KeyFileException e) {
            throw TrusteeException.of(e);
        }
        try {
            KeyFilePlaintext.Contents contents = KeyFilePlaintext.decode(opened.plaintext(), opened.publicKey(), name);
            return new TrusteeKeyFile(contents.staticSecret(), opened.publicKey(), contents.shares(), opened.cost(),
                    opened.blockSize(), opened.parallelism());
        } finally {
            Arrays.fill(opened.plaintext(), (byte) 0);
        }
    }


    // ------------------------------------------------------------------------------------------------ writing

    /** Encrypts under {@code passphrase} and creates {@code file}; refuses to replace an existing file. */
    public void writeNew(Path file, char[] passphrase) throws TrusteeException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw TrusteeException.unavailable(file + " already exists; refusing to overwrite a key file");
        }
        write(file, passphrase, false);
    }

    /** Encrypts under {@code passphrase} (fresh salt and nonce) and atomically replaces {@code file}. */
    public void replace(Path file, char[] passphrase) throws TrusteeException {
        write(file, passphrase, true);
    }

    private void write(Path file, char[] passphrase, boolean replace) throws TrusteeException {
        try {
            PrivateFiles.write(file, encode(passphrase), replace, "key file");
        } catch (KeyFileException e) {
            throw TrusteeException.of(e);
        }
    }

    byte[] encode(char[] passphrase) {
        byte[] plaintext = KeyFilePlaintext.encode(staticSecret, shares);
        try {
            return SealedKeyFile.seal(FORMAT, publicKey, plaintext, cost, blockSize, parallelism, passphrase);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
