package org.heteronym.disclosure;

import static io.restassured.RestAssured.given;
import static org.heteronym.disclosure.DisclosureScenario.REQUESTS;
import static org.heteronym.disclosure.DisclosureScenario.REVIEW;
import static org.heteronym.disclosure.DisclosureScenario.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.testing.Concurrently;
import org.heteronym.testing.CourtPki;
import org.heteronym.testing.StaffTokens;
import org.heteronym.testing.TestEpoch;
import org.heteronym.testing.TrusteeRequests;
import org.junit.jupiter.api.Test;

/**
 * Every way to file or act without the right: forged, foreign, expired, revoked and reused orders, unknown targets,
 * unregistered officers, and each role at each disclosure endpoint it must not reach. A refused filing leaves no row
 * and no log entry.
 */
@QuarkusTest
class DisclosureRefusalsTest extends WithDisclosureScenario {

    private DisclosureScenario.Officer officer;
    private DisclosureScenario.Target target;

    @Override
    void scenarioStarted() throws Throwable {
        officer = scenario.officer();
        target = scenario.target(fixture, "Ivan Refusé");
    }

    @Test
    void badOrdersAreRefusedEachForItsReasonAndLeaveNothing() throws Throwable {
        long before = requests();
        byte[] order = "Ordonnance".getBytes(StandardCharsets.UTF_8);
        byte[] signature = scenario.court.sign(order, scenario.judge);

        byte[] forged = signature.clone();
        forged[forged.length - 5] ^= 1;
        assertProblem(scenario.file(officer, scenario.filing(target, order, forged)), 422, "disclosure-order-invalid");

        byte[] otherDocument = "Autre ordonnance".getBytes(StandardCharsets.UTF_8);
        assertProblem(scenario.file(officer, scenario.filing(target, otherDocument, signature)), 422,
                "disclosure-order-invalid");

        try (CourtPki lookalike = CourtPki.create("Tribunal lookalike")) {
            byte[] foreign = lookalike.sign(order, lookalike.signer().build());
            assertProblem(scenario.file(officer, scenario.filing(target, order, foreign)), 422,
                    "disclosure-order-invalid");
        }

        Map<String, Object> expired = scenario.filing(target, order, signature);
        expired.put("order_date", LocalDate.now(ZoneOffset.UTC).minusDays(40).toString());
        expired.put("order_expires", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        assertProblem(scenario.file(officer, expired), 422, "disclosure-order-expired");

        CourtPki.Signer revokedJudge = scenario.court.signer().ocsp().build();
        byte[] revokedOrder = "Ordonnance révoquée".getBytes(StandardCharsets.UTF_8);
        byte[] byRevoked = scenario.court.sign(revokedOrder, revokedJudge);
        scenario.court.revoke(revokedJudge.certificate());
        assertProblem(scenario.file(officer, scenario.filing(target, revokedOrder, byRevoked)), 422,
                "disclosure-order-invalid");

        CourtPki.Signer expiredJudge = scenario.court.signer().ocsp()
                .validity(Instant.now().minus(400, ChronoUnit.DAYS), Instant.now().minus(2, ChronoUnit.DAYS)).build();
        assertProblem(scenario.file(officer, scenario.filing(target, order, scenario.court.sign(order, expiredJudge))),
                422, "disclosure-order-invalid");

        Map<String, Object> unknown = scenario.filing(target, order, signature);
        unknown.put("pseudonym", "no-such-pseudonym");
        assertProblem(scenario.file(officer, unknown), 404, "disclosure-unknown-pseudonym");

        Map<String, Object> malformed = scenario.filing(target, order, signature);
        malformed.put("notice", "gagged");
        assertProblem(scenario.file(officer, malformed), 400, "disclosure-bad-request");
        malformed.put("notice", "now");
        malformed.put("posts", java.util.List.of());
        assertProblem(scenario.file(officer, malformed), 400, "disclosure-bad-request");

        assertProblem(given().auth().oauth2(StaffTokens.of("staff-without-key", "legal-officer"))
                .contentType("application/json").body(scenario.filing(target, order, signature)).post(REQUESTS),
                403, "disclosure-officer-not-registered");

        assertEquals(before, requests(), "no refused filing wrote a request");

        scenario.file(officer, scenario.filing(target, order, signature)).then().statusCode(201);
        assertProblem(scenario.file(officer, scenario.filing(target, order, signature)), 409, "disclosure-order-used");
        assertEquals(before + 1, requests());
    }

    @Test
    void aRetiredOfficerCanNoLongerFile() throws Exception {
        DisclosureScenario.Officer leaving = scenario.officer();
        given().auth().oauth2(StaffTokens.operator()).delete("/admin/v1/officers/" + leaving.id())
                .then().statusCode(200);
        assertProblem(scenario.file(leaving, scenario.filing(target)), 403, "disclosure-officer-not-registered");
    }

    @Test
    void trusteeSignaturesMustBeFreshValidAndByARegisteredTrustee() throws Exception {
        TrusteeRequests trustee = scenario.trustee(1);
        String path = REVIEW;
        given().get(path).then().statusCode(401);
        given().header(TrusteeRequests.HEADER, trustee.header("GET", path, new byte[0], TrusteeRequests.now() - 600))
                .get(path).then().statusCode(401);
        given().header(TrusteeRequests.HEADER, trustee.header("GET", "/other", new byte[0], TrusteeRequests.now()))
                .get(path).then().statusCode(401);
        TrusteeRequests impostor = new TrusteeRequests(trustee.trusteeId(),
                org.heteronym.crypto.escrow.dkg.StaticKeyPair.generate(new java.security.SecureRandom()));
        impostor.get(path).then().statusCode(401);
        trustee.get(path).then().statusCode(200);
    }

    @Test
    void everyRoleIsRefusedWhereItDoesNotBelong() throws Throwable {
        String id = scenario.fileForReview(officer, target);
        MemberBrowserless member = target.member();
        TestEpoch otherTrustees = scenario.epoch;
        Map<String, Function<RequestSpecification, RequestSpecification>> roles = Map.of(
                "anonymous", r -> r,
                "member", r -> member.request(),
                "operator", r -> r.auth().oauth2(StaffTokens.operator()),
                "trustee-token", r -> r.auth().oauth2(StaffTokens.withRole("trustee")),
                "forum", r -> r.auth().preemptive().basic(target.forum().clientId, target.forum().secret),
                "officer", r -> r.auth().oauth2(officer.token()));
        String json = "{\"checkpoint_size\":1,\"share\":\"AAAA\"}";
        for (var role : roles.entrySet()) {
            boolean operator = role.getKey().equals("operator");
            boolean isOfficer = role.getKey().equals("officer");
            RequestSpecification r = role.getValue().apply(given());
            // officer endpoints: only the legal-officer role
            expect(role.getKey(), isOfficer ? 200 : -1, role.getValue().apply(given()).get(REQUESTS).statusCode());
            expect(role.getKey(), isOfficer ? 200 : -1, role.getValue().apply(given()).get(REQUESTS + "/" + id).statusCode());
            expect(role.getKey(), isOfficer ? 400 : -1, role.getValue().apply(given()).contentType("application/json")
                    .body("{}").post(REQUESTS).statusCode());
            // trustee endpoints: only a signed trustee request
            expect(role.getKey(), -1, r.get(REVIEW + "/" + id).statusCode());
            expect(role.getKey(), -1, role.getValue().apply(given()).contentType("application/json").body(json)
                    .post(REVIEW + "/" + id + "/shares").statusCode());
            // administration: only the operator
            expect(role.getKey(), operator ? 200 : -1, role.getValue().apply(given()).get("/admin/v1/officers").statusCode());
            expect(role.getKey(), operator ? 200 : -1,
                    role.getValue().apply(given()).get("/admin/v1/court-anchors").statusCode());
        }
        // a trustee token or officer token never works on the review API; a trustee never reaches the officer's
        scenario.trustee(1).get(REQUESTS).then().statusCode(401);
        scenario.trustee(1).get(REQUESTS + "/" + id + "/order").then().statusCode(401);
        assertEquals(3, otherTrustees.trustees().size());
    }

    /** -1 means any refusal: 401, 403 or 404 (a member's session is not a staff token). */
    private static void expect(String role, int status, int actual) {
        if (status == -1) {
            org.junit.jupiter.api.Assertions.assertTrue(actual == 401 || actual == 403 || actual == 404,
                    role + " was let through with " + actual);
        } else {
            assertEquals(status, actual, role);
        }
    }

    private static long requests() throws Throwable {
        return Concurrently.await(() -> Panache.withSession(() -> DisclosureRequest.count()));
    }
}
