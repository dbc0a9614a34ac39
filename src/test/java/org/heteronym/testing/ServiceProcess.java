package org.heteronym.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a separate process in the production
 * profile, on loopback, against its own schema of the local PostgreSQL, with keys this test made. It can be killed
 * with SIGKILL and restarted on the same port, keys and database.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String ISSUER = "https://staff-idp.it.heteronym.invalid";

    private final String database;
    /** The port PostgreSQL is reached at: 5432, or a fault-injecting proxy's ({@link PostgresFaults}). */
    private final int databasePort;
    private final List<String> settings;
    private final String schema;
    private final Path workDir;
    private final int port;
    private final String origin;
    /** The issuer: every replica of one service answers as the same public URL. */
    private final String publicUrl;
    private final Path logFile;
    private Process process;

    private ServiceProcess(String database, int databasePort, String schema, Path workDir, int port, String publicUrl,
                           String logName, List<String> settings) {
        this.settings = settings;
        this.database = database;
        this.databasePort = databasePort;
        this.schema = schema;
        this.workDir = workDir;
        this.port = port;
        this.origin = "localhost/" + schema + "/log";
        this.publicUrl = publicUrl;
        this.logFile = workDir.resolve(logName);
    }

    /** Starts the service on a fresh schema with fresh keys. */
    public static ServiceProcess startFresh(String schema) throws Exception {
        return startFresh(schema, 5432);
    }

    /** Settings that lift the per-minute abuse limits, for suites that measure the service, not the limits. */
    public static String[] withoutRateLimits() {
        return new String[] {"heteronym.rate-limit.enrollment-per-minute=100000",
                "heteronym.rate-limit.authorize-per-minute=100000", "heteronym.rate-limit.token-per-minute=100000",
                "heteronym.rate-limit.filing-per-minute=100000"};
    }

    /**
     * Starts the service on a fresh schema with fresh keys, reaching PostgreSQL at {@code databasePort}, with extra
     * configuration ({@code name=value}).
     */
    public static ServiceProcess startFresh(String schema, int databasePort, String... settings) throws Exception {
        dropSchema(schema);
        Path dir = Path.of("target", "it", schema);
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path file : old.toList()) {
                Files.delete(file);   // an earlier run's keys and console logs
            }
        }
        KeyPair staff = generate("EC", new ECGenParameterSpec("secp256r1"));
        writePem(dir.resolve("staff-idp.private.pem"), "PRIVATE KEY", staff.getPrivate().getEncoded());
        writePem(dir.resolve("staff-idp.public.pem"), "PUBLIC KEY", staff.getPublic().getEncoded());
        writePem(dir.resolve("log-signing.pem"), "PRIVATE KEY", generate("Ed25519", null).getPrivate().getEncoded());
        writePem(dir.resolve("oidc-signing.pem"), "PRIVATE KEY",
                generate("EC", new ECGenParameterSpec("secp256r1")).getPrivate().getEncoded());
        byte[] memberSecret = new byte[32];
        new java.security.SecureRandom().nextBytes(memberSecret);
        Files.writeString(dir.resolve("member-secret.b64"), java.util.Base64.getEncoder().encodeToString(memberSecret));
        byte[] pseudonymSecret = new byte[32];
        new java.security.SecureRandom().nextBytes(pseudonymSecret);
        Files.writeString(dir.resolve("pseudonym-secret.b64"),
                java.util.Base64.getEncoder().encodeToString(pseudonymSecret));
        byte[] sessionKey = new byte[32];
        new java.security.SecureRandom().nextBytes(sessionKey);
        Files.writeString(dir.resolve("session-encryption-key"),
                java.util.Base64.getEncoder().encodeToString(sessionKey));
        int port = freePort();
        ServiceProcess service = new ServiceProcess("postgres", databasePort, schema, dir, port,
                "http://localhost:" + port, "service.log", List.of(settings));
        service.start();
        return service;
    }

    /**
     * Starts another replica of {@code primary}: the same database, keys and public URL, its own port, as a second
     * pod of one Deployment.
     */
    public static ServiceProcess startReplica(ServiceProcess primary) throws Exception {
        int port = freePort();
        ServiceProcess replica = new ServiceProcess(primary.database, primary.databasePort, primary.schema,
                primary.workDir, port, primary.publicUrl, "service-replica-" + port + ".log", primary.settings);
        replica.start();
        return replica;
    }

    /**
     * Starts the service of {@code original} (its keys and public URL) on another database that holds a restored
     * copy of its schema, as an operator does after restoring a backup.
     */
    public static ServiceProcess startRestored(ServiceProcess original, String database) throws Exception {
        int port = freePort();
        ServiceProcess restored = new ServiceProcess(database, 5432, original.schema, original.workDir, port,
                original.publicUrl, "service-restored-" + port + ".log", original.settings);
        restored.start();
        return restored;
    }

    public static void dropSchema(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    public static Connection database(String schema) throws SQLException {
        return connect("postgres", schema);
    }

    private static Connection connect(String database, String schema) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + database + "?currentSchema=" + schema, "postgres", "");
    }

    public void start() throws Exception {
        String jar = System.getProperty("heteronym.app.jar", "target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.console.json.enabled=false",
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:" + databasePort + "/" + database
                        + "?search_path=" + schema,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + databasePort + "/" + database
                        + "?currentSchema=" + schema,
                "-Dquarkus.flyway.schemas=" + schema,
                "-Dquarkus.flyway.create-schemas=true",
                "-Dheteronym.log.origin=" + origin,
                "-Dheteronym.log.signing-key-file=" + workDir.resolve("log-signing.pem"),
                "-Dheteronym.log.integration-interval=0.1s",
                "-Dmp.jwt.verify.issuer=" + ISSUER,
                "-Dmp.jwt.verify.publickey.location=" + workDir.resolve("staff-idp.public.pem"),
                "-Dheteronym.pseudonym.secret-file=" + workDir.resolve("pseudonym-secret.b64"),
                "-Dheteronym.pseudonym.relay-domain=relay.heteronym.invalid",
                "-Dheteronym.public-url=" + publicUrl,
                "-Dquarkus.http.auth.session.encryption-key="
                        + Files.readString(workDir.resolve("session-encryption-key")).strip(),
                "-Dheteronym.member.secret-file=" + workDir.resolve("member-secret.b64"),
                "-Dheteronym.oidc.signing-key-files=" + workDir.resolve("oidc-signing.pem"),
                "-jar", jar));
        command.addAll(command.size() - 2, settings.stream().map(setting -> "-D" + setting).toList());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        awaitReady();
    }

    /** SIGKILL: no shutdown hook runs, no transaction is finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** {@link #kill()} from a thread that cannot be interrupted meaningfully (a fault injector's). */
    public void killQuietly() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Starts the service again if it died, as Kubernetes restarts a pod whose process exited. */
    public void restartIfDead() throws Exception {
        if (!isAlive()) {
            start();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String logUrl() {
        return baseUrl() + "/log";
    }

    public String origin() {
        return origin;
    }

    public String schema() {
        return schema;
    }

    public String operatorToken() {
        return staffToken("it-operator", "operator");
    }

    /** A token of the staff identity provider this service trusts, for one staff member in one role. */
    public String staffToken(String subject, String role) {
        try {
            var key = io.smallrye.jwt.util.KeyUtils.decodePrivateKey(
                    Files.readString(workDir.resolve("staff-idp.private.pem")),
                    io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256);
            return io.smallrye.jwt.build.Jwt.issuer(ISSUER).subject(subject).audience("heteronym")
                    .groups(java.util.Set.of(role)).expiresIn(3600)
                    .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256).sign(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String vkey() throws Exception {
        return get("/log/v1/vkey").strip();
    }

    public String get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Posts an operator statement; true once the service acknowledged it as committed. */
    public boolean append(String statement, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/v1/log/statements"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"statement\":\"" + statement + "\"}"))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Bounded wait until the newest checkpoint covers {@code size} entries. */
    public long awaitSize(long size) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                long current = Long.parseLong(get("/log/checkpoint").split("\n")[1]);
                if (current >= size) {
                    return current;
                }
            } catch (IOException e) {
                // not ready yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoint of size " + size + " within 60 s");
    }

    /** What the process has written to its console so far. */
    public String console() throws IOException {
        return Files.readString(logFile);
    }

    /** The console lines that report a 500 incident (an unexpected failure). */
    public List<String> incidents() throws IOException {
        return console().lines().filter(line -> line.contains("Unexpected failure")).toList();
    }

    /** Bounded wait until the sequencer has integrated every committed append; the number still pending. */
    public long awaitNothingPending() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Connection db = connect(database, schema); Statement statement = db.createStatement()) {
            while (true) {
                long pending;
                try (java.sql.ResultSet rows = statement.executeQuery("select count(*) from log_pending")) {
                    rows.next();
                    pending = rows.getLong(1);
                }
                if (pending == 0 || System.nanoTime() > deadline) {
                    return pending;
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Reads the whole log from the database: fails unless the indexes run 0, 1, 2, … without a gap or a repeat, and
     * counts how often each first group of {@code mark} occurs in the entries. The size is under the key "".
     */
    public java.util.Map<String, Integer> integratedMarks(java.util.regex.Pattern mark) throws SQLException {
        java.util.Map<String, Integer> found = new java.util.HashMap<>();
        long expected = 0;
        try (Connection db = connect(database, schema); Statement statement = db.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("select idx, entry from log_entry order by idx")) {
            while (rows.next()) {
                if (rows.getLong(1) != expected++) {
                    throw new AssertionError("log index " + rows.getLong(1) + " where " + (expected - 1)
                            + " was due: a gap or a repeat");
                }
                java.util.regex.Matcher m = mark.matcher(new String(rows.getBytes(2),
                        java.nio.charset.StandardCharsets.UTF_8));
                if (m.find()) {
                    found.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        found.put("", (int) expected);
        return found;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("service not ready within 60 s; see " + logFile);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            generator.initialize(spec);
        }
        return generator.generateKeyPair();
    }

    private static void writePem(Path file, String label, byte[] der) throws IOException {
        Files.writeString(file, "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n");
    }
}
