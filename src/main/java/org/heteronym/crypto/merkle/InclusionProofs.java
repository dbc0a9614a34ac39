package org.heteronym.crypto.merkle;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Verification of RFC 9162 inclusion proofs (section 2.1.3.2, "Verifying an Inclusion Proof").
 *
 * <p>Security guarantees: if {@link #verify} returns normally, the leaf hash is at position {@code index} of
 * the tree of {@code size} leaves whose head is {@code root}, unless SHA-256 collisions are known. Every input
 * is treated as hostile: sizes, lengths and hash lengths are checked before any hashing, and the proof must
 * have exactly the RFC 9162 length (no trailing or missing elements).
 *
 * <p>WARNING: this proves membership in the tree with head {@code root} only. The root must itself come from
 * a verified checkpoint, and the leaf hash must be recomputed from the entry bytes by the caller
 * ({@link MerkleHash#leafHash}); a leaf hash taken from the server proves nothing about the entry.
 */
public final class InclusionProofs {

    private InclusionProofs() {
    }

    /**
     * Verifies that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves with head
     * {@code root}.
     *
     * @throws MerkleProofException if the proof does not verify; the message says why
     */
    public static void verify(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root)
            throws MerkleProofException {
        String what = "inclusion proof for leaf " + index + " in tree of size " + size;
        // 1. If leaf_index >= tree_size, fail.
        if (size <= 0 || index < 0 || index >= size) {
            throw new MerkleProofException(what + ": leaf index is not in the tree");
        }
        requireHash(leafHash, what + ": leaf hash");
        requireHash(root, what + ": root hash");
        if (path == null) {
            throw new MerkleProofException(what + ": path is missing");
        }
        int expected = expectedLength(index, size);
        if (path.size() != expected) {
            throw new MerkleProofException(what + ": path has " + path.size() + " hashes, expected " + expected);
        }
        for (int i = 0; i < path.size(); i++) {
            requireHash(path.get(i), what + ": path hash " + i);
        }
        byte[] calculated = rootFromPath(index, size, leafHash, path, what);
        if (!MessageDigest.isEqual(calculated, root)) {
            throw new MerkleProofException(what + ": calculated root " + hex(calculated)
                    + " does not match expected root " + hex(root));
        }
    }

    /**
     * The root that {@code path} proves {@code leafHash} to be leaf {@code index} of, in a tree of {@code size}: what
     * a client compares with a signed root, or proves consistent with one when it needs an older tree's root.
     */
    public static byte[] root(long index, long size, byte[] leafHash, List<byte[]> path) throws MerkleProofException {
        String what = "inclusion proof for leaf " + index + " in tree of size " + size;
        if (size <= 0 || index < 0 || index >= size) {
            throw new MerkleProofException(what + ": leaf index is not in the tree");
        }
        requireHash(leafHash, what + ": leaf hash");
        if (path == null || path.size() != expectedLength(index, size)) {
            throw new MerkleProofException(what + ": path has the wrong length");
        }
        for (int i = 0; i < path.size(); i++) {
            requireHash(path.get(i), what + ": path hash " + i);
        }
        return rootFromPath(index, size, leafHash, path, what);
    }

    /** RFC 9162 section 2.1.3.2 steps 2 to 5, up to but excluding the final root comparison. */
    private static byte[] rootFromPath(long index, long size, byte[] leafHash, List<byte[]> path, String what)
            throws MerkleProofException {
        // 2. Set fn to leaf_index and sn to tree_size - 1.
        long fn = index;
        long sn = size - 1;
        // 3. Set r to hash.
        byte[] r = leafHash;
        // 4. For each value p in the inclusion_path array:
        for (byte[] p : path) {
            // a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0) {
                throw new MerkleProofException(what + ": path is too long");
            }
            // b. If LSB(fn) is set, or if fn is equal to sn, then:
            if ((fn & 1) == 1 || fn == sn) {
                // i. Set r to HASH(0x01 || p || r).
                r = MerkleHash.nodeHash(p, r);
                // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is
                // set or fn is 0.
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                // Otherwise: i. Set r to HASH(0x01 || r || p).
                r = MerkleHash.nodeHash(r, p);
            }
            // c. Finally, right-shift both fn and sn one time.
            fn >>= 1;
            sn >>= 1;
        }
        // 5. Compare sn to 0. (Compare r against the root_hash is done by the caller.)
        if (sn != 0) {
            throw new MerkleProofException(what + ": path is too short");
        }
        return r;
    }

    /**
     * Length of {@code PATH(index, D[size])}: the levels below the point where the paths to {@code index} and
     * to the last leaf diverge, plus one left-border sibling per set bit above it.
     */
    static int expectedLength(long index, long size) {
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        return inner + Long.bitCount(index >>> inner);
    }

    static void requireHash(byte[] hash, String what) throws MerkleProofException {
        if (hash == null) {
            throw new MerkleProofException(what + " is missing");
        }
        if (hash.length != MerkleHash.SIZE) {
            throw new MerkleProofException(what + " has " + hash.length + " bytes, expected " + MerkleHash.SIZE);
        }
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
