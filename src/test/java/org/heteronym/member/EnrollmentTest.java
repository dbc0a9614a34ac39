package org.heteronym.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.heteronym.credential.RefusalReason;
import org.heteronym.credential.TestHealthPki;
import org.junit.jupiter.api.Test;

/** Enrollment, recovery and sign-in over real HTTP, with a real PKI, a real OCSP responder and real passkeys. */
@QuarkusTest
class EnrollmentTest extends WithMemberFixture {

    @Test
    void aPhysicianEnrollsCreatesAPasskeyAndSignsInAgain() throws Exception {
        TestHealthPki.Doctor doctor = fixture.pki.physician("Camille Durand", MemberFixture.freshLicence());
        MemberBrowserless person = new MemberBrowserless();
        String challenge = person.challenge();
        byte[] text = person.challengeText(challenge);
        assertEquals("heteronym-challenge:v1:http://localhost:" + challenge, new String(text, StandardCharsets.UTF_8));

        long members = MemberFixture.members();
        person.submitSignature(challenge, doctor.sign(text)).then().statusCode(303)
                .header("Location", containsString("/enroll/passkey"));
        assertEquals(members, MemberFixture.members(), "no member before the passkey exists");
        person.request().get("/enroll/passkey").then().statusCode(200)
                .body(containsString("physician")).body(containsString(fixture.anchorId))
                .body(not(containsString("Camille"))).body(not(containsString("id=\"returning\"")));

        person.createPasskey().then().statusCode(200).body("next", equalTo("/me?notice=enrolled"));
        assertEquals(members + 1, MemberFixture.members());
        person.me().then().statusCode(200).body(containsString("Active")).body(containsString("physician"));

        // a new browser session, the same authenticator: sign in with the passkey alone
        MemberBrowserless later = new MemberBrowserless(person.authenticator);
        later.me().then().statusCode(303).header("Location", containsString("/sign-in"));
        later.signIn().then().statusCode(200).body("next", equalTo("/me"));
        later.me().then().statusCode(200).body(containsString("Active"));

        later.request().post("/sign-out").then().statusCode(303);
        later.me().then().statusCode(303);
    }

    @Test
    void theSameLicenceReachesTheSameMemberAndAddsAPasskey() throws Exception {
        String licence = MemberFixture.freshLicence();
        MemberBrowserless first = fixture.enrolled(fixture.pki.physician("Jean Petit", licence));
        long members = MemberFixture.members();

        // a renewed card (new key, new certificate, same licence) on a new device: recovery
        MemberBrowserless second = new MemberBrowserless();
        String challenge = second.challenge();
        TestHealthPki.Doctor renewed = fixture.pki.physician("Jean Petit", licence);
        second.submitSignature(challenge, renewed.sign(second.challengeText(challenge))).then().statusCode(303);
        second.request().get("/enroll/passkey").then().statusCode(200).body(containsString("id=\"returning\""));
        second.createPasskey().then().statusCode(200);

        assertEquals(members, MemberFixture.members(), "no second member for one licence");
        first.me().then().statusCode(200).body(containsString("<dd id=\"passkeys\">2</dd>"));
        second.me().then().statusCode(200).body(containsString("<dd id=\"passkeys\">2</dd>"));

        // another licence is another member
        fixture.enrolled(fixture.pki.physician("Jean Petit", MemberFixture.freshLicence()));
        assertEquals(members + 1, MemberFixture.members());
    }

    @Test
    void refusalsNameTheReasonOfferAFreshChallengeAndCreateNothing() throws Exception {
        long members = MemberFixture.members();
        long pending = MemberFixture.pendingEnrollments();
        MemberBrowserless person = new MemberBrowserless();
        TestHealthPki.Doctor doctor = fixture.pki.physician("Lea Moreau", MemberFixture.freshLicence());

        // expired certificate
        String challenge = person.challenge();
        refused(person.submitSignature(challenge, fixture.pki.expiredPhysician("Lea Moreau", "1")
                .sign(person.challengeText(challenge))), RefusalReason.EXPIRED, challenge);
        // the challenge is spent even though the evidence was refused
        refused(person.submitSignature(challenge, doctor.sign(person.challengeText(challenge))),
                RefusalReason.CHALLENGE_EXPIRED, challenge);

        // a signature over another challenge
        String first = person.challenge();
        String second = person.challenge();
        refused(person.submitSignature(second, doctor.sign(person.challengeText(first))),
                RefusalReason.WRONG_CHALLENGE, second);

        // an issuer nobody registered
        try (TestHealthPki rogue = TestHealthPki.start("Rogue")) {
            String c = person.challenge();
            refused(person.submitSignature(c, rogue.physician("Lea Moreau", "2").sign(person.challengeText(c))),
                    RefusalReason.UNKNOWN_ISSUER, c);
        }

        // a tampered signature
        String c = person.challenge();
        byte[] cms = doctor.sign(person.challengeText(c));
        cms[cms.length - 5] ^= 0x01;
        Response tampered = person.submitSignature(c, cms);
        tampered.then().statusCode(422);
        assertNotEquals(-1, tampered.asString().indexOf("role=\"alert\""));

        // a made-up challenge, no evidence, both kinds of evidence
        refused(person.submitSignature("A".repeat(43), doctor.sign("x".getBytes())), RefusalReason.CHALLENGE_EXPIRED, null);
        String both = person.challenge();
        person.request().multiPart("challenge", both).multiPart("presentation", "x.y.z")
                .multiPart("signature", "s.p7s", doctor.sign(person.challengeText(both)), "application/pkcs7-signature")
                .post("/enroll").then().statusCode(422).body(containsString("one of the two"));
        person.request().multiPart("challenge", both).multiPart("presentation", "").post("/enroll").then()
                .statusCode(422).body(containsString("one of the two"));

        // revoked at the CA's OCSP responder
        TestHealthPki.Doctor revoked = fixture.pki.physician("Lea Moreau", MemberFixture.freshLicence());
        fixture.pki.revoke(revoked);
        String r = person.challenge();
        refused(person.submitSignature(r, revoked.sign(person.challengeText(r))), RefusalReason.REVOKED, r);

        assertEquals(members, MemberFixture.members());
        assertEquals(pending, MemberFixture.pendingEnrollments());
    }

    @Test
    void thePasskeyStepCannotBeReplayedOrReachedWithoutEvidence() throws Exception {
        MemberBrowserless stranger = new MemberBrowserless();
        stranger.request().get("/enroll/passkey").then().statusCode(410).body(containsString("expired"));
        stranger.request().get("/enroll/passkey/options").then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:heteronym:problem:member-enrollment-expired"));

        MemberBrowserless person = new MemberBrowserless();
        String challenge = person.challenge();
        TestHealthPki.Doctor doctor = fixture.pki.physician("Hugo Lambert", MemberFixture.freshLicence());
        person.submitSignature(challenge, doctor.sign(person.challengeText(challenge))).then().statusCode(303);
        // a registration made for another challenge is refused; the enrollment survives it, the challenge does not
        String forged = new MemberBrowserless().authenticator.makeRegistrationJson("AAAA").encode();
        person.request().get("/enroll/passkey/options").then().statusCode(200);
        person.request().contentType("application/json").body(forged).post("/enroll/passkey").then()
                .statusCode(400).body("type", equalTo("urn:heteronym:problem:member-passkey-rejected"));

        String options = person.request().get("/enroll/passkey/options").then().statusCode(200).extract().asString();
        String registration = person.authenticator.makeRegistrationJson(
                new io.vertx.core.json.JsonObject(options).getString("challenge")).encode();
        long passkeys = MemberFixture.passkeys();
        person.request().contentType("application/json").body(registration).post("/enroll/passkey").then()
                .statusCode(200);
        person.request().contentType("application/json").body(registration).post("/enroll/passkey").then()
                .statusCode(410);
        assertEquals(passkeys + 1, MemberFixture.passkeys());
    }

    @Test
    void signInRefusesAnUnknownPasskeyAndStaffTokensAreNoMemberSession() {
        MemberBrowserless nobody = new MemberBrowserless();
        nobody.signIn().then().statusCode(400).body("type", equalTo("urn:heteronym:problem:member-passkey-rejected"));
        nobody.me().then().statusCode(303);
        // a staff identity provider that puts "member" in a token still makes nobody a member
        nobody.request().auth().oauth2(org.heteronym.testing.StaffTokens.withRole("member")).get("/me")
                .then().statusCode(303).header("Location", containsString("/sign-in"));
        nobody.request().get("/sign-in?next=//evil.example/").then().statusCode(200)
                .body(containsString("data-next=\"/me\""));
        // the extension's generic endpoints, which would let a browser choose whose passkey it registers, are off
        nobody.request().contentType("application/json").body("{}").post("/q/webauthn/register?username=x")
                .then().statusCode(404);
        nobody.request().contentType("application/json").body("{}").post("/q/webauthn/login").then().statusCode(404);
    }

    private static void refused(Response response, RefusalReason reason, String usedChallenge) {
        String page = response.then().statusCode(reason == RefusalReason.STATUS_UNAVAILABLE ? 503 : 422)
                .contentType(containsString("text/html")).extract().asString();
        if (!page.contains(escape(reason.message()))) {
            throw new AssertionError("page does not say " + reason + ": " + page);
        }
        if (usedChallenge != null && page.contains("value=\"" + usedChallenge + "\"")) {
            throw new AssertionError("the refused page offers the used challenge again");
        }
    }

    private static String escape(String text) {
        return text.replace("'", "&#39;").replace("\"", "&quot;");
    }
}
