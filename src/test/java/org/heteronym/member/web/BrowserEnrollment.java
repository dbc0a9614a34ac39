package org.heteronym.member.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.testing.Browser;
import org.heteronym.testing.StaffTokens;

/** Enrollment as a person does it in the browser: the challenge signed with their card, the .p7s, the passkey. */
public final class BrowserEnrollment {

    private BrowserEnrollment() {
    }

    /** Registers the PKI's CA as a trust anchor of the running service. */
    public static void registerAnchor(TestHealthPki pki) {
        try {
            given().auth().oauth2(StaffTokens.operator()).contentType("application/json")
                    .body(Map.of("id", "browser-" + UUID.randomUUID().toString().substring(0, 8),
                            "ca_certificates", List.of(pki.caPem()),
                            "profession_by_policy", TestHealthPki.professionByPolicy()))
                    .post("/admin/v1/trust-anchors").then().statusCode(201);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the challenge shown on the open enrollment page with {@code card} and uploads it. */
    public static void submit(Browser browser, TestHealthPki.Doctor card) throws Exception {
        String challenge = browser.await("#challenge-text").getText();
        assertTrue(challenge.startsWith("heteronym-challenge:v1:"), challenge);
        Path signature = Files.createTempFile("signature", ".p7s");
        try {
            Files.write(signature, card.sign(challenge.getBytes(StandardCharsets.UTF_8)));
            browser.find("#signature").sendKeys(signature.toString());
            browser.find("#verify").click();
            browser.awaitPath("/enroll/passkey");
        } finally {
            Files.deleteIfExists(signature);
        }
    }

    /** The whole enrollment from {@code site}/enroll to the member page, with a passkey on the browser's device. */
    public static void enroll(Browser browser, String site, TestHealthPki.Doctor card) throws Exception {
        browser.open(site + "/enroll");
        submit(browser, card);
        browser.find("#create-passkey").click();
        browser.awaitPath("/me");
        assertEquals("Active", browser.await("#status").getText());
    }
}
