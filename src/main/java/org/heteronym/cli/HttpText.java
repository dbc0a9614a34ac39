package org.heteronym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Locale;

/** What the command-line clients say about HTTP failures, shared so every command words them the same way. */
public final class HttpText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpText() {
    }

    /** The first non-empty message along the cause chain (the JDK often leaves the outer one empty). */
    public static String firstMessage(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return throwable.getClass().getSimpleName();
    }

    public static boolean inCauses(Throwable throwable, Class<? extends Throwable> type) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** ": title: detail" of an RFC 9457 problem document, if that is what the error body is; else "". */
    public static String problemDetail(HttpResponse<?> response, byte[] body) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/problem+json")) {
            return "";
        }
        try {
            JsonNode problem = JSON.readTree(body);
            StringBuilder text = new StringBuilder();
            if (problem.hasNonNull("title")) {
                text.append(": ").append(problem.get("title").asText());
            }
            if (problem.hasNonNull("detail")) {
                text.append(": ").append(problem.get("detail").asText());
            }
            return printable(text.toString());
        } catch (IOException | RuntimeException e) {
            return " (unparseable problem document)";
        }
    }

    /** Keeps server-chosen text from writing control sequences to the user's terminal. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 500));
        text.codePoints().limit(500).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return out.toString();
    }
}
