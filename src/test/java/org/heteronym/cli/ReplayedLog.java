package org.heteronym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.heteronym.crypto.note.NoteVerifier;
import org.heteronym.crypto.note.VerifiedCheckpoint;

/**
 * TEST ONLY: what the log holds, counted by the auditor's own replay ({@link LogAuditor#replay}, as {@code heteronym
 * audit replay} runs it) from the public tiles and entry bundles up to the newest signed checkpoint, so that a test
 * counts what an outside auditor would see, never what the service's database says.
 *
 * @param size       the entries replayed: the newest checkpoint's size
 * @param kinds      how many entries of each {@code kind}
 * @param statements how often each operator statement ({@code operator.statement} entries) occurs
 */
public record ReplayedLog(long size, Map<String, Integer> kinds, Map<String, Integer> statements) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Replays the whole log at {@code logUrl} under {@code vkey}; throws if the replay fails any check. */
    public static ReplayedLog replay(String logUrl, String vkey) throws Exception {
        Map<String, Integer> kinds = new HashMap<>();
        Map<String, Integer> statements = new HashMap<>();
        try (LogClient client = new LogClient(URI.create(logUrl), Duration.ofSeconds(30))) {
            LogAuditor auditor = new LogAuditor(client, NoteVerifier.fromVkey(vkey),
                    new PrintWriter(new StringWriter()));
            VerifiedCheckpoint checkpoint = auditor.newestCheckpoint();
            // The visitor sees each entry after its tile check; counts are only trusted once replay returned.
            long size = auditor.replay(checkpoint, (index, entry, tree) -> {
                JsonNode fields = parse(entry);
                String kind = fields.path("kind").asText();
                kinds.merge(kind, 1, Integer::sum);
                if (kind.equals("operator.statement")) {
                    statements.merge(fields.get("statement").asText(), 1, Integer::sum);
                }
            });
            return new ReplayedLog(size, Map.copyOf(kinds), Map.copyOf(statements));
        }
    }

    public int count(String kind) {
        return kinds.getOrDefault(kind, 0);
    }

    private static JsonNode parse(byte[] entry) {
        try {
            return JSON.readTree(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // cannot happen: the replay checked it is canonical JSON first
        }
    }
}
