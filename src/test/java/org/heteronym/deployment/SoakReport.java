package org.heteronym.deployment;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.heteronym.benchmark.Stats;

/** The soak's figures, as the one "Soak: …" line that CI logs and the README quotes. */
record SoakReport(long seed, int clients, int forums, Duration setUp, Duration load,
                  Map<SoakOperation, Stats> latencies, int failures, long logSize, int envelopes, int pseudonyms,
                  int appends, int members, int audits) {

    long operations() {
        return latencies.values().stream().mapToLong(Stats::count).sum() + failures;
    }

    double perSecond() {
        return operations() / (load.toMillis() / 1000.0);
    }

    String line() {
        String perOperation = latencies.entrySet().stream()
                .map(e -> String.format("%s %d (p50 %.0f ms, p99 %.0f ms)", e.getKey().label, e.getValue().count(),
                        e.getValue().p50(), e.getValue().p99()))
                .collect(Collectors.joining(", "));
        return String.format("Soak: seed %d, %d clients, %d forums, set up in %.1f s, load %.1f s: %d operations,"
                        + " %.1f/s, %d failed; %s;"
                        + " afterwards the log held %d entries: %d envelopes for %d pseudonyms handed out,"
                        + " %d appends acknowledged, %d members enrolled, %d audits passed during the load",
                seed, clients, forums, setUp.toMillis() / 1000.0, load.toMillis() / 1000.0, operations(), perSecond(),
                failures, perOperation,
                logSize, envelopes, pseudonyms, appends, members, audits);
    }
}
