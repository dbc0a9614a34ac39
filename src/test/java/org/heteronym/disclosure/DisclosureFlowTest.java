package org.heteronym.disclosure;

import static io.restassured.RestAssured.given;
import static org.heteronym.disclosure.DisclosureScenario.REQUESTS;
import static org.heteronym.disclosure.DisclosureScenario.REVIEW;
import static org.heteronym.disclosure.DisclosureScenario.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.OpeningException;
import org.heteronym.testing.Concurrently;
import org.heteronym.testing.LogSearch;
import org.junit.jupiter.api.Test;

/**
 * Court-ordered disclosure over the real API, with the test run's 2-of-3 trustee epoch: filing with a real court
 * signature, trustee review with signed requests, shares verified by the service, and the officer's opening.
 */
@QuarkusTest
class DisclosureFlowTest extends WithDisclosureScenario {

    @Inject
    TransparencyReports reports;

    @Test
    void tTrusteesReleaseAndOnlyTheFilingOfficerOpensTheNamedMember() throws Throwable {
        DisclosureScenario.Officer officer = scenario.officer();
        DisclosureScenario.Target target = scenario.target(fixture, "Jeanne Harceleur");
        String id = scenario.fileForReview(officer, target);

        // the trustee sees the request, with the binding nonce that lets it check the target against the log
        JsonPath review = scenario.trustee(1).get(REVIEW + "/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(target.pseudonym(), review.getString("pseudonym"));
        assertEquals(2, review.getInt("threshold"));
        scenario.trustee(1).get(REVIEW).then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));

        long requestIndex = review.getLong("request_index");
        DisclosureScenario.Share first = scenario.share(1, id, officer);
        scenario.submit(1, id, first).then().statusCode(201);
        scenario.submit(1, id, first).then().statusCode(200).body("status", equalTo("already-stored"));
        assertEquals("review", scenario.asOfficer(officer, id).getString("state"));
        assertThrows(OpeningException.class, () -> scenario.open(id, officer, officer.key()),
                "t − 1 shares open nothing");

        scenario.submit(2, id, scenario.share(2, id, officer)).then().statusCode(201);
        assertEquals("released", scenario.asOfficer(officer, id).getString("state"));

        IdentityRecord identity = scenario.open(id, officer, officer.key());
        assertEquals("Jeanne Harceleur", identity.fullName());
        assertEquals(target.licence(), identity.licenceNumber());
        assertThrows(OpeningException.class,
                () -> scenario.open(id, officer, OfficerKeyPair.generate(new SecureRandom())),
                "another key cannot read shares encrypted to the officer's");

        // a third share after release is refused; another officer does not even see the request
        scenario.submit(3, id, scenario.share(3, id, officer)).then().statusCode(409);
        DisclosureScenario.Officer other = scenario.officer();
        assertProblem(given().auth().oauth2(other.token()).get(REQUESTS + "/" + id), 404, "disclosure-not-found");
        assertProblem(given().auth().oauth2(other.token()).get(REQUESTS + "/" + id + "/order"), 404,
                "disclosure-not-found");
    }

    @Test
    void aShareMadeForOneRequestIsRejectedForAnotherAndTheRejectionIsLogged() throws Throwable {
        DisclosureScenario.Officer officer = scenario.officer();
        String a = scenario.fileForReview(officer, scenario.target(fixture, "Alain Premier"));
        String b = scenario.fileForReview(officer, scenario.target(fixture, "Bruno Second"));
        DisclosureScenario.Share forA = scenario.share(1, a, officer);
        String shareForA = forA.share();

        assertProblem(scenario.submit(1, b, forA), 400, "disclosure-invalid-share");
        assertEquals(0, scenario.asOfficer(officer, b).getList("shares").size());
        String rejected = LogSearch.forTestProfile().find("disclosure.share-rejected", "\"request\":\"" + b + "\"");
        assertTrue(rejected.contains("\"trustee\":1"), "the rejected submission is on the public record: " + rejected);

        // a checkpoint the log never signed, and garbage, are rejected too
        assertProblem(scenario.submit(1, b, 1_000_000, shareForA), 400, "disclosure-invalid-share");
        assertProblem(scenario.submit(1, b, forA.checkpointSize(), "AAAA"), 400, "disclosure-invalid-share");
    }

    @Test
    void refusalsBeyondNMinusTRefuseTheRequestAndABadRefusalSignatureIsRejected() throws Throwable {
        DisclosureScenario.Officer officer = scenario.officer();
        String id = scenario.fileForReview(officer, scenario.target(fixture, "Chloé Refus"));
        JsonPath view = scenario.asOfficer(officer, id);
        long requestIndex = view.getLong("request_index");
        Hash32 entryHash = Hash32.sha256(scenario.log.entry(requestIndex));

        String forged = java.util.Base64.getEncoder().encodeToString(DisclosureStatements.signRefusal(
                scenario.epoch.trustees().get(1).trusteeKey(), requestIndex, entryHash, "no", new SecureRandom())
                .encode());
        assertProblem(scenario.trustee(1).post(REVIEW + "/" + id + "/refusals",
                "{\"reason\":\"no\",\"signature\":\"" + forged + "\"}"), 400, "disclosure-invalid-refusal");

        for (int i = 1; i <= 2; i++) {
            String reason = "The order does not name the statements precisely (trustee " + i + ")";
            String signature = java.util.Base64.getEncoder().encodeToString(DisclosureStatements.signRefusal(
                    scenario.epoch.trustees().get(i - 1).trusteeKey(), requestIndex, entryHash, reason,
                    new SecureRandom()).encode());
            scenario.trustee(i).post(REVIEW + "/" + id + "/refusals",
                    "{\"reason\":\"" + reason + "\",\"signature\":\"" + signature + "\"}").then().statusCode(201);
        }
        JsonPath refused = scenario.asOfficer(officer, id);
        assertEquals("refused", refused.getString("state"), "2 refusals > n − t = 1");
        assertEquals(2, refused.getList("refusals").size());
        assertProblem(scenario.submit(3, id, scenario.share(3, id, officer)), 409, "disclosure-wrong-state");
    }

    @Test
    void bindingNonceOpensTheLoggedBindingOfTheEnvelope() throws Throwable {
        DisclosureScenario.Officer officer = scenario.officer();
        DisclosureScenario.Target target = scenario.target(fixture, "Denis Lien");
        String id = scenario.fileForReview(officer, target);
        JsonPath review = scenario.trustee(2).get(REVIEW + "/" + id).then().statusCode(200).extract().jsonPath();
        var envelopeEntry = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(scenario.log.entry(review.getLong("envelope_index")));
        Hash32 binding = org.heteronym.crypto.escrow.PseudonymBinding.commit(target.forum().clientId,
                target.pseudonym(), scenario.envelope(review.getLong("request_index")).envelopeHash(),
                Hash32.fromHex(review.getString("epoch")),
                java.util.Base64.getDecoder().decode(review.getString("binding_nonce")));
        assertEquals(envelopeEntry.get("binding").asText(), binding.toHex());
    }

    @Test
    void theOfficerWithdrawsAndTheMemberIsToldAndObjects() throws Throwable {
        DisclosureScenario.Officer officer = scenario.officer();
        DisclosureScenario.Target target = scenario.target(fixture, "Émile Averti");
        String id = scenario.fileForReview(officer, target);

        // told at the next login: sign-in leads to the notice first, once
        String next = target.member().signIn("/somewhere").then().statusCode(200).extract().path("next");
        assertEquals("/me?notice=disclosure&next=%2Fsomewhere", next);
        target.member().request().urlEncodingEnabled(false).get(next).then().statusCode(200)
                .body(containsString("Court-ordered disclosure requests about you"))
                .body(containsString("Tribunal judiciaire de Paris")).body(containsString("href=\"/somewhere\""));
        assertEquals("/somewhere", target.member().signIn("/somewhere").then().extract().path("next"));
        target.member().request().formParam("text", "These posts are not mine; my account was shared.")
                .post("/me/disclosures/" + id + "/objection").then().statusCode(303);
        given().auth().preemptive().basic(target.forum().clientId, target.forum().secret)
                .formParam("pseudonym", target.pseudonym()).formParam("text", "Relayed: the member objects.")
                .post("/disclosure/v1/objections").then().statusCode(201).body("objections", equalTo(1));
        JsonPath review = scenario.trustee(1).get(REVIEW + "/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.Set.of("member", "forum"), java.util.Set.copyOf(review.getList("objections.source")));

        given().auth().oauth2(officer.token()).post(REQUESTS + "/" + id + "/withdraw").then().statusCode(200)
                .body("state", equalTo("withdrawn"));
        assertProblem(given().auth().oauth2(officer.token()).post(REQUESTS + "/" + id + "/withdraw"), 409,
                "disclosure-wrong-state");
        assertProblem(scenario.submit(1, id, scenario.share(1, id, officer)), 409, "disclosure-wrong-state");
    }

    @Test
    void aGaggedRequestIsNotShownToTheMemberUntilTheGagLapses() throws Throwable {
        DisclosureScenario.Officer officer = scenario.officer();
        DisclosureScenario.Target target = scenario.target(fixture, "Fanny Secret");
        Map<String, Object> body = scenario.filing(target);
        body.put("notice", "gagged");
        body.put("gag_until", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10).toString());
        String id = scenario.file(officer, body).then().statusCode(201).body("state", equalTo("review"))
                .extract().path("id");
        target.member().me().then().statusCode(200).body(org.hamcrest.Matchers.not(containsString(id)));
        given().auth().preemptive().basic(target.forum().clientId, target.forum().secret)
                .formParam("pseudonym", target.pseudonym()).formParam("text", "?")
                .post("/disclosure/v1/objections").then().statusCode(404);

        // the gag ends: the scheduler (every second in tests) sends the notice
        setGagUntil(id, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (!target.member().me().asString().contains(id) && System.nanoTime() < deadline) {
            DisclosureScenario.sleep(200);
        }
        target.member().me().then().body(containsString(id));
    }

    @Test
    void theSchedulerExpiresARequestWhoseOrderLapsed() throws Throwable {
        DisclosureScenario.Officer officer = scenario.officer();
        String id = scenario.fileForReview(officer, scenario.target(fixture, "Gilles Tard"));
        Concurrently.await(() -> Panache.withTransaction(() -> DisclosureRequest.update(
                "orderExpires = ?1 where id = ?2", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1),
                UUID.fromString(id))));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (!scenario.asOfficer(officer, id).getString("state").equals("expired") && System.nanoTime() < deadline) {
            DisclosureScenario.sleep(200);
        }
        assertEquals("expired", scenario.asOfficer(officer, id).getString("state"));
    }

    @Test
    void theTransparencyReportCountsFromTheLog() throws Throwable {
        DisclosureScenario.Officer officer = scenario.officer();
        scenario.fileForReview(officer, scenario.target(fixture, "Hélène Compte"));
        YearMonth month = YearMonth.now(java.time.ZoneOffset.UTC);
        Concurrently.await(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("delete from transparency_report where period = '" + month + "'")
                        .executeUpdate())));
        assertTrue(Concurrently.await(() -> reports.append(month)));
        assertEquals(false, Concurrently.await(() -> reports.append(month)), "one report per period");
        String report = LogSearch.forTestProfile().find("transparency.report", "\"period\":\"" + month + "\"");
        assertTrue(report.matches(".*\"totals\":\\{[^}]*\"filed\":[1-9].*"), report);
        assertTrue(report.matches(".*\"through_index\":[0-9]+[,}].*"), "counted through a real index: " + report);
    }

    private static void setGagUntil(String id, java.time.LocalDate date) throws Throwable {
        Concurrently.await(() -> Panache.withTransaction(() -> DisclosureRequest.update(
                "gagUntil = ?1 where id = ?2", date, UUID.fromString(id))));
    }
}
