package org.heteronym.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.heteronym.testing.ExternalCommand;
import org.heteronym.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * A full 3-of-5 key ceremony as it happens in production: five trustees, each running the real {@code heteronym}
 * command-line tool as its own process with its own passphrase-protected key file, against the packaged service run
 * as two replicas on one database (trustees 1, 3 and 5 reach one, 2 and 4 the other).
 */
class CeremonyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EPOCH = Pattern.compile("epoch id: ([0-9a-f]{64})");
    private static final Pattern KEY = Pattern.compile("public key: ([A-Za-z0-9+/]{44})");

    @Test
    void fiveTrusteeProcessesEstablishAnEpochThatAuditorsVerifyFromTheLog() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it", "ceremony"));
        try (ServiceProcess service = ServiceProcess.startFresh("heteronym_it_ceremony");
             ServiceProcess replica = ServiceProcess.startReplica(service)) {
            List<Path> keyFiles = new ArrayList<>();
            List<String> publicKeys = new ArrayList<>();
            List<Map<String, String>> environments = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                Path keyFile = dir.resolve("trustee-" + i + ".key");
                Files.deleteIfExists(keyFile);
                Map<String, String> env = Map.of("HETERONYM_TRUSTEE_PASSPHRASE", "correct horse battery staple " + i);
                ExternalCommand keygen = ExternalCommand.finish(ExternalCommand.startHeteronym(env,
                        "trustee", "keygen", "--out", keyFile.toString()), "keygen");
                assertEquals(0, keygen.exitCode(), keygen.toString());
                Matcher key = KEY.matcher(keygen.output());
                assertTrue(key.find(), keygen.toString());
                keyFiles.add(keyFile);
                publicKeys.add(key.group(1));
                environments.add(env);
            }

            List<String> trusteeIds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                JsonNode trustee = post(service, "/admin/v1/trustees",
                        Map.of("name", "Trustee " + (i + 1), "public_key", publicKeys.get(i)), 201);
                trusteeIds.add(trustee.path("id").asText());
            }
            String ceremony = post(service, "/admin/v1/ceremonies", Map.of("threshold", 3, "trustees", trusteeIds), 201)
                    .path("id").asText();

            List<Process> trustees = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                // two replicas behind one Service: trustees 2 and 4 reach the other one
                String via = (i % 2 == 0 ? service : replica).baseUrl();
                trustees.add(ExternalCommand.startHeteronym(environments.get(i), "trustee", "ceremony",
                        "--service", via, "--key", keyFiles.get(i).toString(),
                        "--ceremony", ceremony, "--timeout", "120"));
            }
            String epoch = null;
            for (int i = 0; i < 5; i++) {
                ExternalCommand result = ExternalCommand.finish(trustees.get(i), "trustee " + (i + 1));
                assertEquals(0, result.exitCode(), "trustee " + (i + 1) + ": " + result);
                Matcher id = EPOCH.matcher(result.output());
                assertTrue(id.find(), result.toString());
                if (epoch == null) {
                    epoch = id.group(1);
                }
                assertEquals(epoch, id.group(1), "every trustee reports the same epoch");
            }

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

    private static JsonNode post(ServiceProcess service, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + service.operatorToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
