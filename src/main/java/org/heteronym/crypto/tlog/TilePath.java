package org.heteronym.crypto.tlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tlog-tiles resource path: a hash tile {@code tile/<L>/<N>[.p/<W>]} or an entry bundle
 * {@code tile/entries/<N>[.p/<W>]} (c2sp.org/tlog-tiles, "Merkle Tree" and "Log entries").
 *
 * <p>{@code N} is written as zero-padded 3-digit path elements, all but the last prefixed with {@code x}:
 * index 1234067 is {@code x001/x234/067}. {@link #parse} accepts only the one canonical spelling of each path
 * (it re-encodes and compares), so a cache or file system keyed by path cannot be confused by aliases.
 *
 * @param entryBundle true for {@code tile/entries/...}, false for a hash tile
 * @param level       tile level, 0 to 63; always 0 for entry bundles (they pair with level-0 tiles)
 * @param index       tile index {@code N} within its level, non-negative
 * @param width       number of hashes or entries, 1 to 256; 256 is a full tile, anything less a partial one
 */
public record TilePath(boolean entryBundle, int level, long index, int width) {

    /** The largest level tlog-tiles allows. */
    public static final int MAX_LEVEL = 63;

    private static final Pattern PATH = Pattern.compile(
            "tile/(entries|0|[1-9][0-9]?)/((?:x[0-9]{3}/){0,6})([0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

    public TilePath {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("tile level " + level + " is outside [0, " + MAX_LEVEL + "]");
        }
        if (entryBundle && level != 0) {
            throw new IllegalArgumentException("entry bundles have no level");
        }
        if (index < 0) {
            throw new IllegalArgumentException("tile index " + index + " is negative");
        }
        if (width < 1 || width > Tiles.WIDTH) {
            throw new IllegalArgumentException("tile width " + width + " is outside [1, " + Tiles.WIDTH + "]");
        }
    }

    /** The hash tile {@code tile/<level>/<index>}, partial if {@code width < 256}. */
    public static TilePath hashTile(int level, long index, int width) {
        return new TilePath(false, level, index, width);
    }

    /** The entry bundle {@code tile/entries/<index>}, partial if {@code width < 256}. */
    public static TilePath entryBundle(long index, int width) {
        return new TilePath(true, 0, index, width);
    }

    public boolean isFull() {
        return width == Tiles.WIDTH;
    }

    /** The path relative to the log prefix, e.g. {@code tile/0/x001/x234/067.p/8}. */
    public String path() {
        StringBuilder path = new StringBuilder("tile/").append(entryBundle ? "entries" : Integer.toString(level))
                .append('/').append(encodeIndex(index));
        if (!isFull()) {
            path.append(".p/").append(width);
        }
        return path.toString();
    }

    /**
     * Parses a path relative to the log prefix.
     *
     * @throws TileException if it is not the canonical spelling of a tile or entry bundle path
     */
    public static TilePath parse(String path) throws TileException {
        if (path == null || path.length() > 64) {
            throw new TileException("not a tile path");
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw new TileException("not a tile path: " + path);
        }
        boolean entries = m.group(1).equals("entries");
        int level = entries ? 0 : Integer.parseInt(m.group(1));
        if (level > MAX_LEVEL) {
            throw new TileException("tile level " + level + " is above " + MAX_LEVEL + ": " + path);
        }
        long index = 0;
        String[] groups = (m.group(2) + m.group(3)).split("/");
        try {
            for (String group : groups) {
                int digits = Integer.parseInt(group.startsWith("x") ? group.substring(1) : group);
                index = Math.addExact(Math.multiplyExact(index, 1000L), digits);
            }
        } catch (ArithmeticException e) {
            throw new TileException("tile index is too large: " + path);
        }
        int width = Tiles.WIDTH;
        if (m.group(4) != null) {
            width = Integer.parseInt(m.group(4));
            if (width >= Tiles.WIDTH) {
                throw new TileException("partial tile width " + width + " is not below " + Tiles.WIDTH + ": " + path);
            }
        }
        TilePath parsed = new TilePath(entries, level, index, width);
        // The index encoding has exactly one spelling: no leading x000 elements.
        if (!parsed.path().equals(path)) {
            throw new TileException("not the canonical spelling of " + parsed.path() + ": " + path);
        }
        return parsed;
    }

    /** {@code N} as 3-digit elements, all but the last prefixed with {@code x} (tlog-tiles, "Merkle Tree"). */
    static String encodeIndex(long index) {
        StringBuilder encoded = new StringBuilder(String.format("%03d", index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            encoded.insert(0, String.format("x%03d/", rest % 1000));
        }
        return encoded.toString();
    }

    @Override
    public String toString() {
        return path();
    }
}
