package org.heteronym.crypto.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.heteronym.crypto.merkle.CompactRange;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.merkle.NodeId;
import org.junit.jupiter.api.Test;

class TilesTest {

    @Test
    void treeOfSeventyThousandNeedsTheTilesTheSpecLists() {
        List<TilePath> tiles = Tiles.tilesForTreeSize(70_000);
        // 273 full + one 112-wide level-0 tile, one full + one 17-wide level-1 tile, one 1-wide level-2 tile.
        assertEquals(273 + 1 + 1 + 1 + 1, tiles.size());
        assertEquals(TilePath.hashTile(0, 0, 256), tiles.get(0));
        assertEquals(TilePath.hashTile(0, 272, 256), tiles.get(272));
        assertEquals(TilePath.hashTile(0, 273, 112), tiles.get(273));
        assertEquals(TilePath.hashTile(1, 0, 256), tiles.get(274));
        assertEquals(TilePath.hashTile(1, 1, 17), tiles.get(275));
        assertEquals(TilePath.hashTile(2, 0, 1), tiles.get(276));
    }

    @Test
    void treeOfSize256IsOneFullTileAndAOneWideLevelOneTile() {
        assertEquals(List.of(TilePath.hashTile(0, 0, 256), TilePath.hashTile(1, 0, 1)), Tiles.tilesForTreeSize(256));
        assertEquals(List.of(), Tiles.tilesForTreeSize(0));
        assertEquals(List.of(TilePath.hashTile(0, 0, 1)), Tiles.tilesForTreeSize(1));
        assertEquals(TilePath.entryBundle(1, 44), Tiles.entryBundle(1, 300));
        assertThrows(IllegalArgumentException.class, () -> Tiles.entryBundle(2, 512));
        assertThrows(IllegalArgumentException.class, () -> Tiles.hashTile(1, 0, 255));
    }

    @Test
    void tileHashesAreTheTreeNodesEightLevelsApart() {
        Map<NodeId, byte[]> nodes = new HashMap<>();
        CompactRange range = CompactRange.empty();
        for (int i = 0; i < 600; i++) {
            range.append(MerkleHash.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}),
                    (level, index, hash) -> nodes.put(new NodeId(level, index), hash));
        }
        TilePath levelOne = Tiles.hashTile(1, 0, 600);
        assertEquals(TilePath.hashTile(1, 0, 2), levelOne);
        assertEquals(List.of(new NodeId(8, 0), new NodeId(8, 1)), Tiles.nodeIds(levelOne));
        // A level-1 hash is the root of the full level-0 tile below it.
        List<byte[]> leaves = new ArrayList<>();
        for (NodeId id : Tiles.nodeIds(Tiles.hashTile(0, 1, 600))) {
            leaves.add(nodes.get(id));
        }
        CompactRange tileRange = CompactRange.empty();
        leaves.forEach(leaf -> tileRange.append(leaf, (l, x, h) -> { }));
        assertArrayEquals(nodes.get(new NodeId(8, 1)), tileRange.root());
        assertThrows(IllegalArgumentException.class, () -> Tiles.nodeIds(TilePath.entryBundle(0, 256)));
    }

    @Test
    void tileBytesMustBeExactlyTheExpectedWidth() throws TileException {
        List<byte[]> hashes = List.of(new byte[32], MerkleHash.emptyRoot());
        byte[] tile = Tiles.encodeHashes(hashes);
        assertEquals(64, tile.length);
        assertArrayEquals(MerkleHash.emptyRoot(), Tiles.decodeHashes(tile, 2).get(1));
        assertThrows(TileException.class, () -> Tiles.decodeHashes(tile, 1));
        assertThrows(TileException.class, () -> Tiles.decodeHashes(tile, 3));
        assertThrows(TileException.class, () -> Tiles.decodeHashes(java.util.Arrays.copyOf(tile, 63), 2));
        assertThrows(IllegalArgumentException.class, () -> Tiles.encodeHashes(List.of(new byte[31])));
    }
}
