package org.heteronym.deployment;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.nimbusds.jwt.SignedJWT;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.member.MemberFixture;
import org.heteronym.oidc.TestForum;
import org.heteronym.testing.RestoresRestAssuredPort;
import org.heteronym.testing.ServiceProcess;
import org.heteronym.testing.TrusteeProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member and a forum on two replicas of the packaged service, as a load balancer spreads them: the trustees'
 * ceremony runs across both, the member enrolls and logs in at one, the forum redeems the code at the other; the
 * session made at one signs the member in at the other, and a code spent at one is spent at both.
 */
@ExtendWith(RestoresRestAssuredPort.class)
class ReplicatedLoginIT {

    @Test
    void sessionsAndCodesWorkAcrossReplicas() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it", "replicated-login"));
        try (ServiceProcess a = ServiceProcess.startFresh("heteronym_it_login");
             ServiceProcess b = ServiceProcess.startReplica(a);
             TestHealthPki pki = TestHealthPki.start("Replicated login CA")) {
            TrusteeProcesses trustees = TrusteeProcesses.registered(a, 3, dir);
            trustees.runCeremony(trustees.openCeremony(a, 2), List.of(a, b));
            pki.trustedBy(a, "replicated-login");

            talkTo(a);
            MemberBrowserless person = MemberFixture.enroll(pki.physician("Replica Member",
                    MemberFixture.freshLicence()));
            TestForum forum = TestForum.registerAs(a.operatorToken(), "replicas", List.of("physician"));

            // the first login (consent, envelope) at A; the forum redeems the code at B
            TestForum.Login first = TestForum.Login.fresh();
            String firstCode = code(forum.login(person, first));
            talkTo(b);
            String sub = subject(forum.token(firstCode, first.verifier()).then().statusCode(200).extract()
                    .path("id_token"));

            // the session cookie A issued signs the member in at B: straight back to the forum, code redeemed at A
            TestForum.Login second = TestForum.Login.fresh();
            Response straight = forum.authorize(person, forum.authorizeParams(second));
            straight.then().statusCode(303);
            assertFalse(straight.header("Location").contains("/sign-in"), "B knows A's session");
            String secondCode = code(URI.create(straight.header("Location")));
            talkTo(a);
            assertEquals(sub, subject(forum.token(secondCode, second.verifier()).then().statusCode(200).extract()
                    .path("id_token")), "the same pseudonym whichever replica");

            // spent at A, spent at B
            talkTo(b);
            forum.token(secondCode, second.verifier()).then().statusCode(400).body("error", equalTo("invalid_grant"));
            forum.token(firstCode, first.verifier()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
    }

    /** Where the member's browser and the forum's back end send their next requests (both use REST Assured). */
    private static void talkTo(ServiceProcess replica) {
        RestAssured.port = URI.create(replica.baseUrl()).getPort();
    }

    private static String code(URI back) {
        return TestForum.query(back).get("code");
    }

    private static String subject(String idToken) throws Exception {
        return SignedJWT.parse(idToken).getJWTClaimsSet().getSubject();
    }
}
