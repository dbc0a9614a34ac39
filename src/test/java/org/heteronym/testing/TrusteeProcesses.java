package org.heteronym.testing;

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

/**
 * Trustees as production has them: each one the real {@code heteronym} command-line tool in its own process with its
 * own passphrase-protected key file, registered by the operator of a service run as a process, then taking part in a
 * key ceremony.
 */
public final class TrusteeProcesses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EPOCH = Pattern.compile("epoch id: ([0-9a-f]{64})");
    private static final Pattern KEY = Pattern.compile("public key: ([A-Za-z0-9+/]{44})");

    public final List<Path> keyFiles = new ArrayList<>();
    public final List<String> publicKeys = new ArrayList<>();
    public final List<Map<String, String>> environments = new ArrayList<>();
    public final List<String> ids = new ArrayList<>();

    private TrusteeProcesses() {
    }

    /** {@code count} trustees with fresh key files in {@code dir}, registered at {@code service}. */
    public static TrusteeProcesses registered(ServiceProcess service, int count, Path dir) throws Exception {
        TrusteeProcesses trustees = new TrusteeProcesses();
        for (int i = 1; i <= count; i++) {
            Path keyFile = dir.resolve("trustee-" + i + ".key");
            Files.deleteIfExists(keyFile);
            Map<String, String> env = Map.of("HETERONYM_TRUSTEE_PASSPHRASE", "correct horse battery staple " + i);
            ExternalCommand keygen = ExternalCommand.finish(ExternalCommand.startHeteronym(env,
                    "trustee", "keygen", "--out", keyFile.toString()), "keygen");
            assertEquals(0, keygen.exitCode(), keygen.toString());
            Matcher key = KEY.matcher(keygen.output());
            assertTrue(key.find(), keygen.toString());
            trustees.keyFiles.add(keyFile);
            trustees.publicKeys.add(key.group(1));
            trustees.environments.add(env);
            trustees.ids.add(post(service, "/admin/v1/trustees",
                    Map.of("name", "Trustee " + i, "public_key", key.group(1)), 201).path("id").asText());
        }
        return trustees;
    }

    /** Opens a t-of-n ceremony of all of them at {@code service}; its id. */
    public String openCeremony(ServiceProcess service, int threshold) throws Exception {
        return post(service, "/admin/v1/ceremonies", Map.of("threshold", threshold, "trustees", ids), 201)
                .path("id").asText();
    }

    /**
     * Runs every trustee's {@code trustee ceremony} at once, trustee i against {@code via.get(i % via.size())}, and
     * returns the epoch id they all report.
     */
    public String runCeremony(String ceremony, List<ServiceProcess> via) throws Exception {
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < keyFiles.size(); i++) {
            running.add(ExternalCommand.startHeteronym(environments.get(i), "trustee", "ceremony",
                    "--service", via.get(i % via.size()).baseUrl(), "--key", keyFiles.get(i).toString(),
                    "--ceremony", ceremony, "--timeout", "120"));
        }
        String epoch = null;
        for (int i = 0; i < running.size(); i++) {
            ExternalCommand result = ExternalCommand.finish(running.get(i), "trustee " + (i + 1));
            assertEquals(0, result.exitCode(), "trustee " + (i + 1) + ": " + result);
            Matcher id = EPOCH.matcher(result.output());
            assertTrue(id.find(), result.toString());
            if (epoch == null) {
                epoch = id.group(1);
            }
            assertEquals(epoch, id.group(1), "every trustee reports the same epoch");
        }
        return epoch;
    }

    public static JsonNode post(ServiceProcess service, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + service.operatorToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
