package org.heteronym.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/api/openapi.yaml is the API reference, and it is the document the service serves at /q/openapi: a change to
 * an endpoint without the reference fails here. Regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiReferenceTest -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiReferenceTest {

    private static final Path REFERENCE = Path.of("docs", "api", "openapi.yaml");

    @Test
    void theReferenceInDocsIsTheServedDocument() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(REFERENCE, served);
        }
        assertEquals(served, Files.readString(REFERENCE),
                "docs/api/openapi.yaml is out of date: run ./mvnw test -Dtest=OpenApiReferenceTest -Dopenapi.update=true");
    }
}
