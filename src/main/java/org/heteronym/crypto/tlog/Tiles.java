package org.heteronym.crypto.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.merkle.NodeId;

/**
 * Hash tiles: their byte encoding, which tree nodes they hold, and which tiles exist for a tree size
 * (c2sp.org/tlog-tiles, "Merkle Tree" and "Partial Tiles").
 *
 * <p>Hash {@code i} of tile {@code N} at level {@code L} is the hash of tree node
 * {@code NodeId(8L, 256N + i)}, i.e. {@code MTH(D[(256N + i) * 256^L : (256N + i + 1) * 256^L])}.
 */
public final class Tiles {

    /** Tile height: a tile spans 8 levels of the tree. */
    public static final int HEIGHT = 8;
    /** Hashes (or entries) in a full tile: 2^HEIGHT. */
    public static final int WIDTH = 1 << HEIGHT;

    private Tiles() {
    }

    /** Concatenates 1 to 256 hashes of 32 bytes each into a tile. */
    public static byte[] encodeHashes(List<byte[]> hashes) {
        Objects.requireNonNull(hashes, "hashes");
        if (hashes.isEmpty() || hashes.size() > WIDTH) {
            throw new IllegalArgumentException("a tile holds 1 to 256 hashes, got " + hashes.size());
        }
        byte[] tile = new byte[hashes.size() * MerkleHash.SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            byte[] hash = hashes.get(i);
            if (hash == null || hash.length != MerkleHash.SIZE) {
                throw new IllegalArgumentException("hash " + i + " is not 32 bytes");
            }
            System.arraycopy(hash, 0, tile, i * MerkleHash.SIZE, MerkleHash.SIZE);
        }
        return tile;
    }

    /**
     * Splits a tile into its hashes.
     *
     * @throws TileException unless the tile is exactly {@code expectedWidth} hashes long
     */
    public static List<byte[]> decodeHashes(byte[] tile, int expectedWidth) throws TileException {
        Objects.requireNonNull(tile, "tile");
        if (expectedWidth < 1 || expectedWidth > WIDTH) {
            throw new IllegalArgumentException("a tile holds 1 to 256 hashes, not " + expectedWidth);
        }
        if (tile.length != expectedWidth * MerkleHash.SIZE) {
            throw new TileException("tile has " + tile.length + " bytes, expected " + expectedWidth + " hashes of 32 bytes");
        }
        List<byte[]> hashes = new ArrayList<>(expectedWidth);
        for (int i = 0; i < expectedWidth; i++) {
            byte[] hash = new byte[MerkleHash.SIZE];
            System.arraycopy(tile, i * MerkleHash.SIZE, hash, 0, MerkleHash.SIZE);
            hashes.add(hash);
        }
        return List.copyOf(hashes);
    }

    /** The tree nodes whose hashes make up a hash tile, in tile order. */
    public static List<NodeId> nodeIds(TilePath tile) {
        if (tile.entryBundle()) {
            throw new IllegalArgumentException("an entry bundle holds entries, not tree nodes");
        }
        int nodeLevel = tile.level() * HEIGHT;
        if (nodeLevel > NodeId.MAX_LEVEL) {
            throw new IllegalArgumentException("tile level " + tile.level() + " is beyond any tree of 2^63 leaves");
        }
        List<NodeId> ids = new ArrayList<>(tile.width());
        long first = Math.multiplyExact(tile.index(), WIDTH);
        for (int i = 0; i < tile.width(); i++) {
            ids.add(new NodeId(nodeLevel, first + i));
        }
        return List.copyOf(ids);
    }

    /**
     * How many hashes level {@code level} holds in a tree of {@code treeSize} leaves: the number of complete
     * nodes at tree level {@code 8 * level}.
     */
    public static long hashesAtLevel(int level, long treeSize) {
        requireSize(treeSize);
        int shift = level * HEIGHT;
        return shift >= Long.SIZE - 1 ? 0 : treeSize >> shift;
    }

    /** The number of tiles (full and partial) at {@code level} for a tree of {@code treeSize} leaves. */
    public static long tileCount(int level, long treeSize) {
        long hashes = hashesAtLevel(level, treeSize);
        return (hashes + WIDTH - 1) / WIDTH;
    }

    /**
     * The hash tile {@code tileIndex} at {@code level} as it exists for a tree of {@code treeSize} leaves: full if
     * complete, otherwise partial with the width "floor(s / 256**l) mod 256".
     *
     * @throws IllegalArgumentException if the tree has no such tile
     */
    public static TilePath hashTile(int level, long tileIndex, long treeSize) {
        return TilePath.hashTile(level, tileIndex, width(level, tileIndex, treeSize));
    }

    /** The entry bundle {@code tileIndex} as it exists for a tree of {@code treeSize} leaves. */
    public static TilePath entryBundle(long tileIndex, long treeSize) {
        return TilePath.entryBundle(tileIndex, width(0, tileIndex, treeSize));
    }

    private static int width(int level, long tileIndex, long treeSize) {
        long hashes = hashesAtLevel(level, treeSize);
        if (tileIndex < 0 || tileIndex >= tileCount(level, treeSize)) {
            throw new IllegalArgumentException("a tree of size " + treeSize + " has no tile " + tileIndex
                    + " at level " + level);
        }
        return (int) Math.min(WIDTH, hashes - tileIndex * WIDTH);
    }

    /**
     * Every hash tile of a tree of {@code treeSize} leaves, level by level, left to right: the tiles a client
     * fetches to hold the whole tree. For size 70,000 that is 273 full and one 112-wide level-0 tile, one full
     * and one 17-wide level-1 tile and one 1-wide level-2 tile.
     *
     * <p>WARNING: the list has about {@code treeSize / 255} elements; iterate with {@link #tileCount} and
     * {@link #hashTile} to stream over very large logs.
     */
    public static List<TilePath> tilesForTreeSize(long treeSize) {
        requireSize(treeSize);
        List<TilePath> tiles = new ArrayList<>();
        for (int level = 0; hashesAtLevel(level, treeSize) > 0; level++) {
            long count = tileCount(level, treeSize);
            for (long n = 0; n < count; n++) {
                tiles.add(hashTile(level, n, treeSize));
            }
        }
        return tiles;
    }

    private static void requireSize(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size " + treeSize + " is negative");
        }
    }
}
