package org.heteronym.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.heteronym.testing.ExternalCommand;
import org.heteronym.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * The backup runbook (docs/operations.md, "Back up and restore"), run: a dump of a live service's schema is restored
 * into a fresh database, the service started on it with the same keys, and the restored log verifies against the
 * checkpoint an auditor saved before the backup, replays, and grows. An auditor who had seen a checkpoint newer than
 * the backup is told the log was rolled back.
 */
class BackupRestoreIT {

    private static final String SCHEMA = "heteronym_it_backup";
    private static final String FRESH_DATABASE = "heteronym_it_restored";

    @Test
    void aRestoredDumpServesTheSameLogAndAuditorsCatchWhatItLost() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it", "backup-restore"));
        Path dump = work.resolve("heteronym.dump");
        Path beforeBackup = work.resolve("before-backup.state");
        Path afterBackup = work.resolve("after-backup.state");
        for (Path file : List.of(dump, beforeBackup, afterBackup)) {
            Files.deleteIfExists(file);
        }
        run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", FRESH_DATABASE);

        String vkey;
        ServiceProcess original = ServiceProcess.startFresh(SCHEMA);
        try (original) {
            vkey = original.vkey();
            String token = original.operatorToken();
            for (int i = 0; i < 40; i++) {
                assertTrue(original.append("before backup " + i, token));
            }
            original.awaitSize(41);
            audit("consistency", original, vkey, beforeBackup);

            run("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-n", SCHEMA, "-Fc",
                    "-f", dump.toString());

            for (int i = 0; i < 10; i++) {
                assertTrue(original.append("after backup " + i, token));
            }
            original.awaitSize(51);
            audit("consistency", original, vkey, afterBackup);
        }

        run("createdb", "-h", "127.0.0.1", "-U", "postgres", FRESH_DATABASE);
        run("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "-d", FRESH_DATABASE, "--no-owner", dump.toString());
        try (ServiceProcess restored = ServiceProcess.startRestored(original, FRESH_DATABASE)) {
            assertEquals(vkey, restored.vkey());
            audit("consistency", restored, vkey, beforeBackup);
            assertEquals(0, ExternalCommand.heteronym("audit", "replay", "--log", restored.logUrl(), "--vkey", vkey)
                    .exitCode());

            ExternalCommand rolledBack = ExternalCommand.heteronym("audit", "consistency", "--log", restored.logUrl(),
                    "--vkey", vkey, "--state", afterBackup.toString());
            assertNotEquals(0, rolledBack.exitCode(), "the entries after the backup are gone: " + rolledBack);
            assertTrue(rolledBack.output().contains("ROLLBACK"), rolledBack.toString());

            String token = restored.operatorToken();
            for (int i = 0; i < 20; i++) {
                assertTrue(restored.append("after restore " + i, token));
            }
            restored.awaitSize(61);
            audit("consistency", restored, vkey, beforeBackup);
            ExternalCommand forked = ExternalCommand.heteronym("audit", "consistency", "--log", restored.logUrl(),
                    "--vkey", vkey, "--state", afterBackup.toString());
            assertNotEquals(0, forked.exitCode(), "a size the auditor saw with other entries: " + forked);
            assertTrue(forked.output().contains("FORK"), forked.toString());
        } finally {
            run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", FRESH_DATABASE);
        }
    }

    private static void audit(String command, ServiceProcess service, String vkey, Path state) throws Exception {
        ExternalCommand result = ExternalCommand.heteronym("audit", command, "--log", service.logUrl(), "--vkey", vkey,
                "--state", state.toString());
        assertEquals(0, result.exitCode(), result.toString());
    }

    private static void run(String... command) throws Exception {
        ExternalCommand result = ExternalCommand.run(List.of(command));
        assertEquals(0, result.exitCode(), String.join(" ", command) + ": " + result);
    }
}
