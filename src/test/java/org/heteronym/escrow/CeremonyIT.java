package org.heteronym.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.heteronym.testing.ExternalCommand;
import org.heteronym.testing.ServiceProcess;
import org.heteronym.testing.TrusteeProcesses;
import org.junit.jupiter.api.Test;

/**
 * A full 3-of-5 key ceremony as it happens in production: five trustees, each running the real {@code heteronym}
 * command-line tool as its own process with its own passphrase-protected key file, against the packaged service run
 * as two replicas on one database (trustees 1, 3 and 5 reach one, 2 and 4 the other).
 */
class CeremonyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fiveTrusteeProcessesEstablishAnEpochThatAuditorsVerifyFromTheLog() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it", "ceremony"));
        try (ServiceProcess service = ServiceProcess.startFresh("heteronym_it_ceremony");
             ServiceProcess replica = ServiceProcess.startReplica(service)) {
            TrusteeProcesses trustees = TrusteeProcesses.registered(service, 5, dir);
            String ceremony = trustees.openCeremony(service, 3);
            // two replicas behind one Service: trustees 2 and 4 reach the other one
            String epoch = trustees.runCeremony(ceremony, List.of(service, replica));
            List<Path> keyFiles = trustees.keyFiles;
            List<String> publicKeys = trustees.publicKeys;
            List<Map<String, String>> environments = trustees.environments;

            for (ServiceProcess either : List.of(service, replica)) {
                JsonNode status = JSON.readTree(either.get("/escrow/v1/ceremonies/" + ceremony));
                assertEquals("complete", status.path("state").asText());
                assertEquals(epoch, status.path("epoch_id").asText());
            }

            ExternalCommand show = ExternalCommand.finish(ExternalCommand.startHeteronym(environments.get(2),
                    "trustee", "show", "--key", keyFiles.get(2).toString()), "show");
            assertEquals(0, show.exitCode(), show.toString());
            assertTrue(show.output().contains(epoch), show.toString());

            service.awaitSize(1 + 5 + 1 + 1);
            String vkey = service.vkey();
            ExternalCommand audit = ExternalCommand.heteronym("trustee", "verify-epoch", "--log", service.logUrl(),
                    "--vkey", vkey, "--epoch", epoch, "--trustee-key", publicKeys.get(3));
            assertEquals(0, audit.exitCode(), audit.toString());
            assertTrue(audit.output().contains("your index: 4") && audit.output().contains("3 of 5"), audit.toString());
            ExternalCommand unknown = ExternalCommand.heteronym("audit", "epoch", "--log", service.logUrl(),
                    "--vkey", vkey, "--epoch", "0".repeat(64));
            assertTrue(unknown.exitCode() != 0, unknown.toString());
            ExternalCommand replay = ExternalCommand.heteronym("audit", "replay", "--log", service.logUrl(), "--vkey", vkey);
            assertEquals(0, replay.exitCode(), replay.toString());
        }
    }
}
