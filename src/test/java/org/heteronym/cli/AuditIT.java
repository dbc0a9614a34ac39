package org.heteronym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.heteronym.testing.ExternalCommand;
import org.heteronym.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * The auditor's view: {@code heteronym audit} (our command-line jar) and an independent verifier written from the
 * standards alone both accept the running service's log, and both catch a changed entry and a forked history.
 */
class AuditIT {

    @Test
    void auditorsAcceptTheLogAndCatchTamperingAndForks() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it", "audit-state"));
        Path state = work.resolve("auditor.state");
        Path oldNote = work.resolve("independent.checkpoint");
        Files.deleteIfExists(state);
        Files.deleteIfExists(oldNote);

        try (ServiceProcess service = ServiceProcess.startFresh("heteronym_it_audit")) {
            String vkey = service.vkey();
            appendMany(service, "first history", 300);
            long size = service.awaitSize(301);

            assertOk(ExternalCommand.heteronym("audit", "replay", "--log", service.logUrl(), "--vkey", vkey));
            assertOk(ExternalCommand.heteronym("audit", "consistency", "--log", service.logUrl(), "--vkey", vkey,
                    "--state", state.toString()));
            assertOk(ExternalCommand.independentVerifier("--log", service.logUrl(), "--vkey", vkey,
                    "--save-checkpoint", oldNote.toString()));

            appendMany(service, "growth", 20);
            service.awaitSize(size + 20);
            assertOk(ExternalCommand.heteronym("audit", "consistency", "--log", service.logUrl(), "--vkey", vkey,
                    "--state", state.toString()));
            assertOk(ExternalCommand.independentVerifier("--log", service.logUrl(), "--vkey", vkey,
                    "--old-checkpoint", oldNote.toString()));
            assertOk(ExternalCommand.heteronym("audit", "inclusion", "--log", service.logUrl(), "--vkey", vkey,
                    "--index", "5"));

            ExternalCommand wrongKey = ExternalCommand.heteronym("audit", "checkpoint", "--log", service.logUrl(),
                    "--vkey", "other+00000000+AQ" + "A".repeat(41) + "=");
            assertTrue(wrongKey.exitCode() != 0, wrongKey.toString());

            // An insider rewrites entry 7 in the database, bypassing the append-only guard.
            try (Connection db = ServiceProcess.database(service.schema())) {
                db.createStatement().execute("alter table log_entry disable trigger log_entry_append_only");
                db.createStatement().execute(
                        "update log_entry set entry = convert_to('{\"kind\":\"operator.statement\",\"statement\":\"rewritten\",\"v\":1}', 'UTF8') where idx = 7");
            }
            ExternalCommand replay = ExternalCommand.heteronym("audit", "replay", "--log", service.logUrl(), "--vkey", vkey);
            assertEquals(1, replay.exitCode(), replay.toString());
            assertTrue(replay.output().contains("FAILED") && replay.output().contains("7"), replay.toString());
            ExternalCommand inclusion = ExternalCommand.heteronym("audit", "inclusion", "--log", service.logUrl(),
                    "--vkey", vkey, "--index", "7");
            assertEquals(1, inclusion.exitCode(), inclusion.toString());
            ExternalCommand independent = ExternalCommand.independentVerifier("--log", service.logUrl(), "--vkey", vkey);
            assertEquals(1, independent.exitCode(), independent.toString());

            // The operator wipes the database and builds another history under the same key: a fork.
            service.kill();
            ServiceProcess.dropSchema(service.schema());
            service.start();
            appendMany(service, "second history", 400);
            service.awaitSize(401);
            ExternalCommand fork = ExternalCommand.heteronym("audit", "consistency", "--log", service.logUrl(),
                    "--vkey", vkey, "--state", state.toString());
            assertEquals(1, fork.exitCode(), fork.toString());
            assertTrue(fork.output().contains("FORK"), fork.toString());
            ExternalCommand independentFork = ExternalCommand.independentVerifier("--log", service.logUrl(),
                    "--vkey", vkey, "--old-checkpoint", oldNote.toString());
            assertEquals(1, independentFork.exitCode(), independentFork.toString());
        }
    }

    private static void appendMany(ServiceProcess service, String prefix, int count) throws Exception {
        String token = service.operatorToken();
        java.util.concurrent.atomic.AtomicInteger acknowledged = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < count; i++) {
            String statement = prefix + " " + i;
            threads.submit(() -> {
                if (service.append(statement, token)) {
                    acknowledged.incrementAndGet();
                }
            });
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
        assertEquals(count, acknowledged.get(), "appends acknowledged");
    }

    private static void assertOk(ExternalCommand result) {
        assertEquals(0, result.exitCode(), result.toString());
    }
}
