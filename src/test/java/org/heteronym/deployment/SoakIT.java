package org.heteronym.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.heteronym.cli.ReplayedLog;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.oidc.TestForum;
import org.heteronym.testing.RestoresRestAssuredPort;
import org.heteronym.testing.ServiceProcess;
import org.heteronym.testing.TrusteeProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bounded soak of the packaged service: {@code soak.clients} clients draw returning logins, first logins,
 * enrolments, operator appends and audits at random ({@link SoakOperation}) for {@code soak.seconds} or until
 * {@code soak.max-operations} are done, each writing down what the service told it ({@link SoakTally}). Afterwards
 * the auditor replays the whole log and every count must match what the clients were told: one envelope entry per
 * pseudonym handed to a forum, each acknowledged append exactly once, one member per acknowledged enrolment, the
 * same {@code sub} at every login of one member to one forum and a different one at every other forum, and no
 * operation failed. The escrow's invariants ({@link EscrowInvariants}) and the real auditors close it.
 *
 * <p>CI runs one minute with 8 clients; {@code -Dsoak.seconds=… -Dsoak.clients=…} runs a longer one (README,
 * "Tests"). {@code soak.seed} (printed) replays each client's draw, though not the interleaving.
 */
@ExtendWith(RestoresRestAssuredPort.class)
class SoakIT {

    private static final int SECONDS = Integer.getInteger("soak.seconds", 60);
    private static final int CLIENTS = Integer.getInteger("soak.clients", 8);
    private static final int FORUMS = Integer.getInteger("soak.forums", 4);
    private static final long MAX_OPERATIONS = Long.getLong("soak.max-operations", 200_000);
    private static final long SEED = Long.getLong("soak.seed", System.currentTimeMillis());
    @Test
    void everyCountTheClientsWereToldIsInTheLog() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it", "soak"));
        long begun = System.nanoTime();
        // The production limits would turn most of the load away with 429: this measures the service, not them.
        try (ServiceProcess service = ServiceProcess.startFresh("heteronym_it_soak", 5432,
                ServiceProcess.withoutRateLimits());
             TestHealthPki pki = TestHealthPki.start("Soak CA")) {
            // First logins escrow an envelope under the epoch key, so a ceremony must establish one. One trustee is
            // enough (the soak escrows envelopes, it never opens one), and each trustee is two JVMs of set-up time.
            TrusteeProcesses trustees = TrusteeProcesses.registered(service, 1, dir);
            trustees.runCeremony(trustees.openCeremony(service, 1), List.of(service));
            pki.trustedBy(service, "soak");
            RestAssured.port = URI.create(service.baseUrl()).getPort();
            List<TestForum> forums = new ArrayList<>();
            for (int i = 0; i < FORUMS; i++) {
                forums.add(TestForum.registerAs(service.operatorToken(), "soak-" + i, List.of("physician")));
            }
            String vkey = service.vkey();

            SoakTally tally = new SoakTally();
            long started = System.nanoTime();
            load(service, pki, forums, vkey, tally, started);
            Duration load = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(0, service.awaitNothingPending(), "every committed entry is integrated");
            ReplayedLog log = ReplayedLog.replay(service.logUrl(), vkey);
            EscrowInvariants invariants = new EscrowInvariants(service);
            int members = (int) invariants.count("select count(*) from member");
            Set<String> acknowledged = tally.appends();
            SoakReport report = new SoakReport(SEED, CLIENTS, FORUMS, Duration.ofNanos(started - begun), load,
                    tally.latencies(), tally.failureCount(), log.size(), log.count("pseudonym.envelope"),
                    tally.pseudonyms(), acknowledged.size(), members, tally.audits());
            System.out.println(report.line());

            assertEquals(List.of(), tally.problems(), "failed operations by kind " + tally.failures()
                    + ", and broken promises");
            assertEquals(tally.pseudonyms(), log.count("pseudonym.envelope"), "envelope entries in the replayed log"
                    + " against the pseudonyms handed to forums (one escrowed envelope each)");
            assertEquals(tally.pseudonyms(), tally.distinctSubs(), "a sub given for two member-forum pairings");
            assertEquals(tally.pseudonyms(), (int) invariants.count("select count(*) from pseudonym"),
                    "pseudonym rows against the pseudonyms handed to forums");
            assertEquals(tally.enrolments(), members, "members in the database against enrolments acknowledged");
            Map<String, Integer> soakStatements = log.statements().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("soak "))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(soakStatements.keySet());
            assertEquals(Set.of(), missing, "acknowledged appends missing from the replayed log");
            assertEquals(Map.of(), soakStatements.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                    "appends logged more than once");
            assertEquals(acknowledged, soakStatements.keySet(), "appends in the log that no client was told of");
            assertTrue(report.operations() >= CLIENTS, "the load ran: " + report.line());

            invariants.check("after the soak");
            invariants.checkWithAuditors();
            System.out.printf("Soak checked in %.1f s after the load%n",
                    (System.nanoTime() - started - load.toNanos()) / 1e9);
        }
    }

    /** Runs the clients until the time or the operation budget is spent (bounded: a stuck client fails the test). */
    private static void load(ServiceProcess service, TestHealthPki pki, List<TestForum> forums, String vkey,
                             SoakTally tally, long started) throws Exception {
        long deadline = started + Duration.ofSeconds(SECONDS).toNanos();
        AtomicLong budget = new AtomicLong(MAX_OPERATIONS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Void>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(pool.submit(new SoakClient(i, service, pki, forums, vkey, tally, SEED, deadline, budget)));
            }
            for (Future<Void> client : clients) {
                client.get(SECONDS + 60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
