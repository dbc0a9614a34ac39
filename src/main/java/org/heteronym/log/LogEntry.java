package org.heteronym.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * One log entry: an RFC 8785 canonical JSON object with {@code kind}, {@code v} and the kind's fields. Its bytes are
 * the Merkle leaf, so they are fixed at construction and never re-serialised.
 */
public final class LogEntry {

    /** Entries travel in tlog-tiles entry bundles, whose length prefix is a uint16. */
    public static final int MAX_BYTES = 65_535;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntryKind kind;
    private final byte[] bytes;

    private LogEntry(EntryKind kind, byte[] bytes) {
        this.kind = kind;
        this.bytes = bytes;
    }

    /**
     * @param fields the kind's fields; values are strings, integral numbers within ±2^53, booleans, lists and maps
     *               of those (RFC 8785 serialises other numbers in ways an auditor would have to reproduce).
     */
    public static LogEntry of(EntryKind kind, Map<String, ?> fields) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", kind.wireName());
        node.put("v", 1);
        fields.forEach((name, value) -> {
            if (name.equals("kind") || name.equals("v")) {
                throw new IllegalArgumentException("reserved field " + name);
            }
            node.set(name, JSON.valueToTree(value));
        });
        try {
            byte[] canonical = new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
            if (canonical.length > MAX_BYTES) {
                throw new IllegalArgumentException("log entry of " + canonical.length + " bytes exceeds " + MAX_BYTES);
            }
            return new LogEntry(kind, canonical);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EntryKind kind() {
        return kind;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogEntry other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
