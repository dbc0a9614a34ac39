package org.heteronym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rule 5 of docs/disclosure.md §7: the counts a {@code transparency.report} must state, recomputed from the entries
 * it covers: per period, the {@code disclosure.filed}, {@code .released}, {@code .refused}, {@code .expired} and
 * {@code .withdrawn} entries dated in it, up to the report's {@code through_index}, in total and by court anchor.
 * Entries count whether or not they broke another rule: the report counts what the log holds.
 */
final class TransparencyCounts {

    static final List<String> KEYS = List.of("filed", "released", "refused", "expired", "withdrawn");

    private record Event(long index, String key, LocalDate date, String anchor) {
    }

    private final List<Event> events = new ArrayList<>();

    /** Records a counted entry; {@code anchor} is null when the entry names no known request. */
    void record(long index, String key, LocalDate date, String anchor) {
        events.add(new Event(index, key, date, anchor));
    }

    /** Where the report's counts differ from the entries; empty when they match. */
    List<String> mismatches(String period, long throughIndex, JsonNode totals, JsonNode byAnchor) {
        long[] total = new long[KEYS.size()];
        Map<String, long[]> perAnchor = new TreeMap<>();
        for (Event event : events) {
            if (event.index() > throughIndex || !period.equals(event.date().toString().substring(0, 7))) {
                continue;
            }
            int key = KEYS.indexOf(event.key());
            total[key]++;
            if (event.anchor() != null) {
                perAnchor.computeIfAbsent(event.anchor(), a -> new long[KEYS.size()])[key]++;
            }
        }
        List<String> out = new ArrayList<>(compare("totals", totals, total));
        TreeSet<String> anchors = new TreeSet<>(perAnchor.keySet());
        for (Iterator<String> it = byAnchor.fieldNames(); it.hasNext();) {
            anchors.add(it.next());
        }
        for (String anchor : anchors) {
            // An anchor the report leaves out is one it says had nothing: all zero.
            JsonNode reported = byAnchor.has(anchor) ? byAnchor.get(anchor) : null;
            out.addAll(compare("by_anchor." + anchor, reported, perAnchor.getOrDefault(anchor, new long[KEYS.size()])));
        }
        return out;
    }

    private static List<String> compare(String name, JsonNode reported, long[] expected) {
        List<String> out = new ArrayList<>();
        if (reported == null) {
            if (Arrays.stream(expected).anyMatch(n -> n != 0)) {
                out.add(name + " is missing, but the entries give " + describe(expected));
            }
            return out;
        }
        if (!reported.isObject()) {
            out.add(name + " is not an object");
            return out;
        }
        for (int k = 0; k < KEYS.size(); k++) {
            JsonNode value = reported.get(KEYS.get(k));
            if (value == null || !value.isIntegralNumber()) {
                out.add(name + "." + KEYS.get(k) + " is not an integer");
            } else if (value.asLong() != expected[k]) {
                out.add(name + "." + KEYS.get(k) + " is " + value.asLong() + ", the entries give " + expected[k]);
            }
        }
        return out;
    }

    private static String describe(long[] counts) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < KEYS.size(); k++) {
            parts.add(KEYS.get(k) + " " + counts[k]);
        }
        return String.join(", ", parts);
    }
}
