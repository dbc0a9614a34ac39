package org.heteronym.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Finds integrated log entries through the public API, waiting (bounded) for integration. */
public final class LogSearch {

    private final LogClient log;

    public LogSearch(LogClient log) {
        this.log = log;
    }

    public static LogSearch forTestProfile() {
        return new LogSearch(LogClient.forTestProfile());
    }

    /** The size of the signed tree now (after the genesis entry is in). */
    public long size() {
        return log.awaitSize(1).size();
    }

    /** Waits for the integrated entry of {@code kind} (wire name) that mentions {@code needle}. */
    public String find(String kind, String needle) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long size = log.checkpoint().size();
            for (long i = size - 1; i >= 0 && i >= size - 50; i--) {
                String entry = new String(log.entry(i), StandardCharsets.UTF_8);
                if (entry.contains("\"kind\":\"" + kind + "\"") && entry.contains(needle)) {
                    return entry;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + kind + " entry for " + needle);
    }

    /**
     * Every entry from index {@code from} up to a marker statement appended now. Appends commit in order, so once the
     * marker is integrated so is every entry committed before it.
     */
    public List<String> entriesSince(long from) {
        long marker = log.appendAndWait("marker " + System.nanoTime()).getLong("index");
        List<String> entries = new ArrayList<>();
        for (long i = from; i < marker; i++) {
            entries.add(new String(log.entry(i), StandardCharsets.UTF_8));
        }
        return entries;
    }
}
