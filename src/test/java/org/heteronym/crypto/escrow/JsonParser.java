package org.heteronym.crypto.escrow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TEST ONLY: the parsing half of {@link Json} (objects keep order, numbers are longs). */
final class JsonParser {
    private JsonParser() {}

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
