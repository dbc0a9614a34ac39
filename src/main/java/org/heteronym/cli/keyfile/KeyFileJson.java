package org.heteronym.cli.keyfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;

/**
 * Strict readers of a key file's JSON fields: a wrong type, an extra or a missing field is an error naming the file
 * and the kind of key file it should have been.
 */
final class KeyFileJson {

    private final String name;
    private final String what;

    /** For file {@code name}, which should be a {@code what} ("trustee key file", "officer key file"). */
    KeyFileJson(String name, String what) {
        this.name = name;
        this.what = what;
    }

    KeyFileException malformed(String why) {
        return new KeyFileException("key file " + name + " is not a valid " + what + ": " + why);
    }

    void requireFields(JsonNode object, Set<String> expected, String prefix) throws KeyFileException {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!expected.contains(field)) {
                throw malformed("unexpected field \"" + prefix + field + "\"");
            }
        }
        for (String field : expected) {
            if (!object.has(field)) {
                throw malformed("missing field \"" + prefix + field + "\"");
            }
        }
    }

    String text(JsonNode object, String field) throws KeyFileException {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed("\"" + field + "\" is not a string");
        }
        return value.textValue();
    }

    int integer(JsonNode object, String field) throws KeyFileException {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw malformed("\"" + field + "\" is not an integer");
        }
        return value.intValue();
    }

    byte[] base64(JsonNode object, String field) throws KeyFileException {
        try {
            return Base64.getDecoder().decode(text(object, field));
        } catch (IllegalArgumentException e) {
            throw malformed("\"" + field + "\" is not valid base64");
        }
    }
}
