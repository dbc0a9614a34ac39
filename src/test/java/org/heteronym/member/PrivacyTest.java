package org.heteronym.member;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.testing.ExternalCommand;
import org.heteronym.testing.StaffTokens;
import org.junit.jupiter.api.Test;

/**
 * After enrollments, recovery, a failed attempt, re-verification and a licence-monitor run, neither a dump of the
 * whole database nor the application log holds any name or licence number, in text or as bytes inside a bytea.
 */
@QuarkusTest
class PrivacyTest {

    /** The test profile's application log (application.properties). */
    private static final Path APPLICATION_LOG = Path.of("target/quarkus-test.log");

    @Test
    void noNameOrLicenceNumberInTheDatabaseOrTheLog() throws Exception {
        List<String> secrets = new ArrayList<>();
        try (MemberFixture fixture = MemberFixture.start()) {
            for (String name : List.of("Zéphyrine Quaglietti", "Bartholomé Okonkwo-Vasseur", "Maëlys Thibaudeau")) {
                String licence = "7731" + Math.abs(System.nanoTime() % 100_000_000L);
                secrets.add(name);
                secrets.add(licence);
                TestHealthPki.Doctor card = fixture.pki.physician(name, licence);
                MemberBrowserless person = fixture.enrolled(card);
                // recovery on another device with the same card, and a refused attempt with another one
                fixture.enrolled(fixture.pki.physician(name, licence));
                String challenge = person.challenge();
                person.submitSignature(challenge, fixture.pki.expiredPhysician(name, licence)
                        .sign(person.challengeText(challenge))).then().statusCode(422);
                // re-verification while signed in
                challenge = person.challenge();
                person.submitSignature(challenge, card.sign(person.challengeText(challenge))).then().statusCode(303);
            }
            given().auth().oauth2(StaffTokens.operator()).post("/admin/v1/licence-monitor/runs").then().statusCode(200);
        }

        ExternalCommand dump = ExternalCommand.run(List.of("pg_dump", "-h", "127.0.0.1", "-U", "postgres",
                "--no-owner", "postgres"));
        assertEquals(0, dump.exitCode(), dump.output());
        assertTrue(dump.output().contains("member_passkey"), "the dump holds the member tables");
        String log = Files.readString(APPLICATION_LOG, StandardCharsets.UTF_8);
        assertTrue(log.contains("Installed features"), "the application log is the one this test run wrote");

        for (String secret : secrets) {
            assertAbsent(secret, dump.output(), "the database dump");
            assertAbsent(secret, log, "the application log");
        }
    }

    private static void assertAbsent(String secret, String haystack, String where) {
        String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
        String lower = haystack.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains(secret.toLowerCase(Locale.ROOT)), secret + " appears in " + where);
        assertFalse(lower.contains(hex), secret + " appears, as bytes, in " + where);
        // family names alone
        for (String part : secret.split("[ -]")) {
            if (part.length() > 5) {
                assertFalse(lower.contains(part.toLowerCase(Locale.ROOT)), part + " appears in " + where);
            }
        }
    }
}
