package org.heteronym.cli.trustee;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;

/** Strict readers of the key file's JSON fields: a wrong type, an extra or a missing field is an error. */
final class KeyFileJson {

    private KeyFileJson() {
    }

    static TrusteeException malformed(String name, String why) {
        return TrusteeException.unavailable("key file " + name + " is not a valid trustee key file: " + why);
    }

    static void requireFields(JsonNode object, Set<String> expected, String name, String prefix)
            throws TrusteeException {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!expected.contains(field)) {
                throw malformed(name, "unexpected field \"" + prefix + field + "\"");
            }
        }
        for (String field : expected) {
            if (!object.has(field)) {
                throw malformed(name, "missing field \"" + prefix + field + "\"");
            }
        }
    }

    static String text(JsonNode object, String field, String name) throws TrusteeException {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed(name, "\"" + field + "\" is not a string");
        }
        return value.textValue();
    }

    static int integer(JsonNode object, String field, String name) throws TrusteeException {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw malformed(name, "\"" + field + "\" is not an integer");
        }
        return value.intValue();
    }

    static byte[] base64(JsonNode object, String field, String name) throws TrusteeException {
        try {
            return Base64.getDecoder().decode(text(object, field, name));
        } catch (IllegalArgumentException e) {
            throw malformed(name, "\"" + field + "\" is not valid base64");
        }
    }
}
