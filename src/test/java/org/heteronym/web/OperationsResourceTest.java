package org.heteronym.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.heteronym.testing.LogClient;
import org.junit.jupiter.api.Test;

/** What the operator's platform reads: health, metrics, the API document, and the headers on every response. */
@QuarkusTest
class OperationsResourceTest {

    @Test
    void readinessCoversTheDatabaseAndTheLog() {
        LogClient.forTestProfile().awaitSize(1);
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("transparency-log"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsExposeTheLog() {
        LogClient.forTestProfile().awaitSize(1);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("heteronym_log_tree_size"))
                .body(containsString("heteronym_log_integrated_total"));
    }

    @Test
    void openApiDocumentDescribesTheAdminApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/admin/v1/log/statements"))
                .body("paths", org.hamcrest.Matchers.hasKey("/log/v1/proof/inclusion"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/log/v1/vkey", "/log/v2/nothing", "/admin/v1/log/statements"}) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Strict-Transport-Security", containsString("max-age="))
                    .header("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void devOnlyTokenEndpointIsAbsentOutsideTheDevBuild() {
        given().get("/dev/staff-token?role=operator").then().statusCode(404);
    }
}
