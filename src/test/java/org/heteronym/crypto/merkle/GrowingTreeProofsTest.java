package org.heteronym.crypto.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Grows a tree leaf by leaf with {@link CompactRange}, keeps the nodes it reports in a map (as the sequencer
 * keeps them in PostgreSQL), and at many sizes checks every proof {@link ProofPlan} builds from that map
 * against the recursive RFC 9162 definitions and against the roots recorded at each size.
 */
class GrowingTreeProofsTest {

    private static final int MAX_SIZE = 2100;
    private static final long SEED = 0x5EED_9162L;

    @Test
    void proofsFromStoredNodesMatchTheRecursiveDefinitionsAndVerifyAsTheTreeGrows()
            throws MerkleProofException {
        Random random = new Random(SEED);
        // Exhaustive for small trees, then powers of two and their neighbours, then random sizes.
        TreeSet<Integer> checkedSizes = new TreeSet<>();
        for (int n = 1; n <= 70; n++) {
            checkedSizes.add(n);
        }
        for (int p = 64; p <= 2048; p *= 2) {
            checkedSizes.add(p - 1);
            checkedSizes.add(p);
            checkedSizes.add(p + 1);
        }
        while (checkedSizes.size() < 130) {
            checkedSizes.add(1 + random.nextInt(MAX_SIZE));
        }

        CompactRange range = CompactRange.empty();
        ReferenceMerkleTree reference = new ReferenceMerkleTree();
        Map<NodeId, byte[]> stored = new HashMap<>();
        List<byte[]> roots = new ArrayList<>();
        roots.add(range.root());
        byte[] entry = new byte[40];
        for (int size = 1; size <= MAX_SIZE; size++) {
            random.nextBytes(entry);
            byte[] leafHash = MerkleHash.leafHash(entry);
            reference.appendLeafHash(leafHash);
            range.append(leafHash, (level, index, hash) ->
                    assertNull(stored.put(new NodeId(level, index), hash), "node reported twice"));
            assertEquals(size, range.size());
            byte[] root = range.root();
            assertArrayEquals(reference.mth(size), root, "root of size " + size);
            roots.add(root);
            assertEquals(Long.bitCount(size), range.frontierHashes().size());

            if (checkedSizes.contains(size)) {
                checkAllProofs(size, reference, stored, roots);
            }
        }
        // Every perfect node of the final tree was reported once: sum over levels of floor(n / 2^level).
        long expectedNodes = 0;
        for (int level = 0; (MAX_SIZE >> level) > 0; level++) {
            expectedNodes += MAX_SIZE >> level;
        }
        assertEquals(expectedNodes, stored.size());
    }

    private static void checkAllProofs(int size, ReferenceMerkleTree reference, Map<NodeId, byte[]> stored,
            List<byte[]> roots) throws MerkleProofException {
        // The map holds only nodes completed so far: a plan that asked for a future node would fail assemble.
        for (int index = 0; index < size; index++) {
            ProofPlan plan = ProofPlan.inclusion(index, size);
            assertEquals(plan.nodes().size(), new HashSet<>(plan.nodes()).size(), "distinct nodes");
            List<byte[]> path = plan.assemble(stored);
            assertEquals(plan.proofLength(), path.size());
            Rfc6962ReferenceVectorsTest.assertHashesEqual(reference.path(index, size), path,
                    "inclusion " + index + "/" + size);
            InclusionProofs.verify(index, size, reference.leafHash(index), path, roots.get(size));
        }
        for (int oldSize = 0; oldSize <= size; oldSize++) {
            ProofPlan plan = ProofPlan.consistency(oldSize, size);
            assertEquals(plan.nodes().size(), new HashSet<>(plan.nodes()).size(), "distinct nodes");
            List<byte[]> path = plan.assemble(stored);
            assertEquals(plan.proofLength(), path.size());
            Rfc6962ReferenceVectorsTest.assertHashesEqual(reference.proof(oldSize, size), path,
                    "consistency " + oldSize + "->" + size);
            ConsistencyProofs.verify(oldSize, size, roots.get(oldSize), roots.get(size), path);
        }
    }

    @Test
    void compactRangeRestoredFromItsFrontierContinuesIdentically() {
        Random random = new Random(SEED + 1);
        CompactRange original = CompactRange.empty();
        for (int size = 0; size < 600; size++) {
            CompactRange restored = CompactRange.of(original.size(), original.frontierHashes());
            assertArrayEquals(original.root(), restored.root(), "root at size " + size);
            byte[] leaf = MerkleHash.leafHash(new byte[] {(byte) random.nextInt(), (byte) size});
            List<String> fromOriginal = new ArrayList<>();
            List<String> fromRestored = new ArrayList<>();
            original.append(leaf, (level, index, hash) -> fromOriginal.add(level + "/" + index + "/" + hex(hash)));
            restored.append(leaf, (level, index, hash) -> fromRestored.add(level + "/" + index + "/" + hex(hash)));
            assertEquals(fromOriginal, fromRestored);
            assertArrayEquals(original.root(), restored.root());
        }
    }

    private static String hex(byte[] hash) {
        return java.util.HexFormat.of().formatHex(hash);
    }
}
