package org.heteronym.benchmark;

import static org.heteronym.benchmark.BenchHttp.expect;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Keycloak, measured on this machine with the same load generator as {@link OidcBenchmark} (README, "Benchmarks"):
 * its server distribution from Maven Central, production mode, PostgreSQL on 127.0.0.1 (database {@code keycloak}),
 * a realm whose tokens are ES256 (checked), client-credentials token requests at 64 connections, and full
 * authorization-code logins with PKCE (login page, password, code, token) in a fresh browser each. Keycloak listens
 * on loopback only and is stopped at the end. Figures go to stdout and target/benchmark/keycloak.txt.
 */
@Tag("benchmark")
class KeycloakBenchmark {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final String REDIRECT = "http://127.0.0.1:1/callback";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> report = new ArrayList<>();

    @Test
    void keycloakBenchmark() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        int users = 64;
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3"));
        if (!Files.isDirectory(home)) {
            throw new IllegalStateException("no Keycloak at " + home + ": run with -Pbenchmark, which unpacks it");
        }
        createDatabase();
        int port = freePort();
        int management = freePort();
        Path log = Path.of("target", "benchmark", "keycloak.log");
        Files.createDirectories(log.getParent());
        run(home, log, List.of("build", "--db=postgres", "--health-enabled=true"));
        Process keycloak = start(home, log, List.of("start", "--optimized", "--http-enabled=true",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management,
                "--hostname-strict=false", "--db-url=jdbc:postgresql://127.0.0.1:5432/keycloak",
                "--db-username=postgres", "--db-password=unused-with-trust-auth"));
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady("http://127.0.0.1:" + management + "/health/ready", keycloak);
            line("Keycloak %s, %d cores, %s, load generator in another JVM on the same machine",
                    home.getFileName(), Runtime.getRuntime().availableProcessors(), javaHome());
            Realm realm = configure(base, users);

            LoadGenerator.Result cc = LoadGenerator.run("Keycloak client credentials", 64, Duration.ofSeconds(10),
                    Duration.ofSeconds(seconds), 1_000_000, worker -> requireEs256(expect(BenchHttp.postForm(
                            realm.tokenUrl(), "cc", "cc-secret", Map.of("grant_type", "client_credentials")), 200),
                            "access_token"));
            line("%s", cc);
            for (int workers : new int[] {16, 64}) {
                LoadGenerator.Result logins = LoadGenerator.run("Keycloak authorization-code login (password, PKCE)",
                        workers, Duration.ofSeconds(10), Duration.ofSeconds(seconds), 1_000_000,
                        worker -> login(realm, "user" + worker));
                line("%s", logins);
            }
        } finally {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            if (!keycloak.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
                keycloak.destroyForcibly();
            }
        }
        Path out = Path.of("target", "benchmark", "keycloak.txt");
        Files.write(out, report);
    }

    private record Realm(String base, String tokenUrl, String authUrl) {
    }

    /** A realm "bench" with ES256 tokens, a client-credentials client, a PKCE web client and users. */
    private Realm configure(String base, int users) throws Exception {
        String admin = new JsonObject(expect(BenchHttp.send("POST",
                base + "/realms/master/protocol/openid-connect/token", Map.of(),
                "application/x-www-form-urlencoded", BenchHttp.form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", "admin", "password", "admin"))), 200).body())
                .getString("access_token");
        String realms = base + "/admin/realms";
        String realm = realms + "/bench";
        adminSend(admin, "DELETE", realm, null);
        adminSend(admin, "POST", realms, new JsonObject().put("id", "bench").put("realm", "bench")
                .put("enabled", true).put("defaultSignatureAlgorithm", "ES256"));
        adminSend(admin, "POST", realm + "/components", new JsonObject().put("name", "ecdsa-p256")
                .put("providerId", "ecdsa-generated").put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", "bench").put("config", new JsonObject()
                        .put("ecdsaEllipticCurveKey", new JsonArray().add("P-256"))
                        .put("priority", new JsonArray().add("200"))));
        adminSend(admin, "POST", realm + "/clients", new JsonObject().put("clientId", "cc").put("secret", "cc-secret")
                .put("publicClient", false).put("serviceAccountsEnabled", true).put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", false));
        adminSend(admin, "POST", realm + "/clients", new JsonObject().put("clientId", "web")
                .put("secret", "web-secret").put("publicClient", false).put("standardFlowEnabled", true)
                .put("redirectUris", new JsonArray().add(REDIRECT))
                .put("attributes", new JsonObject().put("pkce.code.challenge.method", "S256")));
        for (int i = 0; i < users; i++) {
            adminSend(admin, "POST", realm + "/users", new JsonObject().put("username", "user" + i)
                    .put("enabled", true).put("email", "user" + i + "@bench.example").put("emailVerified", true)
                    .put("firstName", "Bench").put("lastName", "User" + i)
                    .put("credentials", new JsonArray().add(new JsonObject().put("type", "password")
                            .put("value", "Bench-password-" + i).put("temporary", false))));
        }
        Realm configured = new Realm(base, base + "/realms/bench/protocol/openid-connect/token",
                base + "/realms/bench/protocol/openid-connect/auth");
        requireEs256(expect(BenchHttp.postForm(configured.tokenUrl(), "cc", "cc-secret",
                Map.of("grant_type", "client_credentials")), 200), "access_token");
        line("realm configured: %d users, tokens signed ES256 (checked on every token of the run)", users);
        return configured;
    }

    /** One full login in a fresh browser: the login page, the password form, the code, the token. */
    private static void login(Realm realm, String user) throws Exception {
        BenchHttp.Browser browser = new BenchHttp.Browser();
        String verifier = random(48);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", "web");
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("redirect_uri", REDIRECT);
        params.put("state", random(16));
        params.put("nonce", random(16));
        params.put("code_challenge", challenge);
        params.put("code_challenge_method", "S256");
        String page = expect(browser.get(realm.authUrl() + "?" + BenchHttp.form(params)), 200).body();
        Matcher action = FORM_ACTION.matcher(page);
        if (!action.find()) {
            throw new IllegalStateException("no login form on Keycloak's page");
        }
        BenchHttp.Answer answer = expect(browser.postForm(action.group(1).replace("&amp;", "&"),
                Map.of("username", user, "password", "Bench-password-" + user.substring(4), "credentialId", "")),
                302);
        String code = BenchHttp.query(answer.location()).get("code");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT);
        form.put("code_verifier", verifier);
        requireEs256(expect(BenchHttp.postForm(realm.tokenUrl(), "web", "web-secret", form), 200), "id_token");
    }

    /** Keycloak falls back to RS256 when a realm's ES256 key is missing; a run measuring that would be wrong. */
    private static void requireEs256(BenchHttp.Answer answer, String field) {
        String token = new JsonObject(answer.body()).getString(field);
        String alg = new JsonObject(new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8)).getString("alg");
        if (!"ES256".equals(alg)) {
            throw new IllegalStateException("Keycloak signed its " + field + " with " + alg + ", not ES256");
        }
    }

    private static void adminSend(String token, String method, String url, JsonObject body) {
        BenchHttp.Answer answer = BenchHttp.send(method, url, Map.of("Authorization", "Bearer " + token),
                body == null ? null : "application/json", body == null ? null : body.encode());
        if (answer.status() >= 300 && !(method.equals("DELETE") && answer.status() == 404)) {
            throw new IllegalStateException(method + " " + url + " answered " + answer.status() + ": " + answer.body());
        }
    }

    private static void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            c.createStatement().execute("create database keycloak");
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {   // duplicate_database: kept from an earlier run
                throw e;
            }
        }
    }

    private static void run(Path home, Path log, List<String> args) throws Exception {
        Process process = start(home, log, args);
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("kc.sh " + args + " failed; see " + log);
        }
    }

    private static Process start(Path home, Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", javaHome());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return builder.start();
    }

    private static String javaHome() {
        return System.getProperty("java.home");
    }

    private static void awaitReady(String url, Process keycloak) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + keycloak.exitValue());
            }
            try {
                if (BenchHttp.send("GET", url, Map.of(), null, null).status()
                        == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within 4 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.add(text);
    }
}
