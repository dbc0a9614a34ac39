package org.heteronym.deployment;

import com.nimbusds.jwt.SignedJWT;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.heteronym.cli.InProcessCli;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.member.MemberFixture;
import org.heteronym.oidc.TestForum;
import org.heteronym.testing.ServiceProcess;

/**
 * One soak client: draws operations from its own seeded random until the soak's time or operation budget is spent,
 * and tells the {@link SoakTally} what the service answered. Its members are its own (a member's browser, cookies
 * and authenticator are one person's, used by one thread at a time); the forums are shared by every client.
 */
final class SoakClient implements Callable<Void> {

    /** A member this client enrolled, and the pseudonym each forum got for them so far (in login order). */
    private record Member(String name, MemberBrowserless browser, Map<TestForum, String> subs) {
    }

    private final int id;
    private final ServiceProcess service;
    private final TestHealthPki pki;
    private final List<TestForum> forums;
    private final String vkey;
    private final SoakTally tally;
    private final Random random;
    private final long deadline;
    private final AtomicLong budget;
    private final List<Member> members = new ArrayList<>();
    private int appends;

    SoakClient(int id, ServiceProcess service, TestHealthPki pki, List<TestForum> forums, String vkey,
               SoakTally tally, long seed, long deadline, AtomicLong budget) {
        this.id = id;
        this.service = service;
        this.pki = pki;
        this.forums = forums;
        this.vkey = vkey;
        this.tally = tally;
        this.random = new Random(seed + id);
        this.deadline = deadline;
        this.budget = budget;
    }

    @Override
    public Void call() {
        while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
            SoakOperation operation = feasible(SoakOperation.draw(random));
            long started = System.nanoTime();
            try {
                run(operation);
                tally.succeeded(operation, System.nanoTime() - started);
            } catch (Exception | AssertionError e) {
                tally.failed(operation, e);
            }
        }
        return null;
    }

    /** A login needs a member (returning: one with a forum behind them; first: one with a forum ahead). */
    private SoakOperation feasible(SoakOperation drawn) {
        return switch (drawn) {
            case RETURNING_LOGIN -> members.stream().anyMatch(m -> !m.subs().isEmpty()) ? drawn
                    : feasible(SoakOperation.FIRST_LOGIN);
            case FIRST_LOGIN -> members.stream().anyMatch(m -> m.subs().size() < forums.size()) ? drawn
                    : SoakOperation.ENROLMENT;
            default -> drawn;
        };
    }

    private void run(SoakOperation operation) throws Exception {
        switch (operation) {
            case RETURNING_LOGIN -> returningLogin();
            case FIRST_LOGIN -> firstLogin();
            case ENROLMENT -> enrol();
            case APPEND -> append();
            case AUDIT -> audit();
        }
    }

    private void returningLogin() throws Exception {
        Member member = pick(members.stream().filter(m -> !m.subs().isEmpty()).toList());
        TestForum forum = pick(new ArrayList<>(member.subs().keySet()));
        tally.returningLogin(forum.clientId, member.name(), login(member, forum));
    }

    private void firstLogin() throws Exception {
        Member member = pick(members.stream().filter(m -> m.subs().size() < forums.size()).toList());
        TestForum forum = pick(forums.stream().filter(f -> !member.subs().containsKey(f)).toList());
        String sub = login(member, forum);
        member.subs().put(forum, sub);
        tally.firstLogin(forum.clientId, member.name(), sub);
    }

    private void enrol() throws Exception {
        String name = "Soak member " + id + "-" + members.size();
        TestHealthPki.Doctor doctor;
        synchronized (pki) {   // the test PKI's certificate builder is not meant for many threads
            doctor = pki.physician(name, MemberFixture.freshLicence());
        }
        members.add(new Member(name, MemberFixture.enroll(doctor), new LinkedHashMap<>()));
        tally.enrolled();
    }

    private void append() {
        String statement = "soak " + id + "-" + appends++;
        // A fresh token each time: the staff identity provider's last an hour, and a long soak may run longer.
        if (!service.append(statement, service.operatorToken())) {
            throw new IllegalStateException("append of '" + statement + "' not acknowledged");
        }
        tally.appended(statement);
    }

    /** The real auditor replays the whole log as it stands, mid-load. */
    private void audit() {
        InProcessCli.Result result = InProcessCli.run("audit", "replay", "--log", service.logUrl(), "--vkey", vkey);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("heteronym audit replay: " + result);
        }
        tally.audited();
    }

    /** The whole OpenID Connect flow as the forum and the member's browser run it; the ID token's {@code sub}. */
    private static String login(Member member, TestForum forum) throws Exception {
        TestForum.Login login = TestForum.Login.fresh();
        // Not TestForum.code: it expects the in-process test profile's issuer, and this service has its own.
        Map<String, String> back = TestForum.query(forum.login(member.browser(), login));
        if (!login.state().equals(back.get("state"))) {
            throw new IllegalStateException("the redirect back to " + forum.clientId + " carries another state");
        }
        String code = back.get("code");
        String idToken = forum.token(code, login.verifier()).then().statusCode(200).extract().path("id_token");
        return SignedJWT.parse(idToken).getJWTClaimsSet().getSubject();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
