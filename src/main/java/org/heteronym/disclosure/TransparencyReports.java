package org.heteronym.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;

/**
 * The monthly transparency report (docs/disclosure.md §5): how many requests were filed, released, refused, expired
 * and withdrawn, in all and per court anchor, counted from the log itself so that any auditor can recompute it.
 */
@ApplicationScoped
public class TransparencyReports {

    static final Map<String, String> COUNTED = Map.of(
            "disclosure.filed", "filed",
            "disclosure.released", "released",
            "disclosure.refused", "refused",
            "disclosure.expired", "expired",
            "disclosure.withdrawn", "withdrawn");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;
    private final LogAppender log;

    TransparencyReports(Pool pool, LogAppender log) {
        this.pool = pool;
        this.log = log;
    }

    /** Appends last month's report unless some replica already did. True if this call appended it. */
    public Uni<Boolean> appendDue(LocalDate today) {
        return append(YearMonth.from(today).minusMonths(1));
    }

    public Uni<Boolean> append(YearMonth period) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        select idx, entry from log_entry
                        where position('"kind":"disclosure.' in convert_from(entry, 'UTF8')) > 0
                           or idx = (select max(idx) from log_entry)
                        order by idx""")
                .execute()
                .flatMap(rows -> {
                    Report report = count(rows, period);
                    if (report.throughIndex < 0) {
                        return Uni.createFrom().item(false);   // an empty log: nothing to count through yet
                    }
                    return conn.preparedQuery("insert into transparency_report (period, through_index, created_on)"
                                    + " values ($1, $2, $3) on conflict do nothing")
                            .execute(Tuple.of(period.toString(), report.throughIndex, LocalDate.now(ZoneOffset.UTC)))
                            .flatMap(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().item(false)
                                    : conn.preparedQuery("insert into log_pending (entry, shuffle) values ($1, false)")
                                            .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(
                                                    report.entry(period).bytes())))
                                            .replaceWith(true));
                }));
    }

    private record Report(Map<String, Integer> totals, Map<String, Map<String, Integer>> byAnchor, long throughIndex) {
        LogEntry entry(YearMonth period) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("period", period.toString());
            fields.put("totals", totals);
            fields.put("by_anchor", byAnchor);
            fields.put("through_index", throughIndex);
            fields.put("date", LocalDate.now(ZoneOffset.UTC).toString());
            return LogEntry.of(EntryKind.TRANSPARENCY_REPORT, fields);
        }
    }

    /** Counts the disclosure entries among {@code rows}; the last row is the log's newest entry, counted through. */
    private static Report count(Iterable<Row> rows, YearMonth period) {
        Map<String, String> anchorOfRequest = new HashMap<>();
        Map<String, Integer> totals = zero();
        Map<String, Map<String, Integer>> byAnchor = new TreeMap<>();
        long through = -1;
        for (Row row : rows) {
            through = row.getLong(0);
            JsonNode entry = parse(row.getBuffer(1).getBytes());
            String kind = entry.path("kind").asText();
            String request = entry.path("request").asText();
            if (kind.equals("disclosure.filed")) {
                anchorOfRequest.put(request, entry.path("anchor").asText());
            }
            String counter = COUNTED.get(kind);
            if (counter == null || !YearMonth.from(LocalDate.parse(entry.path("date").asText())).equals(period)) {
                continue;
            }
            totals.merge(counter, 1, Integer::sum);
            String anchor = anchorOfRequest.getOrDefault(request, "unknown");
            byAnchor.computeIfAbsent(anchor, a -> zero()).merge(counter, 1, Integer::sum);
        }
        return new Report(totals, byAnchor, through);
    }

    private static Map<String, Integer> zero() {
        Map<String, Integer> counts = new TreeMap<>();
        COUNTED.values().forEach(name -> counts.put(name, 0));
        return counts;
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("an integrated log entry is not JSON", e);
        }
    }
}
