package org.heteronym.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.heteronym.credential.RefusalReason;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.testing.StaffTokens;
import org.junit.jupiter.api.Test;

/** The licence monitor against a real OCSP responder: revocation suspends, re-verification lifts. */
@QuarkusTest
class LicenceMonitorTest extends WithMemberFixture {

    @Test
    void aRevokedCertificateSuspendsTheMemberAndOnlyAnActiveLicenceLiftsIt() throws Exception {
        String licence = MemberFixture.freshLicence();
        TestHealthPki.Doctor card = fixture.pki.physician("Nadia Roux", licence);
        MemberBrowserless nadia = fixture.enrolled(card);
        MemberBrowserless colleague = fixture.enrolled(fixture.pki.physician("Paul Roux", MemberFixture.freshLicence()));

        runMonitor().body("suspended", equalTo(0)).body("active", greaterThanOrEqualTo(2));
        nadia.me().then().statusCode(200).body(containsString("Active"));

        fixture.pki.revoke(card);
        runMonitor().body("suspended", equalTo(1));
        nadia.me().then().statusCode(200).body(containsString("Suspended"))
                .body(containsString("id=\"suspension\"")).body(containsString("revoked or suspended"));
        colleague.me().then().statusCode(200).body(containsString("Active"));
        runMonitor().body("suspended", equalTo(0)); // already suspended: not counted twice

        // the revoked card cannot lift it
        String challenge = nadia.challenge();
        nadia.submitSignature(challenge, card.sign(nadia.challengeText(challenge))).then().statusCode(422)
                .body(containsString(RefusalReason.REVOKED.message()));
        nadia.me().then().body(containsString("Suspended"));

        // a new card for the same, active licence, while signed in: re-verification lifts the suspension
        TestHealthPki.Doctor renewed = fixture.pki.physician("Nadia Roux", licence);
        challenge = nadia.challenge();
        nadia.submitSignature(challenge, renewed.sign(nadia.challengeText(challenge))).then().statusCode(303)
                .header("Location", containsString("/me?notice=reverified"));
        nadia.me().then().statusCode(200).body(containsString("Active")).body(not(containsString("id=\"suspension\"")))
                .body(containsString("<dd id=\"passkeys\">1</dd>"));
        runMonitor().body("suspended", equalTo(0));
    }

    @Test
    void onlyTheOperatorRunsTheMonitor() {
        given().post("/admin/v1/licence-monitor/runs").then().statusCode(401);
        given().auth().oauth2(StaffTokens.signedByAnotherKey("operator")).post("/admin/v1/licence-monitor/runs")
                .then().statusCode(401);
        for (String role : List.of("legal-officer", "trustee", "auditor", "forum", "member")) {
            given().auth().oauth2(StaffTokens.withRole(role)).post("/admin/v1/licence-monitor/runs")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    private static io.restassured.response.ValidatableResponse runMonitor() {
        return given().auth().oauth2(StaffTokens.operator()).post("/admin/v1/licence-monitor/runs")
                .then().statusCode(200);
    }
}
