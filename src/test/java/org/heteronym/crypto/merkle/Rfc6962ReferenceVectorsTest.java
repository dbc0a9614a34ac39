package org.heteronym.crypto.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The certificate-transparency / transparency-dev reference tree of RFC 6962: eight leaves, their tree heads
 * for sizes 1..8, and the published inclusion and consistency proofs.
 */
class Rfc6962ReferenceVectorsTest {

    static final String[] LEAF_INPUTS = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    };

    /** ROOTS[n] = MTH of the first n leaves. */
    static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };

    /** Every perfect node of the 8-leaf tree, NODES[level][index] (transparency-dev testonly.NodeHashes). */
    static final String[][] NODES = {
        {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        },
        {
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        },
        {
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        },
        {
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        },
    };

    record PublishedInclusion(int index, int size, String... path) {
    }

    record PublishedConsistency(int oldSize, int newSize, String... path) {
    }

    static final List<PublishedInclusion> PUBLISHED_INCLUSION = List.of(
            new PublishedInclusion(0, 1),
            new PublishedInclusion(0, 8,
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            new PublishedInclusion(5, 8,
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            new PublishedInclusion(2, 3,
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            new PublishedInclusion(1, 5,
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));

    static final List<PublishedConsistency> PUBLISHED_CONSISTENCY = List.of(
            new PublishedConsistency(1, 1),
            new PublishedConsistency(1, 8,
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            new PublishedConsistency(6, 8,
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            new PublishedConsistency(2, 5,
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            new PublishedConsistency(6, 7,
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));

    static final HexFormat HEX = HexFormat.of();

    static byte[][] leafHashes;
    static byte[][] roots;
    /** Every node reported by CompactRange while appending the eight leaves. */
    static Map<NodeId, byte[]> storedNodes;
    static ReferenceMerkleTree reference;

    @BeforeAll
    static void buildTree() {
        leafHashes = new byte[LEAF_INPUTS.length][];
        roots = new byte[ROOTS.length][];
        storedNodes = new HashMap<>();
        reference = new ReferenceMerkleTree();
        CompactRange range = CompactRange.empty();
        roots[0] = range.root();
        for (int i = 0; i < LEAF_INPUTS.length; i++) {
            leafHashes[i] = MerkleHash.leafHash(HEX.parseHex(LEAF_INPUTS[i]));
            reference.appendLeafHash(leafHashes[i]);
            range.append(leafHashes[i], (level, index, hash) ->
                    assertTrue(storedNodes.put(new NodeId(level, index), hash) == null, "node reported twice"));
            roots[i + 1] = range.root();
        }
    }

    static List<byte[]> hashes(String... hex) {
        List<byte[]> out = new ArrayList<>();
        for (String h : hex) {
            out.add(HEX.parseHex(h));
        }
        return out;
    }

    static void assertHashesEqual(List<byte[]> expected, List<byte[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": length");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + ": hash " + i);
        }
    }

    @Test
    void compactRangeRootsMatchPublishedTreeHeadsForSizesZeroToEight() {
        for (int n = 0; n <= 8; n++) {
            assertEquals(ROOTS[n], HEX.formatHex(roots[n]), "root of size " + n);
            assertEquals(ROOTS[n], HEX.formatHex(reference.mth(n)), "reference root of size " + n);
        }
    }

    @Test
    void compactRangeReportsEveryPublishedNodeExactlyOnce() {
        int count = 0;
        for (int level = 0; level < NODES.length; level++) {
            for (int index = 0; index < NODES[level].length; index++) {
                assertEquals(NODES[level][index], HEX.formatHex(storedNodes.get(new NodeId(level, index))),
                        "node (" + level + ", " + index + ")");
                count++;
            }
        }
        assertEquals(count, storedNodes.size());
    }

    @Test
    void plannedProofsEqualPublishedInclusionProofs() throws MerkleProofException {
        for (PublishedInclusion p : PUBLISHED_INCLUSION) {
            List<byte[]> expected = hashes(p.path());
            List<byte[]> planned = ProofPlan.inclusion(p.index(), p.size()).assemble(storedNodes);
            assertHashesEqual(expected, planned, "inclusion " + p.index() + "/" + p.size());
            assertHashesEqual(expected, reference.path(p.index(), p.size()), "reference " + p);
            InclusionProofs.verify(p.index(), p.size(), leafHashes[p.index()], expected, roots[p.size()]);
        }
    }

    @Test
    void plannedProofsEqualPublishedConsistencyProofs() throws MerkleProofException {
        for (PublishedConsistency p : PUBLISHED_CONSISTENCY) {
            List<byte[]> expected = hashes(p.path());
            List<byte[]> planned = ProofPlan.consistency(p.oldSize(), p.newSize()).assemble(storedNodes);
            assertHashesEqual(expected, planned, "consistency " + p.oldSize() + "->" + p.newSize());
            assertHashesEqual(expected, reference.proof(p.oldSize(), p.newSize()), "reference " + p);
            ConsistencyProofs.verify(p.oldSize(), p.newSize(), roots[p.oldSize()], roots[p.newSize()], expected);
        }
    }

    @Test
    void everyInclusionProofForSizesOneToEightVerifies() throws MerkleProofException {
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> path = ProofPlan.inclusion(index, size).assemble(storedNodes);
                assertHashesEqual(reference.path(index, size), path, "inclusion " + index + "/" + size);
                InclusionProofs.verify(index, size, leafHashes[index], path, roots[size]);
            }
        }
    }

    @Test
    void everyConsistencyProofForSizesZeroToEightVerifies() throws MerkleProofException {
        for (int newSize = 0; newSize <= 8; newSize++) {
            for (int oldSize = 0; oldSize <= newSize; oldSize++) {
                List<byte[]> path = ProofPlan.consistency(oldSize, newSize).assemble(storedNodes);
                assertHashesEqual(reference.proof(oldSize, newSize), path, "consistency " + oldSize + "->" + newSize);
                ConsistencyProofs.verify(oldSize, newSize, roots[oldSize], roots[newSize], path);
            }
        }
    }

    @Test
    void mutatedInclusionProofIsRejected() {
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> path = reference.path(index, size);
                String what = "inclusion " + index + "/" + size;
                for (int h = 0; h < path.size(); h++) {
                    for (int bit = 0; bit < 256; bit++) {
                        List<byte[]> mutated = copy(path);
                        flip(mutated.get(h), bit);
                        assertInclusionRejected(index, size, leafHashes[index], mutated, roots[size],
                                what + " path hash " + h + " bit " + bit);
                    }
                }
                for (int bit = 0; bit < 256; bit++) {
                    byte[] leaf = leafHashes[index].clone();
                    flip(leaf, bit);
                    assertInclusionRejected(index, size, leaf, path, roots[size], what + " leaf bit " + bit);
                    byte[] root = roots[size].clone();
                    flip(root, bit);
                    assertInclusionRejected(index, size, leafHashes[index], path, root, what + " root bit " + bit);
                }
            }
        }
    }

    @Test
    void truncatedOrExtendedInclusionProofIsRejected() {
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> path = reference.path(index, size);
                String what = "inclusion " + index + "/" + size;
                if (!path.isEmpty()) {
                    assertInclusionRejected(index, size, leafHashes[index], path.subList(0, path.size() - 1),
                            roots[size], what + " without last hash");
                    assertInclusionRejected(index, size, leafHashes[index], path.subList(1, path.size()),
                            roots[size], what + " without first hash");
                }
                for (byte[] extra : List.of(new byte[32], roots[size], leafHashes[index])) {
                    List<byte[]> longer = copy(path);
                    longer.add(extra);
                    assertInclusionRejected(index, size, leafHashes[index], longer, roots[size], what + " + hash");
                    List<byte[]> prefixed = copy(path);
                    prefixed.add(0, extra);
                    assertInclusionRejected(index, size, leafHashes[index], prefixed, roots[size],
                            what + " hash + path");
                }
                List<byte[]> shortHash = copy(path);
                shortHash.add(new byte[31]);
                assertInclusionRejected(index, size, leafHashes[index], shortHash, roots[size], what + " + short");
            }
        }
    }

    @Test
    void inclusionProofForWrongIndexOrSizeIsRejected() {
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> path = reference.path(index, size);
                for (int otherIndex = -1; otherIndex <= 9; otherIndex++) {
                    if (otherIndex != index) {
                        assertInclusionRejected(otherIndex, size, leafHashes[index], path, roots[size],
                                "inclusion " + index + "/" + size + " claimed for index " + otherIndex);
                    }
                }
                for (int otherSize = 0; otherSize <= 8; otherSize++) {
                    if (otherSize != size) {
                        // The claim an attacker would make: this path proves inclusion in the other checkpoint.
                        assertInclusionRejected(index, otherSize, leafHashes[index], path, roots[otherSize],
                                "inclusion " + index + "/" + size + " claimed for size " + otherSize);
                    }
                }
                // A different leaf at the right index is not included either.
                for (int other = 0; other < 8; other++) {
                    if (other != index) {
                        assertInclusionRejected(index, size, leafHashes[other], path, roots[size],
                                "inclusion " + index + "/" + size + " with leaf " + other);
                    }
                }
            }
        }
    }

    @Test
    void mutatedConsistencyProofIsRejected() {
        for (int newSize = 1; newSize <= 8; newSize++) {
            for (int oldSize = 1; oldSize <= newSize; oldSize++) {
                List<byte[]> path = reference.proof(oldSize, newSize);
                String what = "consistency " + oldSize + "->" + newSize;
                for (int h = 0; h < path.size(); h++) {
                    for (int bit = 0; bit < 256; bit++) {
                        List<byte[]> mutated = copy(path);
                        flip(mutated.get(h), bit);
                        assertConsistencyRejected(oldSize, newSize, roots[oldSize], roots[newSize], mutated,
                                what + " path hash " + h + " bit " + bit);
                    }
                }
                for (int bit = 0; bit < 256; bit++) {
                    byte[] oldRoot = roots[oldSize].clone();
                    flip(oldRoot, bit);
                    assertConsistencyRejected(oldSize, newSize, oldRoot, roots[newSize], path, what + " old bit " + bit);
                    byte[] newRoot = roots[newSize].clone();
                    flip(newRoot, bit);
                    assertConsistencyRejected(oldSize, newSize, roots[oldSize], newRoot, path, what + " new bit " + bit);
                }
            }
        }
    }

    @Test
    void truncatedOrExtendedConsistencyProofIsRejected() {
        for (int newSize = 1; newSize <= 8; newSize++) {
            for (int oldSize = 0; oldSize <= newSize; oldSize++) {
                List<byte[]> path = reference.proof(oldSize, newSize);
                String what = "consistency " + oldSize + "->" + newSize;
                if (!path.isEmpty()) {
                    assertConsistencyRejected(oldSize, newSize, roots[oldSize], roots[newSize],
                            path.subList(0, path.size() - 1), what + " without last hash");
                    assertConsistencyRejected(oldSize, newSize, roots[oldSize], roots[newSize],
                            path.subList(1, path.size()), what + " without first hash");
                }
                for (byte[] extra : List.of(new byte[32], roots[oldSize], roots[newSize])) {
                    List<byte[]> longer = copy(path);
                    longer.add(extra);
                    assertConsistencyRejected(oldSize, newSize, roots[oldSize], roots[newSize], longer,
                            what + " + hash");
                    List<byte[]> prefixed = copy(path);
                    prefixed.add(0, extra);
                    assertConsistencyRejected(oldSize, newSize, roots[oldSize], roots[newSize], prefixed,
                            what + " hash + path");
                }
            }
        }
    }

    @Test
    void consistencyProofForWrongSizesIsRejected() {
        for (int newSize = 1; newSize <= 8; newSize++) {
            for (int oldSize = 1; oldSize < newSize; oldSize++) {
                List<byte[]> path = reference.proof(oldSize, newSize);
                for (int otherOld = 0; otherOld <= 8; otherOld++) {
                    for (int otherNew = 0; otherNew <= 8; otherNew++) {
                        if (otherOld == oldSize && otherNew == newSize) {
                            continue;
                        }
                        assertConsistencyRejected(otherOld, otherNew, roots[otherOld], roots[otherNew], path,
                                "consistency " + oldSize + "->" + newSize + " claimed for " + otherOld + "->"
                                        + otherNew);
                    }
                }
                // Swapped roots: a proof never runs backwards.
                assertConsistencyRejected(oldSize, newSize, roots[newSize], roots[oldSize], path, "swapped roots");
            }
        }
    }

    @Test
    void equalSizesNeedEqualRootsAndEmptyPath() {
        assertThrows(MerkleProofException.class,
                () -> ConsistencyProofs.verify(3, 3, roots[3], roots[4], List.of()));
        assertThrows(MerkleProofException.class,
                () -> ConsistencyProofs.verify(3, 3, roots[3], roots[3], hashes(NODES[0][0])));
        assertThrows(MerkleProofException.class,
                () -> ConsistencyProofs.verify(0, 3, roots[1], roots[3], List.of()));
        assertThrows(MerkleProofException.class,
                () -> ConsistencyProofs.verify(4, 3, roots[4], roots[3], List.of()));
    }

    private static void assertInclusionRejected(long index, long size, byte[] leaf, List<byte[]> path, byte[] root,
            String what) {
        assertThrows(MerkleProofException.class, () -> InclusionProofs.verify(index, size, leaf, path, root), what);
    }

    private static void assertConsistencyRejected(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
            List<byte[]> path, String what) {
        assertThrows(MerkleProofException.class,
                () -> ConsistencyProofs.verify(oldSize, newSize, oldRoot, newRoot, path), what);
    }

    static List<byte[]> copy(List<byte[]> hashes) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] h : hashes) {
            out.add(h.clone());
        }
        return out;
    }

    static void flip(byte[] hash, int bit) {
        hash[bit / 8] ^= (byte) (1 << (bit % 8));
    }
}
