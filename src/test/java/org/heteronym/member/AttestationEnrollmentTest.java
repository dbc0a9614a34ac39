package org.heteronym.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.heteronym.credential.RefusalReason;
import org.heteronym.credential.TestLicensingAuthority;
import org.heteronym.testing.StaffTokens;
import org.heteronym.testing.TestEpoch;
import org.junit.jupiter.api.Test;

/** Enrollment with a licensing authority's SD-JWT VC attestation, presented by a wallet for the page's challenge. */
@QuarkusTest
class AttestationEnrollmentTest {

    private static final String AUDIENCE = "http://localhost"; // heteronym.public-url in the test profile

    @Test
    void aWalletEnrollsAndForgeriesReplaysAndRevokedLicencesAreRefused() throws Exception {
        TestEpoch.current();
        String id = "council-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestLicensingAuthority authority = TestLicensingAuthority.start(id)) {
            given().auth().oauth2(StaffTokens.operator()).contentType("application/json")
                    .body(authority.registration()).post("/admin/v1/licensing-authorities").then().statusCode(201);
            TestLicensingAuthority.Wallet wallet = authority.physician("Odile", "Marchetti", "MD-" + UUID.randomUUID(), 1);
            TestLicensingAuthority.Wallet revoked = authority.physician("Rémi", "Castagna", "MD-" + UUID.randomUUID(), 2);
            authority.setStatus(2, 1);
            long members = MemberFixture.members();
            MemberBrowserless person = new MemberBrowserless();

            // presented by someone who does not hold the bound key
            String challenge = person.challenge();
            refused(person.submitPresentation(challenge, wallet.presentWithAnotherKey(challenge, AUDIENCE)),
                    RefusalReason.WRONG_HOLDER);
            // bound to another service, or to an earlier challenge
            challenge = person.challenge();
            refused(person.submitPresentation(challenge, wallet.present(challenge, "https://other.example")),
                    RefusalReason.WRONG_CHALLENGE);
            String earlier = person.challenge();
            challenge = person.challenge();
            refused(person.submitPresentation(challenge, wallet.present(earlier, AUDIENCE)), RefusalReason.WRONG_CHALLENGE);
            // revoked in the authority's status list
            challenge = person.challenge();
            refused(person.submitPresentation(challenge, revoked.present(challenge, AUDIENCE)), RefusalReason.REVOKED);
            assertEquals(members, MemberFixture.members());

            challenge = person.challenge();
            person.submitPresentation(challenge, wallet.present(challenge, AUDIENCE)).then().statusCode(303);
            person.request().get("/enroll/passkey").then().statusCode(200).body(containsString(id));
            person.createPasskey().then().statusCode(200);
            person.me().then().statusCode(200).body(containsString("Active")).body(containsString("physician"));
            assertEquals(members + 1, MemberFixture.members());

            // the same presentation again: its challenge is spent
            person.submitPresentation(challenge, wallet.present(challenge, AUDIENCE)).then().statusCode(422)
                    .body(containsString(RefusalReason.CHALLENGE_EXPIRED.message()));
        }
    }

    private static void refused(io.restassured.response.Response response, RefusalReason reason) {
        response.then().statusCode(422).body(containsString(reason.message().replace("'", "&#39;")));
    }
}
