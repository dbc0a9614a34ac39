package org.heteronym.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.heteronym.cli.InProcessCli;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.member.MemberFixture;
import org.heteronym.oidc.TestForum;
import org.heteronym.testing.CourtPki;
import org.heteronym.testing.LegalOfficer;
import org.heteronym.testing.PostgresFaults;
import org.heteronym.testing.PostgresFaults.Fault;
import org.heteronym.testing.RestoresRestAssuredPort;
import org.heteronym.testing.ServiceProcess;
import org.heteronym.testing.TrusteeProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Breaks the packaged service at every step of enrollment, a first forum login, an append and its integration, a
 * disclosure filing and a trustee's share (the share that releases the request): a proxy in front of PostgreSQL
 * ({@link PostgresFaults}) counts the service's statements and, at the k-th one, cuts the connection or SIGKILLs the
 * service, before the statement runs or after it ran and before the service heard so. The client then does what a
 * real one does (tries again, the service restarted as Kubernetes restarts it), and after every fault the escrow's
 * invariants must hold ({@link EscrowInvariants}); at the end the real auditors replay the whole log.
 *
 * <p>A SIGKILL costs a restart (seconds), so CI strikes each flow {@code faults.per-flow} times (once), at steps
 * drawn from {@code faults.seed} (printed, so that a failure can be replayed), the four kinds of fault in turn across
 * the flows; {@code -Dfaults.every-step=true} strikes every step with every fault (docs/operations.md, "Faults").
 */
@ExtendWith(RestoresRestAssuredPort.class)
class FaultInjectionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean EVERY_STEP = Boolean.getBoolean("faults.every-step");
    private static final int PER_FLOW = Integer.getInteger("faults.per-flow", 1);
    private static final long SEED = Long.getLong("faults.seed", System.currentTimeMillis());
    /** What the client does once; throws when the service failed it. */
    private interface Attempt<T> {
        T run() throws Exception;
    }

    /** What a flow needs made beforehand (unfaulted), returning the faulted action with its own postcondition. */
    private interface Preparation {
        Attempt<?> prepare(int iteration) throws Exception;
    }

    private record Flow(String name, Preparation preparation) {
        Attempt<?> prepare(int iteration) throws Exception {
            return preparation.prepare(iteration);
        }
    }

    @Test
    void aKillOrABrokenConnectionAtAnyStepLosesNothing() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it", "faults"));
        try (PostgresFaults database = PostgresFaults.start();
             ServiceProcess service = ServiceProcess.startFresh("heteronym_it_faults", database.port(),
                     ServiceProcess.withoutRateLimits());
             TestHealthPki pki = TestHealthPki.start("Fault injection CA");
             CourtPki court = CourtPki.start("Tribunal judiciaire faults")) {
            EscrowInvariants invariants = new EscrowInvariants(service);
            Scenario scenario = Scenario.set(service, pki, court, dir, invariants);
            System.out.println("Fault injection seed " + SEED + " (-Dfaults.seed replays its draw)");
            List<String> report = new ArrayList<>(List.of("seed " + SEED));
            Random random = new Random(SEED);
            int kills = 0;
            Iterator<Fault> kinds = Strike.kinds(random);
            long started = System.nanoTime();
            for (Flow flow : scenario.flows()) {
                long flowStarted = System.nanoTime();
                Attempt<?> unfaulted = flow.prepare(0);
                long before = database.statements();
                unfaulted.run();   // to count the flow's steps
                int steps = (int) (database.statements() - before);
                int strikes = 0;
                int unreached = 0;
                for (Strike planned : Strike.plan(steps, random, kinds)) {
                    Strike strike = planned;
                    for (int redraw = 0; ; redraw++) {
                        Attempt<?> attempt = flow.prepare(strike.step());
                        CountDownLatch killed = new CountDownLatch(1);
                        database.arm(strike.step(), strike.fault(), () -> {
                            service.killQuietly();
                            killed.countDown();
                        });
                        retried(service, flow.name(), attempt);
                        PostgresFaults.Struck hit = database.disarm();
                        if (hit != null) {
                            strikes++;
                            if (hit.fault() == Fault.KILL_BEFORE || hit.fault() == Fault.KILL_AFTER) {
                                kills++;
                                // it may have struck a background statement after the client's success: the
                                // invariants are checked once the kill has landed, not on a service about to die
                                assertTrue(killed.await(30, TimeUnit.SECONDS), "the kill landed");
                            }
                        }
                        invariants.check(flow.name() + ", " + strike.fault() + " at step " + strike.step()
                                + (hit == null ? " (not reached)" : " (" + abbreviate(hit.sql()) + ")"));
                        // the counted run's steps include the sequencer's and cold caches' statements, which a
                        // later try may not make: an unreached step is drawn again below it
                        if (hit != null || EVERY_STEP || strike.step() == 1 || redraw == 3) {
                            break;
                        }
                        unreached++;
                        strike = new Strike(1 + random.nextInt(strike.step() - 1), strike.fault());
                    }
                }
                report.add(flow.name() + ": " + steps + " steps, " + strikes + " faults struck (" + unreached
                        + " draws unreached) in "
                        + Duration.ofNanos(System.nanoTime() - flowStarted).toSeconds() + " s");
            }
            invariants.checkWithAuditors();
            report.add(kills + " SIGKILLs and restarts in all");
            report.add(Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
            System.out.println("Fault injection: " + String.join("; ", report));
            assertTrue(kills > 0, "the service was really killed");
            assertEquals(List.of(), service.incidents(), "a lost connection answers 503, never a 500 incident");
        }
    }

    /** One fault at one step of a flow. */
    private record Strike(int step, Fault fault) {

        /**
         * Every step with every fault, or PER_FLOW faults at random steps, their kinds taken in turn from {@code kinds}
         * (which goes on across the flows, so that with one fault per flow every kind strikes in a run of five flows,
         * and a SIGKILL at least twice).
         */
        static List<Strike> plan(int steps, Random random, Iterator<Fault> kinds) {
            List<Strike> plan = new ArrayList<>();
            if (EVERY_STEP) {
                for (int k = 1; k <= steps; k++) {
                    for (Fault fault : Fault.values()) {
                        plan.add(new Strike(k, fault));
                    }
                }
                return plan;
            }
            for (int i = 0; i < PER_FLOW; i++) {
                plan.add(new Strike(1 + random.nextInt(steps), kinds.next()));
            }
            return plan;
        }

        /** The four kinds of fault in turn, endlessly, from a random one. */
        static Iterator<Fault> kinds(Random random) {
            Fault[] all = Fault.values();
            int first = random.nextInt(all.length);
            return Stream.iterate(first, i -> i + 1).map(i -> all[i % all.length]).iterator();
        }
    }

    /** Tries again as a real client does, after the service was restarted if it died; bounded. */
    static <T> T retried(ServiceProcess service, String what, Attempt<T> attempt) throws Exception {
        Throwable last = null;
        for (int i = 0; i < 8; i++) {
            service.restartIfDead();
            try {
                return attempt.run();
            } catch (Exception | AssertionError e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new AssertionError(what + " never succeeded again after a fault", last);
    }

    private static String abbreviate(String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    /** The trust anchors, trustees, member, officer and disclosure target the flows share, and the flows. */
    private record Scenario(ServiceProcess service, TestHealthPki pki, CourtPki court, TrusteeProcesses trustees,
                            Path passphrases, LegalOfficer officer, MemberBrowserless member, TestForum targetForum,
                            String target, EscrowInvariants invariants) {

        static Scenario set(ServiceProcess service, TestHealthPki pki, CourtPki court, Path dir,
                            EscrowInvariants invariants) throws Exception {
            // 1-of-1: the faulted step is the share that releases a request, whatever t is, and each trustee costs
            // two JVM starts
            TrusteeProcesses trustees = TrusteeProcesses.registered(service, 1, dir);
            trustees.runCeremony(trustees.openCeremony(service, 1), List.of(service));
            pki.trustedBy(service, "faults");
            TrusteeProcesses.post(service, "/admin/v1/court-anchors", Map.of("name", "Courts faults",
                    "ca_certificates", List.of(CourtPki.pem(court.root()))), 201);
            RestAssured.port = URI.create(service.baseUrl()).getPort();
            MemberBrowserless member = MemberFixture.enroll(pki.physician("Faulty Member",
                    MemberFixture.freshLicence()));
            Path passphrases = Files.createDirectories(dir.resolve("passphrases"));
            for (int i = 0; i < trustees.keyFiles.size(); i++) {
                Files.writeString(passphrases.resolve(i + ".txt"),
                        trustees.environments.get(i).get("HETERONYM_TRUSTEE_PASSPHRASE"));
            }
            TestForum targetForum = TestForum.registerAs(service.operatorToken(), "faults-target",
                    List.of("physician"));
            String target = firstLogin(member, targetForum);
            return new Scenario(service, pki, court, trustees, passphrases,
                    LegalOfficer.register(service, dir, "faults-officer"), member, targetForum, target, invariants);
        }

        List<Flow> flows() {
            return List.of(
                    new Flow("enrollment", k -> {
                        TestHealthPki.Doctor doctor = pki.physician("Member " + k, MemberFixture.freshLicence());
                        long members = invariants.count("select count(*) from member");
                        return () -> {
                            MemberFixture.enroll(doctor);
                            assertEquals(members + 1, invariants.count("select count(*) from member"),
                                    "one member per enrollment, however often it was tried");
                            return null;
                        };
                    }),
                    new Flow("first login", k -> {
                        TestForum forum = TestForum.registerAs(service.operatorToken(), "faults", List.of("physician"));
                        return () -> {
                            String sub = firstLogin(member, forum);
                            assertEquals(1, invariants.count(
                                    "select count(*) from pseudonym where forum_id = '" + forum.clientId + "'"));
                            assertEquals(sub, firstLogin(member, forum), "the pseudonym is stable after the fault");
                            return sub;
                        };
                    }),
                    new Flow("append and integration", k -> {
                        String mark = "faults append " + UUID.randomUUID();
                        return () -> {
                            if (!service.append(mark, service.operatorToken())) {
                                throw new IllegalStateException("append not acknowledged");
                            }
                            invariants.acknowledged(mark);
                            return null;
                        };
                    }),
                    new Flow("disclosure filing", k -> {
                        String caseReference = "RG faults " + UUID.randomUUID();
                        String body = JSON.writeValueAsString(LegalOfficer.gaggedFiling(court, caseReference,
                                targetForum.clientId, target));
                        return () -> {
                            int status = officer.send(service, "/disclosure/v1/requests", HttpRequest.newBuilder()
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
                            // 409: an earlier try was committed though its answer was lost
                            if (status != 201 && status != 409) {
                                throw new IllegalStateException("filing answered " + status);
                            }
                            assertEquals(1, invariants.count("select count(*) from disclosure_request"
                                    + " where case_reference = '" + caseReference + "' and state = 'review'"));
                            return null;
                        };
                    }),
                    new Flow("releasing share", k -> {
                        String request = filedRequest("RG share " + UUID.randomUUID());
                        return () -> {
                            approve(0, request, 1);
                            assertEquals(1, invariants.count("select count(*) from disclosure_request"
                                    + " where id = '" + request + "' and state = 'released'"));
                            return null;
                        };
                    }));
        }

        private static String firstLogin(MemberBrowserless member, TestForum forum) throws Exception {
            TestForum.Login login = TestForum.Login.fresh();
            String code = TestForum.query(forum.login(member, login)).get("code");
            String idToken = forum.token(code, login.verifier()).then().statusCode(200).extract().path("id_token");
            return SignedJWT.parse(idToken).getJWTClaimsSet().getSubject();
        }

        private String filedRequest(String caseReference) throws Exception {
            String id = officer.post(service, "/disclosure/v1/requests",
                    LegalOfficer.gaggedFiling(court, caseReference, targetForum.clientId, target), 201)
                    .path("id").asText();
            officer.awaitReview(service, id);
            return id;
        }

        /**
         * {@code heteronym trustee approve}, in this JVM; done once the service holds {@code shares} shares of the
         * request (a retry after a lost answer makes a fresh share, which the service rightly refuses as a second).
         */
        private void approve(int trustee, String request, int shares) throws Exception {
            InProcessCli.Result result = InProcessCli.run("trustee", "approve", "--service", service.baseUrl(),
                    "--key", trustees.keyFiles.get(trustee).toString(),
                    "--passphrase-file", passphrases.resolve(trustee + ".txt").toString(),
                    "--trustee-id", trustees.ids.get(trustee), "--log", service.logUrl(), "--vkey", service.vkey(),
                    "--request", request);
            long stored = invariants.count("select count(*) from disclosure_share where request_id = '"
                    + request + "'");
            if (result.exitCode() != 0 && stored < shares) {
                throw new IllegalStateException("approve failed: " + result);
            }
        }
    }
}
