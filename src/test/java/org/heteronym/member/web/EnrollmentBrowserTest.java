package org.heteronym.member.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.testing.Browser;
import org.heteronym.testing.StaffTokens;
import org.heteronym.testing.TestEpoch;
import org.junit.jupiter.api.Test;

/**
 * A person enrolls in headless Chromium as they would at their desk: reads the challenge, signs it with their card
 * (here the test PKI's key, as the card's tool would), uploads the .p7s, creates a passkey on the device's
 * authenticator, signs out and in again, and is suspended when the CA revokes the card.
 */
@QuarkusTest
class EnrollmentBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void enrollSignInAndGetSuspendedInARealBrowser() throws Exception {
        TestEpoch.current();
        String site = root.toString().replace("127.0.0.1", "localhost").replaceAll("/$", "");
        try (TestHealthPki pki = TestHealthPki.start("Browser"); Browser browser = new Browser()) {
            BrowserEnrollment.registerAnchor(pki);
            TestHealthPki.Doctor card = pki.physician("Inès Lefèvre", "10" + System.nanoTime() % 1_000_000_000L);

            browser.open(site + "/enroll");
            String challenge = browser.await("#challenge-text").getText();
            assertTrue(challenge.startsWith("heteronym-challenge:v1:"), challenge);

            // a wrong file first: the page says why, and offers a new challenge
            Path wrong = Files.createTempFile("wrong", ".p7s");
            Files.writeString(wrong, "not a signature");
            browser.find("#signature").sendKeys(wrong.toString());
            browser.find("#verify").click();
            assertTrue(browser.await("#error").getText().contains("not a valid signature"));
            String fresh = browser.find("#challenge-text").getText();
            assertTrue(!fresh.equals(challenge), "a refused attempt gets a new challenge");

            BrowserEnrollment.submit(browser, card);
            assertTrue(browser.find("#verified").getText().contains("physician"));
            browser.find("#create-passkey").click();
            browser.awaitPath("/me");
            assertEquals("Active", browser.await("#status").getText());
            assertEquals(1, browser.authenticator().getCredentials().size(), "the passkey lives on the device");

            browser.find("#sign-out").click();
            browser.awaitPath("/sign-in");
            browser.open(site + "/me");
            browser.awaitPath("/sign-in");
            browser.await("#sign-in").click();
            browser.awaitPath("/me");
            assertEquals("Active", browser.await("#status").getText());

            pki.revoke(card);
            given().auth().oauth2(StaffTokens.operator()).post("/admin/v1/licence-monitor/runs").then().statusCode(200);
            browser.open(site + "/me");
            assertEquals("Suspended", browser.await("#status").getText());
            assertTrue(browser.find("#suspension").getText().contains("revoked or suspended"));
            Files.deleteIfExists(wrong);
        }
    }
}
