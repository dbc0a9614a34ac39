package org.heteronym.credential;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.heteronym.testing.StaffTokens;

/** Helpers of the registry tests. (These live in the credential package to use its package-private test PKI.) */
final class RegistryTestSupport {

    static final String PROBLEM = "urn:heteronym:problem:";

    private RegistryTestSupport() {
    }

    static RequestSpecification asOperator() {
        return given().auth().oauth2(StaffTokens.operator()).contentType("application/json");
    }

    static String pem(X509Certificate cert) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** A fresh id, so tests sharing one database never collide. */
    static String freshId(String prefix) {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "-" + HexFormat.of().formatHex(random);
    }

    /** The failure of {@code uni}, or null if it succeeded. */
    static Throwable failureOf(io.smallrye.mutiny.Uni<?> uni) {
        return uni.onItem().transform(item -> (Throwable) null).onFailure().recoverWithItem(t -> t)
                .await().atMost(java.time.Duration.ofSeconds(20));
    }

    static RefusalReason refusalOf(io.smallrye.mutiny.Uni<?> uni) {
        Throwable failure = failureOf(uni);
        if (!(failure instanceof CredentialRefusal refusal)) {
            throw new AssertionError("expected a CredentialRefusal, got " + failure);
        }
        return refusal.reason();
    }
}
