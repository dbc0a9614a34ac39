package org.heteronym.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import org.heteronym.crypto.merkle.CompactRange;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.merkle.NodeId;
import org.heteronym.crypto.merkle.ProofPlan;
import org.heteronym.crypto.note.Checkpoint;
import org.heteronym.crypto.note.NoteSigner;
import org.heteronym.crypto.tlog.EntryBundle;
import org.heteronym.crypto.tlog.TilePath;
import org.heteronym.crypto.tlog.Tiles;

/**
 * An in-memory log built with the crypto core the way the service builds it: entries appended to a
 * {@link CompactRange} whose sink stores every node, proofs from {@link ProofPlan} over the stored nodes, tiles
 * from the stored nodes. Tests tamper with what it serves ({@link #servedEntries}, {@link #servedNodes},
 * {@link #checkpointNote}) to play a misbehaving log.
 */
final class FakeLog {

    final String origin;
    final NoteSigner signer;
    final List<byte[]> entries;
    final Map<NodeId, byte[]> nodes = new HashMap<>();
    final byte[] root;
    /** What the server hands out; initially identical to the real log. */
    final List<byte[]> servedEntries;
    final Map<NodeId, byte[]> servedNodes;
    String checkpointNote;
    /** Tiles or bundles the server pretends not to have (404). */
    java.util.function.Predicate<TilePath> hidden = tile -> false;
    /** Replacement bodies for tiles or bundles, by path. */
    final Map<String, byte[]> tileOverrides = new HashMap<>();

    FakeLog(NoteSigner signer, List<byte[]> entries) {
        this.origin = signer.keyName();
        this.signer = signer;
        this.entries = List.copyOf(entries);
        CompactRange range = CompactRange.empty();
        for (byte[] entry : entries) {
            range.append(MerkleHash.leafHash(entry), (level, index, hash) -> nodes.put(new NodeId(level, index), hash));
        }
        this.root = range.root();
        this.servedEntries = new ArrayList<>(entries);
        this.servedNodes = new HashMap<>(nodes);
        this.checkpointNote = signer.sign(new Checkpoint(origin, entries.size(), root).body());
    }

    /** A log whose entry 0 is the genesis entry and whose other entries are {@code kind}-tagged test records. */
    static FakeLog withEntries(NoteSigner signer, int count, String salt) {
        List<byte[]> entries = new ArrayList<>();
        entries.add(canonical("{\"kind\":\"log.genesis\",\"v\":1,\"origin\":" + quote(signer.keyName())
                + ",\"vkey\":" + quote(signer.verifierKey()) + ",\"created\":\"2025-01-01T00:00:00Z\"}"));
        for (int i = 1; i < count; i++) {
            entries.add(canonical("{\"v\":1,\"kind\":\"test.record\",\"n\":" + i + ",\"salt\":" + quote(salt) + "}"));
        }
        return new FakeLog(signer, entries);
    }

    /** The same log cut back to its first {@code size} entries, signed anew. */
    FakeLog prefix(int size) {
        return new FakeLog(signer, entries.subList(0, size));
    }

    static byte[] canonical(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    long size() {
        return entries.size();
    }

    /** Serves a hash tile or entry bundle, or null (404) if it does not exist for the current size. */
    byte[] tile(TilePath tile) {
        if (hidden.test(tile)) {
            return null;
        }
        if (tileOverrides.containsKey(tile.path())) {
            return tileOverrides.get(tile.path());
        }
        long available = Tiles.hashesAtLevel(tile.level(), size());
        long end = tile.index() * Tiles.WIDTH + tile.width();
        if (end > available) {
            return null;
        }
        if (tile.entryBundle()) {
            return EntryBundle.encode(servedEntries.subList((int) (end - tile.width()), (int) end));
        }
        List<byte[]> hashes = new ArrayList<>();
        for (NodeId id : Tiles.nodeIds(tile)) {
            hashes.add(servedNodes.get(id));
        }
        return Tiles.encodeHashes(hashes);
    }

    String entryJson(long index) {
        byte[] entry = servedEntries.get((int) index);
        return "{\"index\":" + index + ",\"leaf_hash\":\"" + b64(MerkleHash.leafHash(entry)) + "\",\"entry\":\""
                + b64(entry) + "\"}";
    }

    String inclusionJson(long index, long size) {
        List<byte[]> path = ProofPlan.inclusion(index, size).assemble(servedNodes);
        return "{\"leaf_index\":" + index + ",\"tree_size\":" + size + ",\"leaf_hash\":\""
                + b64(servedNodes.get(new NodeId(0, index))) + "\",\"inclusion_path\":" + array(path) + "}";
    }

    String consistencyJson(long oldSize, long newSize) {
        List<byte[]> path = ProofPlan.consistency(oldSize, newSize).assemble(servedNodes);
        return "{\"first\":" + oldSize + ",\"second\":" + newSize + ",\"consistency_path\":" + array(path) + "}";
    }

    private static String array(List<byte[]> hashes) {
        List<String> quoted = new ArrayList<>();
        for (byte[] hash : hashes) {
            quoted.add("\"" + b64(hash) + "\"");
        }
        return "[" + String.join(",", quoted) + "]";
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
