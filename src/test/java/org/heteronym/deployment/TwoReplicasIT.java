package org.heteronym.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.heteronym.testing.ExternalCommand;
import org.heteronym.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service on one database, as two pods of the Deployment: they answer as one issuer
 * with one key set, and their two log sequencers, running at once under concurrent appends to both, take turns and
 * build one log with every acknowledged entry exactly once, no gap, and checkpoints that auditors find consistent
 * whichever replica they ask.
 */
class TwoReplicasIT {

    private static final Pattern MARK = Pattern.compile("\"statement\":\"replicas (\\d+-\\d+)\"");

    @Test
    void twoReplicasServeOneIssuerAndBuildOneLog() throws Exception {
        Path state = Files.createDirectories(Path.of("target", "it", "replicas-state")).resolve("auditor.state");
        Files.deleteIfExists(state);
        try (ServiceProcess a = ServiceProcess.startFresh("heteronym_it_replicas");
             ServiceProcess b = ServiceProcess.startReplica(a)) {
            for (String path : List.of("/.well-known/openid-configuration", "/oidc/jwks", "/log/v1/vkey")) {
                assertEquals(a.get(path), b.get(path), path + " is the same at both replicas");
            }
            String vkey = a.vkey();

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            String token = a.operatorToken();
            ExecutorService writers = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                ServiceProcess replica = t % 2 == 0 ? a : b;
                int writer = t;
                writers.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        if (replica.append("replicas " + writer + "-" + i, token)) {
                            acknowledged.add(writer + "-" + i);
                        }
                    }
                });
            }
            writers.shutdown();
            assertTrue(writers.awaitTermination(120, TimeUnit.SECONDS), "bounded load finished");
            assertEquals(8 * 60, acknowledged.size(), "every append was acknowledged");

            assertEquals(0, a.awaitNothingPending());
            Map<String, Integer> found = a.integratedMarks(MARK);
            long size = found.remove("");
            assertEquals(acknowledged, found.keySet(), "every acknowledged append is in the log");
            assertTrue(found.values().stream().allMatch(n -> n == 1), "and only once");
            a.awaitSize(size);
            b.awaitSize(size);
            assertEquals(a.get("/log/checkpoint"), b.get("/log/checkpoint"), "one signed checkpoint for both");

            // an auditor who saw A's checkpoint finds B's later one consistent with it, and the reverse
            assertOk(ExternalCommand.heteronym("audit", "consistency", "--log", a.logUrl(), "--vkey", vkey,
                    "--state", state.toString()));
            for (int i = 0; i < 20; i++) {
                assertTrue(b.append("replicas growth-" + i, token));
            }
            b.awaitSize(size + 20);
            assertOk(ExternalCommand.heteronym("audit", "consistency", "--log", b.logUrl(), "--vkey", vkey,
                    "--state", state.toString()));
            assertOk(ExternalCommand.heteronym("audit", "consistency", "--log", a.logUrl(), "--vkey", vkey,
                    "--state", state.toString()));
            assertOk(ExternalCommand.heteronym("audit", "replay", "--log", b.logUrl(), "--vkey", vkey));
            // the sequencers took turns: none had a batch refused by the other's (the keys would refuse it; the lock
            // keeps them from trying)
            for (ServiceProcess replica : List.of(a, b)) {
                assertFalse(replica.console().contains("Log integration failed"), replica.console());
            }
        }
    }

    private static void assertOk(ExternalCommand result) {
        assertEquals(0, result.exitCode(), result.toString());
    }
}
