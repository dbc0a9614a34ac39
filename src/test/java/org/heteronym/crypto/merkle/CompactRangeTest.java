package org.heteronym.crypto.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {

    @Test
    void emptyRangeHasTheEmptyRootAndNoFrontier() {
        CompactRange range = CompactRange.empty();
        assertEquals(0, range.size());
        assertArrayEquals(MerkleHash.emptyRoot(), range.root());
        assertEquals(List.of(), range.frontierHashes());
        assertEquals(List.of(), CompactRange.frontierIds(0));
    }

    @Test
    void frontierIdsAreTheBinaryDecompositionLargestFirst() {
        assertEquals(List.of(new NodeId(3, 0), new NodeId(2, 2), new NodeId(0, 12)), CompactRange.frontierIds(13));
        assertEquals(List.of(new NodeId(0, 0)), CompactRange.frontierIds(1));
        assertEquals(List.of(new NodeId(8, 0)), CompactRange.frontierIds(256));
        assertEquals(List.of(new NodeId(2, 0), new NodeId(1, 2), new NodeId(0, 6)), CompactRange.frontierIds(7));
        assertEquals(Long.bitCount(Long.MAX_VALUE), CompactRange.frontierIds(Long.MAX_VALUE).size());
        assertThrows(IllegalArgumentException.class, () -> CompactRange.frontierIds(-1));
    }

    @Test
    void appendReportsTheLeafThenEveryCompletedParentLowestFirst() {
        CompactRange range = CompactRange.of(7, frontierOfSize(7));
        List<NodeId> reported = new ArrayList<>();
        range.append(MerkleHash.leafHash(new byte[] {7}), (level, index, hash) -> reported.add(new NodeId(level, index)));
        assertEquals(List.of(new NodeId(0, 7), new NodeId(1, 3), new NodeId(2, 1), new NodeId(3, 0)), reported);

        reported.clear();
        range.append(MerkleHash.leafHash(new byte[] {8}), (level, index, hash) -> reported.add(new NodeId(level, index)));
        assertEquals(List.of(new NodeId(0, 8)), reported);
    }

    @Test
    void frontierHashesAreTheStoredNodesOfTheFrontierIds() {
        java.util.Map<NodeId, byte[]> stored = new java.util.HashMap<>();
        CompactRange range = CompactRange.empty();
        for (int i = 0; i < 45; i++) {
            range.append(MerkleHash.leafHash(new byte[] {(byte) i}), (l, x, h) -> stored.put(new NodeId(l, x), h));
            List<NodeId> ids = CompactRange.frontierIds(range.size());
            List<byte[]> hashes = range.frontierHashes();
            for (int k = 0; k < ids.size(); k++) {
                assertArrayEquals(stored.get(ids.get(k)), hashes.get(k), "frontier node " + ids.get(k));
            }
        }
    }

    @Test
    void restoringWithTheWrongNumberOrSizeOfHashesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CompactRange.of(3, frontierOfSize(2)));
        assertThrows(IllegalArgumentException.class, () -> CompactRange.of(2, frontierOfSize(3)));
        assertThrows(IllegalArgumentException.class, () -> CompactRange.of(-1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> CompactRange.of(1, List.of(new byte[31])));
        assertThrows(IllegalArgumentException.class,
                () -> CompactRange.empty().append(new byte[33], NodeSink.DISCARD));
    }

    @Test
    void returnedHashesAreCopies() {
        CompactRange range = CompactRange.empty();
        byte[] leaf = MerkleHash.leafHash(new byte[0]);
        range.append(leaf, NodeSink.DISCARD);
        leaf[0] ^= 1;
        range.root()[0] ^= 1;
        range.frontierHashes().get(0)[0] ^= 1;
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                HexFormat.of().formatHex(range.root()));
    }

    private static List<byte[]> frontierOfSize(long size) {
        CompactRange range = CompactRange.empty();
        for (long i = 0; i < size; i++) {
            range.append(MerkleHash.leafHash(new byte[] {(byte) i}), NodeSink.DISCARD);
        }
        return range.frontierHashes();
    }
}
