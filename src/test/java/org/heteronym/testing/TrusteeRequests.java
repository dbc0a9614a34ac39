package org.heteronym.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.dkg.StaticKeyPair;

/** A trustee's signed calls to the review API (docs/disclosure.md §4), as its command-line tool makes them. */
public record TrusteeRequests(String trusteeId, StaticKeyPair key) {

    public static final String HEADER = "Heteronym-Trustee";

    public Response get(String path) {
        return given().header(HEADER, header("GET", path, new byte[0], now())).get(path);
    }

    public Response post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return given().header(HEADER, header("POST", path, body, now())).contentType("application/json").body(body)
                .post(path);
    }

    public String header(String method, String path, byte[] body, long time) {
        try {
            Scalar secret = Scalar.decodeNonZero(key.exportSecret());
            byte[] signature = DisclosureStatements.signRequest(secret, method, path, time, body, new SecureRandom())
                    .encode();
            return "trustee=" + trusteeId + ", time=" + time + ", signature="
                    + Base64.getEncoder().encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
