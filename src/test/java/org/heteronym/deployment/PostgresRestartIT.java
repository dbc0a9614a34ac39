package org.heteronym.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.heteronym.testing.ExternalCommand;
import org.heteronym.testing.ServiceProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Restarts the machine's PostgreSQL under four concurrent appenders: the service is not restarted, appends go on,
 * nothing acknowledged is lost and nothing is answered as a 500 incident. It restarts the whole cluster, so it is
 * tagged {@code cluster} and failsafe runs it alone, after the other end-to-end tests (which run two at a time).
 */
@Tag("cluster")
class PostgresRestartIT {

    @Test
    void restartingPostgresqlMidLoadLosesNothingCommitted() throws Exception {
        try (ServiceProcess service = ServiceProcess.startFresh("heteronym_it_pg_restart")) {
            EscrowInvariants invariants = new EscrowInvariants(service);
            String token = service.operatorToken();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                String prefix = "pg restart " + t + "-";
                writers.submit(() -> {
                    for (int i = 0; running.get() && i < 20_000; i++) {
                        if (service.append(prefix + i, token)) {
                            acknowledged.add(prefix + i);
                        }
                    }
                });
            }
            awaitAtLeast(acknowledged, 20);
            int before = acknowledged.size();
            ExternalCommand restart = ExternalCommand.run(List.of("pg_ctlcluster", "--skip-systemctl-redirect",
                    postgresqlVersion(), "main", "restart", "-m", "fast"));
            assertEquals(0, restart.exitCode(), "PostgreSQL restarted (as root, as CI runs): " + restart);
            awaitAtLeast(acknowledged, before + 20);
            running.set(false);
            writers.shutdown();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
            int after = acknowledged.size();
            assertTrue(before >= 20 && after >= before + 20, "appends went on across the restart: " + before
                    + " before, " + after + " in all");
            assertTrue(service.isAlive(), "the service was not restarted by hand");
            assertEquals(List.of(), service.incidents(), "a database away answers 503, never a 500 incident");
            acknowledged.forEach(invariants::acknowledged);
            invariants.check("PostgreSQL restarted mid-load");
            System.out.println("PostgreSQL restart: " + after + " appends acknowledged (" + before
                    + " before the restart), all in the log");
        }
    }

    /** Waits, by progress and not by the clock, for the writers to have had {@code count} appends acknowledged. */
    private static void awaitAtLeast(Set<String> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static String postgresqlVersion() throws Exception {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString())
                    .max(Comparator.comparingInt(Integer::parseInt)).orElseThrow();
        }
    }
}
