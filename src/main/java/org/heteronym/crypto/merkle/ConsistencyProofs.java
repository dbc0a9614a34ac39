package org.heteronym.crypto.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verification of RFC 9162 consistency proofs (section 2.1.4.2, "Verifying Consistency between Two Tree
 * Heads").
 *
 * <p>Security guarantees: if {@link #verify} returns normally, the tree of {@code newSize} leaves with head
 * {@code newRoot} has the tree of {@code oldSize} leaves with head {@code oldRoot} as its prefix: the log only
 * appended. Every input is treated as hostile; the path must have exactly the RFC 9162 length.
 *
 * <p>RFC 9162 defines the algorithm for {@code 0 < oldSize < newSize} only. The two trivial cases are
 * handled the way transparency-dev/merkle and Sigsum do, strictly: {@code oldSize == newSize} requires an
 * empty path and identical roots; {@code oldSize == 0} requires an empty path and {@code oldRoot} to be the
 * empty-tree root {@code SHA-256()}.
 *
 * <p>WARNING: both roots must come from verified checkpoints of the same log; this class checks arithmetic,
 * not signatures.
 */
public final class ConsistencyProofs {

    private ConsistencyProofs() {
    }

    /**
     * Verifies that the tree {@code (newSize, newRoot)} is an append-only extension of {@code (oldSize, oldRoot)}.
     *
     * @throws MerkleProofException if the proof does not verify; the message says why
     */
    public static void verify(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> path)
            throws MerkleProofException {
        String what = "consistency proof from size " + oldSize + " to size " + newSize;
        if (oldSize < 0 || newSize < oldSize) {
            throw new MerkleProofException(what + ": the old size must be between 0 and the new size");
        }
        InclusionProofs.requireHash(oldRoot, what + ": old root hash");
        InclusionProofs.requireHash(newRoot, what + ": new root hash");
        if (path == null) {
            throw new MerkleProofException(what + ": path is missing");
        }
        if (oldSize == newSize) {
            if (!path.isEmpty()) {
                throw new MerkleProofException(what + ": path must be empty for equal sizes, has "
                        + path.size() + " hashes");
            }
            if (!MessageDigest.isEqual(oldRoot, newRoot)) {
                throw new MerkleProofException(what + ": trees of equal size have different roots "
                        + InclusionProofs.hex(oldRoot) + " and " + InclusionProofs.hex(newRoot));
            }
            return;
        }
        if (oldSize == 0) {
            if (!path.isEmpty()) {
                throw new MerkleProofException(what + ": path must be empty from the empty tree, has "
                        + path.size() + " hashes");
            }
            if (!MessageDigest.isEqual(oldRoot, MerkleHash.emptyRoot())) {
                throw new MerkleProofException(what + ": old root " + InclusionProofs.hex(oldRoot)
                        + " is not the empty-tree root");
            }
            return;
        }
        // 1. If consistency_path is an empty array, stop and fail the proof verification.
        if (path.isEmpty()) {
            throw new MerkleProofException(what + ": path is empty");
        }
        int expected = expectedLength(oldSize, newSize);
        if (path.size() != expected) {
            throw new MerkleProofException(what + ": path has " + path.size() + " hashes, expected " + expected);
        }
        for (int i = 0; i < path.size(); i++) {
            InclusionProofs.requireHash(path.get(i), what + ": path hash " + i);
        }
        List<byte[]> consistencyPath = new ArrayList<>(path.size() + 1);
        // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
        if (Long.bitCount(oldSize) == 1) {
            consistencyPath.add(oldRoot);
        }
        consistencyPath.addAll(path);
        // 3. Set fn to first - 1 and sn to second - 1.
        long fn = oldSize - 1;
        long sn = newSize - 1;
        // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // 5. Set both fr and sr to the first value in the consistency_path array.
        byte[] fr = consistencyPath.get(0);
        byte[] sr = consistencyPath.get(0);
        // 6. For each subsequent value c in the consistency_path array:
        for (byte[] c : consistencyPath.subList(1, consistencyPath.size())) {
            // a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0) {
                throw new MerkleProofException(what + ": path is too long");
            }
            // b. If LSB(fn) is set, or if fn is equal to sn, then:
            if ((fn & 1) == 1 || fn == sn) {
                // i. Set fr to HASH(0x01 || c || fr). ii. Set sr to HASH(0x01 || c || sr).
                fr = MerkleHash.nodeHash(c, fr);
                sr = MerkleHash.nodeHash(c, sr);
                // iii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is
                // set or fn is 0.
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                // Otherwise: i. Set sr to HASH(0x01 || sr || c).
                sr = MerkleHash.nodeHash(sr, c);
            }
            // c. Finally, right-shift both fn and sn one time.
            fn >>= 1;
            sn >>= 1;
        }
        // 7. Verify that fr equals first_hash, sr equals second_hash, and sn is 0.
        if (sn != 0) {
            throw new MerkleProofException(what + ": path is too short");
        }
        if (!MessageDigest.isEqual(fr, oldRoot)) {
            throw new MerkleProofException(what + ": calculated old root " + InclusionProofs.hex(fr)
                    + " does not match expected old root " + InclusionProofs.hex(oldRoot));
        }
        if (!MessageDigest.isEqual(sr, newRoot)) {
            throw new MerkleProofException(what + ": calculated new root " + InclusionProofs.hex(sr)
                    + " does not match expected new root " + InclusionProofs.hex(newRoot));
        }
    }

    /**
     * Length of {@code PROOF(oldSize, D[newSize])} for {@code 0 < oldSize < newSize}: the inclusion path of the
     * largest perfect subtree ending at {@code oldSize} into the new tree, plus that subtree's own hash unless it
     * is the whole old tree.
     */
    static int expectedLength(long oldSize, long newSize) {
        int level = Long.numberOfTrailingZeros(oldSize);
        long index = (oldSize - 1) >> level;
        long nodesAtLevel = ((newSize - 1) >> level) + 1;
        return (index == 0 ? 0 : 1) + InclusionProofs.expectedLength(index, nodesAtLevel);
    }
}
