package org.heteronym.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

            assertEquals(0, service.awaitNothingPending(), "every committed append was integrated after the restarts");
            Map<String, Integer> found = service.integratedMarks(MARK);
            long size = found.remove("");
            for (String append : acknowledged) {
                assertEquals(1, found.getOrDefault(append, 0), "acknowledged append " + append);
            }
            assertTrue(found.values().stream().allMatch(n -> n == 1), "nothing integrated twice");
            service.awaitSize(size);
        }
    }
}
