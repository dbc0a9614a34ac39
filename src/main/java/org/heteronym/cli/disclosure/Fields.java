package org.heteronym.cli.disclosure;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Base64;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;

/** Strict reads of JSON fields; every fault names the field and where it came from. */
final class Fields {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode json;
    private final String where;

    Fields(JsonNode json, String where) {
        this.json = json;
        this.where = where;
    }

    static Fields parse(byte[] bytes, String where) throws DisclosureCheckException {
        try {
            JsonNode json = JSON.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw new DisclosureCheckException(where + " is not a JSON object");
            }
            return new Fields(json, where);
        } catch (IOException e) {
            throw new DisclosureCheckException(where + " is not valid JSON");
        }
    }

    JsonNode node() {
        return json;
    }

    boolean has(String field) {
        return json.hasNonNull(field);
    }

    void requireKind(String kind) throws DisclosureCheckException {
        if (!kind.equals(json.path("kind").asText())) {
            throw new DisclosureCheckException(where + " is not a " + kind + " entry");
        }
    }

    String text(String field) throws DisclosureCheckException {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new DisclosureCheckException(where + ": \"" + field + "\" is missing or not a string");
        }
        return value.textValue();
    }

    long integer(String field) throws DisclosureCheckException {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new DisclosureCheckException(where + ": \"" + field + "\" is missing or not an integer");
        }
        return value.longValue();
    }

    byte[] base64(String field) throws DisclosureCheckException {
        try {
            return Base64.getDecoder().decode(text(field));
        } catch (IllegalArgumentException e) {
            throw new DisclosureCheckException(where + ": \"" + field + "\" is not base64");
        }
    }

    Hash32 hex(String field) throws DisclosureCheckException {
        String text = text(field);
        if (!text.matches("[0-9a-f]{64}")) {
            throw new DisclosureCheckException(where + ": \"" + field + "\" is not 64 lowercase hex digits");
        }
        return Hash32.fromHex(text);
    }

    Point point(String field) throws DisclosureCheckException {
        try {
            return Point.decode(base64(field));
        } catch (MalformedEncodingException e) {
            throw new DisclosureCheckException(where + ": \"" + field + "\" is not a P-256 point");
        }
    }

    Fields object(String field) throws DisclosureCheckException {
        JsonNode value = json.get(field);
        if (value == null || !value.isObject()) {
            throw new DisclosureCheckException(where + ": \"" + field + "\" is missing or not an object");
        }
        return new Fields(value, where + "." + field);
    }
}
