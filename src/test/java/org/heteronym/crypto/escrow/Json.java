package org.heteronym.crypto.escrow;

import java.util.List;
import java.util.Map;

/**
 * TEST ONLY: a minimal JSON writer and parser for the test-vector files (objects keep insertion order; numbers
 * are longs). Kept here so the escrow tests depend on nothing but the JDK and Bouncy Castle. Public so that the
 * DKG tests and vectors use the same writer and parser.
 */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            int k = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(k++ == 0 ? "\n" : ",\n").append("  ".repeat(indent + 1));
                write(sb, e.getKey().toString(), 0);
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
            }
            sb.append(m.isEmpty() ? "" : "\n" + "  ".repeat(indent)).append('}');
        } else if (v instanceof List<?> l) {
            boolean flat = l.stream().allMatch(x -> !(x instanceof Map) && !(x instanceof List));
            sb.append('[');
            for (int k = 0; k < l.size(); k++) {
                sb.append(k == 0 ? "" : ",");
                sb.append(flat ? (k == 0 ? "" : " ") : "\n" + "  ".repeat(indent + 1));
                write(sb, l.get(k), indent + 1);
            }
            sb.append(flat || l.isEmpty() ? "" : "\n" + "  ".repeat(indent)).append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass());
        }
    }

    public static Object parse(String text) {
        return JsonParser.parse(text);
    }
}
