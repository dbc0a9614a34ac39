package org.heteronym.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A legal officer of a packaged service ({@link ServiceProcess}): a key file made by {@code heteronym officer keygen},
 * registered by the operator under a staff subject, and that subject's staff token.
 */
public record LegalOfficer(String subject, Path keyFile, Path tokenFile, Map<String, String> env) {

    private static final Pattern PUBLIC_KEY = Pattern.compile("public key: ([A-Za-z0-9+/]{44})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Makes the officer's key with the real tool and has the operator register it. */
    public static LegalOfficer register(ServiceProcess service, Path dir, String subject) throws Exception {
        Path keyFile = dir.resolve(subject + ".key");
        Files.deleteIfExists(keyFile);
        Map<String, String> env = Map.of("HETERONYM_OFFICER_PASSPHRASE", "officer passphrase for " + subject);
        ExternalCommand keygen = ExternalCommand.finish(ExternalCommand.startHeteronym(env, "officer", "keygen",
                "--out", keyFile.toString()), "officer keygen");
        assertEquals(0, keygen.exitCode(), keygen.toString());
        Matcher key = PUBLIC_KEY.matcher(keygen.output());
        assertTrue(key.find(), keygen.toString());
        TrusteeProcesses.post(service, "/admin/v1/officers", Map.of("subject", subject, "name", "Officer " + subject,
                "public_key", key.group(1)), 201);
        Path tokenFile = dir.resolve(subject + ".token");
        Files.writeString(tokenFile, service.staffToken(subject, "legal-officer"));
        return new LegalOfficer(subject, keyFile, tokenFile, env);
    }

    /**
     * A gagged filing (the packaged service's notice period would otherwise hold the review back for days) of
     * {@code order}, signed by {@code court}'s signer with an OCSP responder, against one pseudonym.
     */
    public static Map<String, Object> gaggedFiling(CourtPki court, String caseReference, String forum,
                                                   String pseudonym) throws Exception {
        byte[] order = ("Ordonnance de référé, " + caseReference).getBytes(StandardCharsets.UTF_8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> filing = new LinkedHashMap<>();
        filing.put("order", Base64.getEncoder().encodeToString(order));
        filing.put("order_signature", Base64.getEncoder().encodeToString(
                court.sign(order, court.signer().ocsp().build())));
        filing.put("court", "Tribunal judiciaire de Paris");
        filing.put("case_reference", caseReference);
        filing.put("order_date", today.toString());
        filing.put("order_expires", today.plusDays(30).toString());
        filing.put("forum", forum);
        filing.put("pseudonym", pseudonym);
        filing.put("posts", List.of(Map.of("url", "https://forum.example.org/t/1/2", "posted_at",
                "2026-11-20T08:00:00Z")));
        filing.put("reasons", "Harassment of a named medical student.");
        filing.put("notice", "gagged");
        filing.put("gag_until", today.plusDays(14).toString());
        return filing;
    }

    public JsonNode post(ServiceProcess service, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(service, path, HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        assertEquals(expected, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    public JsonNode get(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = send(service, path, HttpRequest.newBuilder());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** The request with this officer's staff token; what the service answered, whatever its status. */
    public HttpResponse<String> send(ServiceProcess service, String path, HttpRequest.Builder request)
            throws Exception {
        return HTTP.send(request.uri(URI.create(service.baseUrl() + path))
                        .header("Authorization", "Bearer " + Files.readString(tokenFile)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code officer open} with this officer's staff token and {@code keyOwner}'s key file and passphrase. */
    public ExternalCommand open(ServiceProcess service, String vkey, String request, LegalOfficer keyOwner)
            throws Exception {
        return ExternalCommand.finish(ExternalCommand.startHeteronym(keyOwner.env(), "officer", "open",
                "--service", service.baseUrl(), "--key", keyOwner.keyFile().toString(), "--request", request,
                "--staff-token-file", tokenFile.toString(), "--log", service.logUrl(), "--vkey", vkey),
                "officer open");
    }

    /** Bounded wait until the request is under review and its filing entry is in the log. */
    public void awaitReview(ServiceProcess service, String request) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode view = get(service, "/disclosure/v1/requests/" + request);
            if (view.has("request_index") && view.path("state").asText().equals("review")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("request not under review within 10 s");
    }

    /** Bounded wait until {@code shares} shares of the request are in the log and a checkpoint covers the request. */
    public void awaitLogged(ServiceProcess service, String request, int shares) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode view = get(service, "/disclosure/v1/requests/" + request);
            int logged = 0;
            for (JsonNode share : view.path("shares")) {
                logged += share.has("log_index") ? 1 : 0;
            }
            if (logged >= shares) {
                service.awaitSize(view.path("request_index").asLong() + 1);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(shares + " shares not logged within 10 s");
    }
}
