package org.heteronym.crypto.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The three hash functions of an RFC 9162 Merkle tree over SHA-256 (RFC 9162 section 2.1.1).
 *
 * <p>Security guarantees: leaf and interior hashes are domain-separated by a one-byte prefix ({@code 0x00}
 * for leaves, {@code 0x01} for interior nodes), so an interior node can never be passed off as a leaf or
 * the other way round (the second-preimage attack on unprefixed Merkle trees).
 *
 * <p>All methods return fresh 32-byte arrays owned by the caller.
 */
public final class MerkleHash {

    /** Size in bytes of every hash in the tree (SHA-256). */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    /** {@code MTH({d(0)}) = SHA-256(0x00 || d(0))}: the hash of a single leaf entry. */
    public static byte[] leafHash(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(entry);
        return sha256.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}: the hash of an interior node from its two children. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** {@code MTH({}) = SHA-256()}: the root of the empty tree. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /**
     * Checks that {@code hash} is a 32-byte array.
     *
     * @throws IllegalArgumentException if it is null or of the wrong length
     */
    static byte[] requireHash(byte[] hash, String what) {
        if (hash == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (hash.length != SIZE) {
            throw new IllegalArgumentException(what + " has " + hash.length + " bytes, expected " + SIZE);
        }
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE implementation must provide SHA-256 (java.security.MessageDigest javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
