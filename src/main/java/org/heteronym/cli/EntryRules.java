package org.heteronym.cli;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * What every Heteronym log entry must look like: an RFC 8785 (JCS) canonical JSON object with a non-empty
 * string {@code kind} and an integer {@code v}; entry 0, and only entry 0, is the genesis entry
 * {@code {"kind":"log.genesis", "origin": <the log's origin>, "vkey": <the log's vkey>, ...}}.
 *
 * <p>Security guarantees: canonical form is checked by re-canonicalising and comparing bytes, so an entry has
 * exactly one byte encoding and two auditors reading the same JSON agree on the leaf hash. Duplicate member
 * names, which JSON parsers resolve differently, are refused. The genesis check binds the tree to this log's
 * identity and key from its first leaf.
 */
final class EntryRules {

    static final String GENESIS_KIND = "log.genesis";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EntryRules() {
    }

    /**
     * Checks entry {@code index}.
     *
     * @return null if the entry is fine, otherwise what is wrong with it
     */
    static String problem(long index, byte[] entry, String origin, String vkey) {
        JsonNode json;
        try {
            json = JSON.readTree(entry);
        } catch (IOException e) {
            return "not valid JSON";
        }
        if (json == null || !json.isObject()) {
            return "not a JSON object";
        }
        try {
            byte[] canonical = new JsonCanonicalizer(new String(entry, StandardCharsets.UTF_8)).getEncodedUTF8();
            if (!Arrays.equals(canonical, entry)) {
                return "not RFC 8785 canonical JSON";
            }
        } catch (IOException | RuntimeException e) {
            return "not RFC 8785 canonical JSON (" + LogOptions.describe(e) + ")";
        }
        JsonNode kind = json.get("kind");
        if (kind == null || !kind.isTextual() || kind.textValue().isEmpty()) {
            return "\"kind\" is not a non-empty string";
        }
        JsonNode version = json.get("v");
        if (version == null || !version.isIntegralNumber()) {
            return "\"v\" is not an integer";
        }
        boolean genesis = GENESIS_KIND.equals(kind.textValue());
        if (index == 0) {
            if (!genesis) {
                return "entry 0 is not the genesis entry (kind \"" + HttpText.printable(kind.textValue()) + "\")";
            }
            if (!textEquals(json, "origin", origin)) {
                return "genesis entry does not name the log's origin \"" + origin + "\"";
            }
            if (!textEquals(json, "vkey", vkey)) {
                return "genesis entry does not name the trusted vkey";
            }
        } else if (genesis) {
            return "a second genesis entry";
        }
        return null;
    }

    private static boolean textEquals(JsonNode json, String field, String expected) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() && value.textValue().equals(expected);
    }
}
