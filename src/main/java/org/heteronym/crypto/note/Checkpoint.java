package org.heteronym.crypto.note;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The body of a C2SP transparency log checkpoint (c2sp.org/tlog-checkpoint, "Note text"): origin, tree size,
 * root hash and optional extension lines.
 *
 * <p>Security guarantees: none. A {@code Checkpoint} is just parsed or constructed text; only a
 * {@link VerifiedCheckpoint} says the log signed it. {@link #parse} is strict so that one checkpoint has one
 * text: decimal size without sign or leading zeros, canonical base64 of exactly 32 bytes, non-empty lines.
 *
 * @param origin     the log's identity, e.g. {@code heteronym.example/log}; non-empty, one line
 * @param size       number of leaves
 * @param rootHash   RFC 9162 {@code MTH} of those leaves, 32 bytes (defensively copied)
 * @param extensions opaque extension lines, each non-empty; NOT RECOMMENDED by the spec, usually empty
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    private static final Pattern TREE_SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final int ROOT_HASH_BYTES = 32;

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(extensions, "extensions");
        requireLine(origin, "origin");
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " is negative");
        }
        if (rootHash.length != ROOT_HASH_BYTES) {
            throw new IllegalArgumentException("root hash has " + rootHash.length + " bytes, expected 32");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String extension : extensions) {
            requireLine(extension, "extension line");
        }
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    private static void requireLine(String line, String what) {
        if (line.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        String problem = SignedNoteFormat.textProblem(line);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem);
        }
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " contains a newline");
        }
    }

    /** A copy of the root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: {@code origin\nsize\nbase64(root)\n} followed by each extension line and a newline. */
    public String body() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        for (String extension : extensions) {
            text.append(extension).append('\n');
        }
        return text.toString();
    }

    /**
     * Parses a checkpoint note text (the signed text, not the whole signed note).
     *
     * @throws NoteException if it is not exactly a checkpoint body
     */
    public static Checkpoint parse(String body) throws NoteException {
        if (body == null || body.isEmpty() || !body.endsWith("\n")) {
            throw new NoteException("malformed checkpoint: text must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new NoteException("malformed checkpoint: expected origin, tree size and root hash lines, got "
                    + lines.length + " lines");
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new NoteException("malformed checkpoint: line " + (i + 1) + " is empty");
            }
        }
        if (!TREE_SIZE.matcher(lines[1]).matches()) {
            throw new NoteException("malformed checkpoint: tree size \"" + lines[1]
                    + "\" is not a decimal number without sign or leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new NoteException("malformed checkpoint: tree size " + lines[1] + " is too large");
        }
        byte[] root;
        try {
            root = SignedNoteFormat.decodeBase64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteException("malformed checkpoint: root hash is not canonical base64");
        }
        if (root.length != ROOT_HASH_BYTES) {
            throw new NoteException("malformed checkpoint: root hash has " + root.length + " bytes, expected 32");
        }
        List<String> extensions = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length));
        try {
            return new Checkpoint(lines[0], size, root, extensions);
        } catch (IllegalArgumentException e) {
            throw new NoteException("malformed checkpoint: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other && origin.equals(other.origin) && size == other.size
                && Arrays.equals(rootHash, other.rootHash) && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root "
                + Base64.getEncoder().encodeToString(rootHash) + (extensions.isEmpty() ? "" : ", " + extensions) + "]";
    }
}
