package org.heteronym.oidc.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.heteronym.oidc.client.Assertions.ES256;
import static org.heteronym.oidc.client.Assertions.assertion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.heteronym.forum.ForumFixtures;
import org.heteronym.oidc.OidcEndpoints;
import org.heteronym.oidc.client.Assertions.SecretForum;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/**
 * Client authentication as the token endpoint answers it over HTTP: a forum that authenticates gets past it to the
 * grant check ({@code invalid_grant} for the made-up code these requests carry); one that does not gets
 * {@code 401 invalid_client} with a Basic challenge; a request using two methods gets {@code 400 invalid_request}.
 * Every way of failing is in {@link ClientAuthenticatorTest}.
 */
@QuarkusTest
class ClientAuthenticationTest {

    @Test
    void anAssertionAuthenticatesAtTheTokenEndpointOnce() throws Exception {
        PublicJsonWebKey key = ForumFixtures.ec("ec-1");
        String id = Assertions.inlineForum(key);
        String once = assertion(id, key, ES256);

        withAssertion(once).statusCode(400).body("error", equalTo("invalid_grant"));
        withAssertion(once).statusCode(401).body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", containsString("Basic"));
        withAssertion(Assertions.unsigned(id)).statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void aSecretAuthenticatesAtTheTokenEndpoint() {
        SecretForum forum = SecretForum.register();

        token(given().auth().preemptive().basic(forum.id(), forum.secret())).statusCode(400)
                .body("error", equalTo("invalid_grant"));
        token(given().auth().preemptive().basic(forum.id(), forum.secret() + "x")).statusCode(401)
                .body("error", equalTo("invalid_client")).body("error_description",
                        equalTo(ClientAuthenticator.FAILED)).header("WWW-Authenticate", containsString("Basic"));
        token(given()).statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void twoMethodsOrASecretInTheBodyAreAMalformedRequest() throws Exception {
        PublicJsonWebKey key = ForumFixtures.ec("ec-1");
        String keyForum = Assertions.inlineForum(key);
        SecretForum secretForum = SecretForum.register();

        token(given().auth().preemptive().basic(secretForum.id(), secretForum.secret())
                .formParam("client_assertion_type", ClientAuthenticator.JWT_BEARER)
                .formParam("client_assertion", assertion(keyForum, key, ES256)))
                .statusCode(400).body("error", equalTo("invalid_request"));
        token(given().formParam("client_id", secretForum.id()).formParam("client_secret", secretForum.secret()))
                .statusCode(400).body("error", equalTo("invalid_request"));
    }

    private static ValidatableResponse token(RequestSpecification request) {
        return request.formParams(Map.of("grant_type", "authorization_code", "code", "made-up-code",
                "redirect_uri", "https://forum.example/cb", "code_verifier", "a".repeat(43)))
                .post(OidcEndpoints.TOKEN).then();
    }

    private static ValidatableResponse withAssertion(String assertion) {
        return token(given().formParam("client_assertion_type", ClientAuthenticator.JWT_BEARER)
                .formParam("client_assertion", assertion));
    }
}
