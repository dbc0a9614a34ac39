package org.heteronym.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.heteronym.testing.StaffTokens;
import org.junit.jupiter.api.Test;

/** Rate and size limits, with limits low enough to reach in a test (the suite's own profile lifts them). */
@QuarkusTest
@TestProfile(AbuseLimitsTest.LowLimits.class)
class AbuseLimitsTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("heteronym.rate-limit.enrollment-per-minute", "2",
                    "heteronym.rate-limit.authorize-per-minute", "3",
                    "heteronym.rate-limit.token-per-minute", "3",
                    "heteronym.rate-limit.filing-per-minute", "2");
        }
    }

    @Test
    void eachLimitedEndpointAnswers429WithRetryAfterOnceItsBucketIsEmpty() {
        assertLimitedAfter(2, () -> given().contentType("multipart/form-data").multiPart("x", "").post("/enroll"));
        assertLimitedAfter(3, () -> given().redirects().follow(false).get("/oidc/authorize?client_id=x"));
        assertLimitedAfter(3, () -> given().auth().preemptive().basic("some-forum", "secret")
                .formParam("grant_type", "authorization_code").post("/oidc/token"));
        assertLimitedAfter(2, () -> given().auth().oauth2(StaffTokens.withRole("legal-officer"))
                .contentType("application/json").body("{}").post("/disclosure/v1/requests"));
        // what is not limited stays open
        for (int i = 0; i < 10; i++) {
            given().get("/log/v1/vkey").then().statusCode(200);
        }
    }

    @Test
    void onlyAFilingMayCarryALargeBody() {
        String big = "{\"statement\":\"" + "x".repeat(300_000) + "\"}";
        Response statement = given().auth().oauth2(StaffTokens.operator()).contentType("application/json").body(big)
                .post("/admin/v1/log/statements");
        assertEquals(413, statement.statusCode(), statement.asString());
        assertEquals("urn:heteronym:problem:body-too-large", statement.jsonPath().getString("type"));
        Response filing = given().contentType("application/json").body(big).post("/disclosure/v1/requests");
        assertNotEquals(413, filing.statusCode(), "a filing carries the order document: " + filing.asString());
    }

    /**
     * The first call goes through and a 429 comes within the limit and two more calls (the client library may repeat
     * a request whose answer came before the body was read, which takes a token too).
     */
    private static void assertLimitedAfter(int allowed, java.util.function.Supplier<Response> call) {
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < allowed + 2 && limited == null; i++) {
            Response response = call.get();
            statuses.add(response.statusCode());
            limited = response.statusCode() == 429 ? response : null;
        }
        assertNotEquals(429, statuses.getFirst(), "the first request is within the limit: " + statuses);
        assertTrue(limited != null, "no 429 within " + (allowed + 2) + " requests: " + statuses);
        assertEquals("urn:heteronym:problem:rate-limited", limited.jsonPath().getString("type"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, "Retry-After in seconds");
    }
}
