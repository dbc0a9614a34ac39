package org.heteronym.member;

import static io.restassured.RestAssured.given;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.testing.StaffTokens;
import org.heteronym.testing.TestEpoch;

/** A health-professional PKI registered as a trust anchor of the running service, and an established epoch. */
public final class MemberFixture implements AutoCloseable {

    public final TestHealthPki pki;
    final String anchorId;

    private MemberFixture(TestHealthPki pki, String anchorId) {
        this.pki = pki;
        this.anchorId = anchorId;
    }

    public static MemberFixture start() throws Exception {
        TestEpoch.current();
        TestHealthPki pki = TestHealthPki.start("Members " + UUID.randomUUID().toString().substring(0, 8));
        String id = "members-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(StaffTokens.operator()).contentType("application/json")
                .body(Map.of("id", id, "ca_certificates", List.of(pki.caPem()),
                        "profession_by_policy", TestHealthPki.professionByPolicy()))
                .post("/admin/v1/trust-anchors").then().statusCode(201);
        return new MemberFixture(pki, id);
    }

    /** A licence number no other test uses. */
    public static String freshLicence() {
        return "10" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    /** Enrolls a new person with a fresh physician certificate and returns them signed in. */
    public MemberBrowserless enrolled(TestHealthPki.Doctor doctor) throws Exception {
        return enroll(doctor);
    }

    /** {@link #enrolled} at whatever service REST Assured points to, whose trust anchors include the doctor's CA. */
    public static MemberBrowserless enroll(TestHealthPki.Doctor doctor) throws Exception {
        MemberBrowserless person = new MemberBrowserless();
        String challenge = person.challenge();
        person.submitSignature(challenge, doctor.sign(person.challengeText(challenge))).then().statusCode(303);
        person.createPasskey().then().statusCode(200);
        return person;
    }

    static long members() {
        return count(() -> Member.count());
    }

    static long passkeys() {
        return count(() -> Passkey.count());
    }

    static long pendingEnrollments() {
        return count(() -> PendingEnrollment.count());
    }

    private static long count(java.util.function.Supplier<io.smallrye.mutiny.Uni<Long>> query) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(query));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        pki.close();
    }
}
