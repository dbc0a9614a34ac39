package org.heteronym.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
 * with one key set, a forum registered at one is served by the other, and their two log sequencers, running at once
 * under concurrent appends to both, take turns and build one log with every acknowledged entry exactly once, no gap,
 * and checkpoints that auditors find consistent whichever replica they ask.
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
            aForumRegisteredAtOneReplicaIsServedByTheOther(a, b);

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

    /** The registry lives in the database: B sends A's new forum to sign-in and authenticates it with its secret. */
    private static void aForumRegisteredAtOneReplicaIsServedByTheOther(ServiceProcess a, ServiceProcess b) {
        String redirect = "https://forum-on-a.example.org/callback";
        String secret = given().baseUri(a.baseUrl()).auth().oauth2(a.operatorToken()).contentType("application/json")
                .body(Map.of("client_id", "forum-on-a", "client_name", "Forum registered at A",
                        "token_endpoint_auth_method", "client_secret_basic", "redirect_uris", List.of(redirect),
                        "allowed_professions", List.of("physician")))
                .post("/admin/v1/forums").then().statusCode(201).extract().path("client_secret");
        given().baseUri(b.baseUrl()).redirects().follow(false)
                .queryParams(Map.of("response_type", "code", "client_id", "forum-on-a", "redirect_uri", redirect,
                        "scope", "openid", "state", "s", "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                        "code_challenge_method", "S256"))
                .get("/oidc/authorize").then().statusCode(303).header("Location", containsString("/sign-in?next="));
        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", "no-such-code",
                "redirect_uri", redirect, "code_verifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        given().baseUri(b.baseUrl()).auth().preemptive().basic("forum-on-a", secret).formParams(exchange)
                .post("/oidc/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().baseUri(b.baseUrl()).auth().preemptive().basic("forum-on-a", secret + "x").formParams(exchange)
                .post("/oidc/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    private static void assertOk(ExternalCommand result) {
        assertEquals(0, result.exitCode(), result.toString());
    }
}
