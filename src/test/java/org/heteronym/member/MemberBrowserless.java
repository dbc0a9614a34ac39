package org.heteronym.member;

import static io.restassured.RestAssured.given;

import io.quarkus.test.security.webauthn.WebAuthnHardware;
import io.restassured.RestAssured;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's side of enrollment and sign-in over plain HTTP, as the pages' forms and script do it: a cookie jar
 * and a software authenticator ({@link WebAuthnHardware}) that keeps one passkey.
 */
public final class MemberBrowserless {

    private static final Pattern CHALLENGE = Pattern.compile("name=\"challenge\" value=\"([A-Za-z0-9_-]{43})\"");

    /**
     * Passkeys need a domain as relying party id, not an IP address (and Quarkus' software authenticator always
     * signs for {@code localhost}), so the person talks to the loopback server by the name localhost.
     */
    static final String ORIGIN_HOST = "http://localhost";

    final CookieFilter cookies = new CookieFilter();
    public final WebAuthnHardware authenticator;

    /** A new person with a new authenticator. */
    public MemberBrowserless() {
        this(newAuthenticator());
    }

    /** A fresh browser session (no cookies) for the holder of {@code authenticator}. */
    public MemberBrowserless(WebAuthnHardware authenticator) {
        this.authenticator = authenticator;
    }

    private static WebAuthnHardware newAuthenticator() {
        try {
            return new WebAuthnHardware(URI.create(ORIGIN_HOST + ":" + RestAssured.port).toURL());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public RequestSpecification request() {
        return given().baseUri(ORIGIN_HOST).filter(cookies).redirects().follow(false);
    }

    /** Opens the enrollment page and reads the challenge it issued. */
    String challenge() {
        String page = request().get("/enroll").then().statusCode(200).extract().asString();
        Matcher m = CHALLENGE.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no challenge on the enrollment page");
        }
        return m.group(1);
    }

    /** The exact bytes to sign for {@code challenge}, as the page's download link serves them. */
    byte[] challengeText(String challenge) {
        return request().get("/enroll/challenge/" + challenge).then().statusCode(200).extract().asByteArray();
    }

    Response submitSignature(String challenge, byte[] cms) {
        return request().multiPart("challenge", challenge)
                .multiPart("signature", "signature.p7s", cms, "application/pkcs7-signature")
                .post("/enroll");
    }

    Response submitPresentation(String challenge, String presentation) {
        return request().multiPart("challenge", challenge)
                .multiPart("presentation", presentation)
                .post("/enroll");
    }

    /** The passkey step, after accepted evidence: creation options, the authenticator, registration. */
    Response createPasskey() {
        String options = request().get("/enroll/passkey/options").then().statusCode(200).extract().asString();
        JsonObject registration = authenticator.makeRegistrationJson(new JsonObject(options).getString("challenge"));
        return request().contentType("application/json").body(registration.encode()).post("/enroll/passkey");
    }

    public Response signIn() {
        return signIn(null);
    }

    /** Signs in as the sign-in page does when it was opened with {@code ?next=}: the answer names where to go. */
    public Response signIn(String next) {
        String options = request().get("/sign-in/options").then().statusCode(200).extract().asString();
        JsonObject assertion = authenticator.makeLoginJson(new JsonObject(options).getString("challenge"));
        RequestSpecification request = request().contentType("application/json").body(assertion.encode());
        return (next == null ? request : request.queryParam("next", next)).post("/sign-in");
    }

    public Response me() {
        return request().get("/me");
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

}
