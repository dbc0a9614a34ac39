package org.heteronym.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.heteronym.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

/** SIGKILLs the packaged service while appends and integration are running, then restarts it. */
class LogRestartIT {

    private static final Pattern MARK = Pattern.compile("\"statement\":\"restart (\\d+-\\d+-\\d+)\"");

    @Test
    void killingTheServiceMidBatchLosesNoCommittedAppend() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Random random = new Random(7);
        try (ServiceProcess service = ServiceProcess.startFresh("heteronym_it_restart")) {
            String token = service.operatorToken();
            for (int round = 0; round < 3; round++) {
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService writers = Executors.newFixedThreadPool(8);
                for (int t = 0; t < 8; t++) {
                    String prefix = round + "-" + t + "-";
                    writers.submit(() -> {
                        for (int i = 0; running.get() && i < 5_000; i++) {
                            if (service.append("restart " + prefix + i, token)) {
                                acknowledged.add(prefix + i);
                            }
                        }
                    });
                }
                // kill only once this round's load is really running, then at a random moment
                int before = acknowledged.size();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (acknowledged.size() < before + 50 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(random.nextInt(1_000));
                service.kill();
                running.set(false);
                writers.shutdown();
                assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
                service.start();
            }
            assertTrue(acknowledged.size() >= 150, "the load really ran: " + acknowledged.size() + " appends");

            try (Connection db = ServiceProcess.database(service.schema())) {
                long pending = awaitNoPending(db);
                assertEquals(0, pending, "every committed append was integrated after the restarts");
                Map<String, Integer> found = new HashMap<>();
                long expectedIndex = 0;
                try (ResultSet rows = db.createStatement().executeQuery("select idx, entry from log_entry order by idx")) {
                    while (rows.next()) {
                        assertEquals(expectedIndex++, rows.getLong(1), "no gap, no duplicate index");
                        Matcher mark = MARK.matcher(new String(rows.getBytes(2), StandardCharsets.UTF_8));
                        if (mark.find()) {
                            found.merge(mark.group(1), 1, Integer::sum);
                        }
                    }
                }
                for (String append : acknowledged) {
                    assertEquals(1, found.getOrDefault(append, 0), "acknowledged append " + append);
                }
                assertTrue(found.values().stream().allMatch(n -> n == 1), "nothing integrated twice");
                service.awaitSize(expectedIndex);
            }
        }
    }

    private static long awaitNoPending(Connection db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long pending;
        do {
            try (ResultSet rows = db.createStatement().executeQuery("select count(*) from log_pending")) {
                rows.next();
                pending = rows.getLong(1);
            }
            if (pending > 0) {
                Thread.sleep(100);
            }
        } while (pending > 0 && System.nanoTime() < deadline);
        return pending;
    }
}
