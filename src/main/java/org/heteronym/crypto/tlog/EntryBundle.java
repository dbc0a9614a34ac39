package org.heteronym.crypto.tlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Entry bundles: "sequences of big-endian uint16 length-prefixed log entries" (c2sp.org/tlog-tiles, "Log
 * entries"), one bundle per level-0 tile, each entry hashing to the matching leaf hash of that tile.
 *
 * <p>Security guarantees: {@link #decode} is strict: exactly the expected number of entries, no truncated
 * entry, no trailing bytes. It checks form only; whether the entries are the logged ones is established by
 * comparing their leaf hashes with a tile verified against a checkpoint.
 */
public final class EntryBundle {

    /** The largest entry a uint16 length prefix can describe. */
    public static final int MAX_ENTRY_BYTES = 0xFFFF;

    private EntryBundle() {
    }

    /**
     * Encodes 1 to 256 entries.
     *
     * @throws IllegalArgumentException if there are no entries, more than 256, or one is over 65535 bytes
     */
    public static byte[] encode(List<byte[]> entries) {
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty() || entries.size() > Tiles.WIDTH) {
            throw new IllegalArgumentException("an entry bundle holds 1 to 256 entries, got " + entries.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < entries.size(); i++) {
            byte[] entry = Objects.requireNonNull(entries.get(i), "entry");
            if (entry.length > MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("entry " + i + " has " + entry.length + " bytes, more than "
                        + MAX_ENTRY_BYTES);
            }
            out.write(entry.length >>> 8);
            out.write(entry.length & 0xFF);
            out.write(entry, 0, entry.length);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a bundle that must hold exactly {@code expectedCount} entries.
     *
     * @throws TileException if the bundle is truncated, holds more or fewer entries, or has trailing bytes
     */
    public static List<byte[]> decode(byte[] bundle, int expectedCount) throws TileException {
        Objects.requireNonNull(bundle, "bundle");
        if (expectedCount < 1 || expectedCount > Tiles.WIDTH) {
            throw new IllegalArgumentException("an entry bundle holds 1 to 256 entries, not " + expectedCount);
        }
        List<byte[]> entries = new ArrayList<>(expectedCount);
        int offset = 0;
        for (int i = 0; i < expectedCount; i++) {
            if (bundle.length - offset < 2) {
                throw new TileException("entry bundle ends after " + i + " of " + expectedCount + " entries");
            }
            int length = ((bundle[offset] & 0xFF) << 8) | (bundle[offset + 1] & 0xFF);
            offset += 2;
            if (bundle.length - offset < length) {
                throw new TileException("entry " + i + " of the bundle is truncated: " + length + " bytes announced, "
                        + (bundle.length - offset) + " present");
            }
            byte[] entry = new byte[length];
            System.arraycopy(bundle, offset, entry, 0, length);
            entries.add(entry);
            offset += length;
        }
        if (offset != bundle.length) {
            throw new TileException("entry bundle has " + (bundle.length - offset) + " bytes after its "
                    + expectedCount + " entries");
        }
        return List.copyOf(entries);
    }
}
