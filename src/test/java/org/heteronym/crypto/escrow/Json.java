package org.heteronym.crypto.escrow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TEST ONLY: a minimal JSON writer and parser for the test-vector files (objects keep insertion order; numbers
 * are longs). Kept here so the escrow tests depend on nothing but the JDK and Bouncy Castle.
 */
final class Json {
    private Json() {}

    static String write(Object value) {
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

    static Object parse(String text) {
        Parser p = new Parser(text);
        Object v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("trailing data at " + p.pos);
        }
        return v;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Object value() {
            skipSpace();
            char c = s.charAt(pos);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                pos++;
                skipSpace();
                if (s.charAt(pos) == '}') {
                    pos++;
                    return m;
                }
                do {
                    skipSpace();
                    String key = (String) value();
                    skipSpace();
                    expect(':');
                    m.put(key, value());
                    skipSpace();
                } while (s.charAt(pos++) == ',');
                check(s.charAt(pos - 1) == '}');
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                pos++;
                skipSpace();
                if (s.charAt(pos) == ']') {
                    pos++;
                    return l;
                }
                do {
                    l.add(value());
                    skipSpace();
                } while (s.charAt(pos++) == ',');
                check(s.charAt(pos - 1) == ']');
                return l;
            }
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                pos++;
                while (s.charAt(pos) != '"') {
                    char ch = s.charAt(pos++);
                    if (ch == '\\') {
                        char e = s.charAt(pos++);
                        switch (e) {
                            case 'u' -> {
                                sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                                pos += 4;
                            }
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            default -> sb.append(e);
                        }
                    } else {
                        sb.append(ch);
                    }
                }
                pos++;
                return sb.toString();
            }
            for (String lit : new String[] {"null", "true", "false"}) {
                if (s.startsWith(lit, pos)) {
                    pos += lit.length();
                    return lit.equals("null") ? null : Boolean.valueOf(lit);
                }
            }
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '-')) {
                pos++;
            }
            check(pos > start);
            return Long.parseLong(s.substring(start, pos));
        }

        private void expect(char c) {
            check(s.charAt(pos++) == c);
        }

        private void check(boolean ok) {
            if (!ok) {
                throw new IllegalArgumentException("malformed JSON at " + pos);
            }
        }
    }
}
