package org.heteronym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;

/**
 * Strict reads of one log entry's fields for the disclosure audit: a missing field or one of the wrong type is a
 * {@link EntryProblem} naming the field, so that a finding says exactly what the entry got wrong. Encodings are those
 * of docs/disclosure.md §5: byte strings standard base64, digests lowercase hex, dates {@code YYYY-MM-DD}.
 */
final class EntryFields {

    private final JsonNode json;

    EntryFields(JsonNode json) {
        this.json = json;
    }

    String kind() {
        return json.path("kind").asText();
    }

    boolean has(String field) {
        return json.has(field);
    }

    String text(String field) throws EntryProblem {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new EntryProblem("\"" + field + "\" is not a non-empty string");
        }
        return value.textValue();
    }

    /** A non-negative integer (a log index, a size or a version). */
    long count(String field) throws EntryProblem {
        return count(json.get(field), field);
    }

    private static long count(JsonNode value, String field) throws EntryProblem {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new EntryProblem("\"" + field + "\" is not a non-negative integer");
        }
        return value.longValue();
    }

    /** An integer in {@code min..max}, such as a trustee index or a threshold. */
    int bounded(String field, int min, int max) throws EntryProblem {
        long value = count(field);
        if (value < min || value > max) {
            throw new EntryProblem("\"" + field + "\" is " + value + ", not in " + min + ".." + max);
        }
        return (int) value;
    }

    LocalDate date(String field) throws EntryProblem {
        String text = text(field);
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new EntryProblem("\"" + field + "\" is not a date YYYY-MM-DD");
    }

    Hash32 hex32(String field) throws EntryProblem {
        String text = text(field);
        if (!text.matches("[0-9a-f]{64}")) {
            throw new EntryProblem("\"" + field + "\" is not 64 lowercase hex digits");
        }
        return Hash32.fromHex(text);
    }

    byte[] base64(String field) throws EntryProblem {
        try {
            return Base64.getDecoder().decode(text(field));
        } catch (IllegalArgumentException e) {
            throw new EntryProblem("\"" + field + "\" is not standard base64");
        }
    }

    Point point(String field) throws EntryProblem {
        try {
            return Point.decode(base64(field));
        } catch (MalformedEncodingException e) {
            throw new EntryProblem("\"" + field + "\" is not a compressed P-256 point: " + e.getMessage());
        }
    }

    /** An array of non-negative integers. */
    List<Long> counts(String field) throws EntryProblem {
        List<Long> out = new ArrayList<>();
        for (JsonNode element : array(field)) {
            out.add(count(element, field + "[]"));
        }
        return out;
    }

    /** An array of strings. */
    List<String> texts(String field) throws EntryProblem {
        List<String> out = new ArrayList<>();
        for (JsonNode element : array(field)) {
            if (!element.isTextual()) {
                throw new EntryProblem("\"" + field + "\" holds a value that is not a string");
            }
            out.add(element.textValue());
        }
        return out;
    }

    /** An object member, for nested reads. */
    JsonNode object(String field) throws EntryProblem {
        JsonNode value = json.get(field);
        if (value == null || !value.isObject()) {
            throw new EntryProblem("\"" + field + "\" is not an object");
        }
        return value;
    }

    private JsonNode array(String field) throws EntryProblem {
        JsonNode value = json.get(field);
        if (value == null || !value.isArray()) {
            throw new EntryProblem("\"" + field + "\" is not an array");
        }
        return value;
    }
}
