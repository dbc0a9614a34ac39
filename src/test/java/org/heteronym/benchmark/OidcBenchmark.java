package org.heteronym.benchmark;

import static org.heteronym.benchmark.BenchHttp.expect;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.webauthn.WebAuthnHardware;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.member.MemberFixture;
import org.heteronym.oidc.AuthorizationCodes;
import org.heteronym.oidc.CodeGrant;
import org.heteronym.oidc.TestForum;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The OpenID provider's benchmark (README, "Benchmarks"): code→token exchanges at 64 connections, a returning member's
 * full login (authorization request, sign-in page, passkey assertion, code, token) and first logins (the same plus
 * consent, the pseudonym's envelope and its log entry). The service runs in this JVM, as in production on two cores,
 * and the load generator beside it. It measures and reports; it asserts no timing. Figures go to stdout and
 * target/benchmark/oidc.txt. Knobs: {@code bench.seconds} (default 20), {@code bench.members} (64),
 * {@code bench.forums} (fresh forums per first-login run, 400), {@code bench.scenarios} (any of token,returning,first),
 * {@code bench.login-connections} (16,64), {@code bench.token-rate} (the paced exchange rate, default 1,872/s; set it to three times Keycloak's rate measured the same session).
 */
@QuarkusTest
@TestProfile(LoginBenchmarkProfile.class)
@Tag("benchmark")
class OidcBenchmark {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");

    @TestHTTPResource("/")
    URL root;
    @Inject
    AuthorizationCodes codes;
    @Inject
    Pool pool;

    private final List<String> report = new ArrayList<>();

    @Test
    void oidcBenchmark() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        int members = Integer.getInteger("bench.members", 64);
        int forums = Integer.getInteger("bench.forums", 400);
        String base = root.toString().replace("127.0.0.1", "localhost").replaceAll("/$", "");
        line("Heteronym OIDC benchmark, %d cores, JDK %s, %d members", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), members);

        try (MemberFixture fixture = MemberFixture.start()) {
            List<WebAuthnHardware> devices = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                MemberBrowserless person = fixture.enrolled(fixture.pki.physician("Bench Member " + i,
                        MemberFixture.freshLicence()));
                devices.add(person.authenticator);
            }
            TestForum returning = TestForum.register("bench-login", List.of("physician"), false);
            for (WebAuthnHardware device : devices) {
                login(base, returning, device, true);   // consent once, so later logins are returning ones
            }
            String scenarios = System.getProperty("bench.scenarios", "token,returning,first");
            if (scenarios.contains("token")) {
                codeToToken(base, returning, seconds);
            }
            if (scenarios.contains("returning")) {
                returningLogins(base, returning, devices, seconds);
            }
            if (scenarios.contains("first")) {
                firstLogins(base, devices, forums, seconds);
            }
        }
        Path out = Path.of("target", "benchmark", "oidc.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private void codeToToken(String base, TestForum forum, int seconds) throws Exception {
        int workers = 64;
        long count = Long.getLong("bench.codes", 160_000);
        // the schema outlives runs; start from the code table a live service has (a few minutes' codes, not millions)
        pool.query("truncate authorization_code").execute().await().indefinitely();
        TestForum.Login login = TestForum.Login.fresh();
        CodeGrant grant = new CodeGrant(forum.clientId, forum.redirectUri, login.challenge(), login.nonce(),
                "benchmark-pseudonym-" + System.nanoTime(), "openid profile email",
                "{\"preferred_username\":\"calm-heron-1234\",\"name\":\"calm-heron-1234\"}");
        long t0 = System.nanoTime();
        ConcurrentLinkedQueue<String> issued;
        try {
            issued = new ConcurrentLinkedQueue<>(VertxContextSupport.subscribeAndAwait(() -> Multi.createFrom()
                    .range(0, (int) count).onItem().transformToUni(i -> codes.issue(grant)).merge(32)
                    .collect().asList()));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        line("  (issued %,d codes in-process in %.1f s for the exchange run)", count, (System.nanoTime() - t0) / 1e9);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", forum.redirectUri);
        form.put("code_verifier", login.verifier());
        LoadGenerator.Operation exchange = worker -> {
            Map<String, String> request = new LinkedHashMap<>(form);
            String code = issued.poll();
            if (code == null) {
                throw new LoadGenerator.Exhausted();   // every code issued for the run is spent
            }
            request.put("code", code);
            expect(BenchHttp.postForm(base + "/oidc/token", forum.clientId, forum.secret, request), 200);
        };
        LoadGenerator.Result closed = LoadGenerator.run("code→token (client_secret_basic)", workers,
                Duration.ofSeconds(10), Duration.ofSeconds(seconds), count / 2, exchange);
        line("%s", closed);
        // the target's rate: three times Keycloak's client-credentials rate of the same session (KeycloakBenchmark);
        // pass it with -Dbench.token-rate (the default is 3 × 624/s, Keycloak on a quiet machine, 2026-11-22)
        double paced = Double.parseDouble(System.getProperty("bench.token-rate", "1872"));
        line("%s", LoadGenerator.run("code→token (client_secret_basic)", workers, paced, Duration.ofSeconds(2),
                Duration.ofSeconds(seconds), (long) (paced * seconds), exchange));
    }

    private void returningLogins(String base, TestForum forum, List<WebAuthnHardware> devices, int seconds)
            throws Exception {
        for (String connections : System.getProperty("bench.login-connections", "16,64").split(",")) {
            int workers = Integer.parseInt(connections.strip());
            if (workers > devices.size()) {
                continue;
            }
            LoadGenerator.Result result = LoadGenerator.run("returning member's full login (passkey, code, token)",
                    workers, Duration.ofSeconds(10), Duration.ofSeconds(seconds), 1_000_000,
                    worker -> login(base, forum, devices.get(worker), false));
            line("%s", result);
        }
    }

    /**
     * First logins need a (member, forum) pair that has never met, so each worker walks one member through a list of
     * fresh forums. The JIT is brought to the steady state of a running service first: the other half of the members
     * walk through both forum lists (twice the measured duration each, not counted), then the measured half walks the
     * second list. Every forum is registered before either pass, so that the registration's own compilation is not
     * charged to the measurement.
     */
    private void firstLogins(String base, List<WebAuthnHardware> devices, int forums, int seconds) throws Exception {
        int workers = Math.min(32, devices.size() / 2);
        List<WebAuthnHardware> measuredMembers = devices.subList(0, workers);
        List<WebAuthnHardware> warmUpMembers = devices.subList(workers, 2 * workers);
        List<TestForum> warm = register(forums);
        List<TestForum> measured = register(forums);
        line("  (warm-up, not counted) %s", firstLoginRun(base, warmUpMembers, workers, warm, seconds * 2));
        line("  (warm-up, not counted) %s", firstLoginRun(base, warmUpMembers, workers, measured, seconds * 2));
        line("%s", firstLoginRun(base, measuredMembers, workers, measured, seconds));
    }

    private static List<TestForum> register(int forums) {
        List<TestForum> fresh = new ArrayList<>();
        for (int i = 0; i < forums; i++) {
            fresh.add(TestForum.register("bench-first", List.of("physician"), false));
        }
        return fresh;
    }

    private LoadGenerator.Result firstLoginRun(String base, List<WebAuthnHardware> devices, int workers,
                                               List<TestForum> fresh, int seconds) throws Exception {
        int[] next = new int[workers];
        return LoadGenerator.run("first login (passkey, consent, envelope, log entry, token)",
                workers, Duration.ofMillis(1), Duration.ofSeconds(seconds), (long) workers * fresh.size(),
                worker -> {
                    int k = next[worker]++;
                    if (k >= fresh.size()) {
                        throw new LoadGenerator.Exhausted();   // this worker's member has been to every forum
                    }
                    login(base, fresh.get(k), devices.get(worker), true);
                });
    }

    /** One login in a fresh browser: authorize → sign-in page → passkey → authorize → [consent] → code → token. */
    private static void login(String base, TestForum forum, WebAuthnHardware device, boolean consent)
            throws Exception {
        BenchHttp.Browser browser = new BenchHttp.Browser();
        TestForum.Login login = TestForum.Login.fresh();
        String signIn = location(base, expect(browser.get(base + "/oidc/authorize?"
                + BenchHttp.form(forum.authorizeParams(login))), 303));
        expect(browser.get(signIn), 200);
        String next = BenchHttp.query(signIn).get("next");
        String options = expect(browser.get(base + "/sign-in/options"), 200).body();
        JsonObject assertion = device.makeLoginJson(new JsonObject(options).getString("challenge"));
        String back = new JsonObject(expect(browser.postJson(base + "/sign-in?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8), assertion.encode()), 200).body()).getString("next");
        BenchHttp.Answer answer = browser.get(base + back);
        if (consent) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = HIDDEN.matcher(expect(answer, 200).body());
            while (m.find()) {
                fields.put(m.group(1), m.group(2).replace("&amp;", "&"));
            }
            fields.put("decision", "allow");
            answer = browser.postForm(base + "/oidc/authorize/consent", fields);
        }
        String code = BenchHttp.query(location(base, expect(answer, 303))).get("code");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", forum.redirectUri);
        form.put("code_verifier", login.verifier());
        expect(BenchHttp.postForm(base + "/oidc/token", forum.clientId, forum.secret, form), 200);
    }

    /** The redirect target; the service names itself http://localhost (its issuer), the run's port is added. */
    private static String location(String base, BenchHttp.Answer answer) {
        return answer.location().replaceFirst("^http://localhost(?=/)", base);
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.add(text);
    }
}
