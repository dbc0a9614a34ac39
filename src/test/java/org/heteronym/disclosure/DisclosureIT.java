package org.heteronym.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.heteronym.credential.TestHealthPki;
import org.heteronym.member.MemberBrowserless;
import org.heteronym.member.MemberFixture;
import org.heteronym.oidc.TestForum;
import org.heteronym.testing.CourtPki;
import org.heteronym.testing.ExternalCommand;
import org.heteronym.testing.LegalOfficer;
import org.heteronym.testing.RestoresRestAssuredPort;
import org.heteronym.testing.ServiceProcess;
import org.heteronym.testing.TrusteeProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole disclosure through the real tools: the packaged service, five trustees running {@code heteronym trustee}
 * as their own processes with their own key files (a 3-of-5 epoch from the ceremony), a legal officer with
 * {@code heteronym officer}, and an auditor with {@code heteronym audit disclosures} reading only the public log.
 */
@ExtendWith(RestoresRestAssuredPort.class)
class DisclosureIT {

    private static final Pattern PUBLIC_KEY = Pattern.compile("public key: ([A-Za-z0-9+/]{44})");
    @Test
    void threeOfFiveTrusteesReleaseAndOnlyTheOfficerReadsTheIdentity() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "it", "disclosure"));
        try (ServiceProcess service = ServiceProcess.startFresh("heteronym_it_disclosure");
             TestHealthPki pki = TestHealthPki.start("Disclosure IT CA");
             CourtPki court = CourtPki.start("Tribunal judiciaire IT")) {
            TrusteeProcesses trustees = TrusteeProcesses.registered(service, 5, dir);
            trustees.runCeremony(trustees.openCeremony(service, 3), List.of(service));
            pki.trustedBy(service, "disclosure-it");
            String anchor = TrusteeProcesses.post(service, "/admin/v1/court-anchors", Map.of("name", "Courts IT",
                    "ca_certificates", List.of(CourtPki.pem(court.root()))), 201).path("id").asText();

            // a member, and their pseudonym at one forum
            RestAssured.port = URI.create(service.baseUrl()).getPort();
            String licence = MemberFixture.freshLicence();
            MemberBrowserless member = MemberFixture.enroll(pki.physician("Karim Auteur", licence));
            TestForum forum = TestForum.registerAs(service.operatorToken(), "it-disclosure", List.of("physician"));
            TestForum.Login login = TestForum.Login.fresh();
            String code = TestForum.query(forum.login(member, login)).get("code");
            String idToken = forum.token(code, login.verifier()).then().statusCode(200).extract().path("id_token");
            String pseudonym = com.nimbusds.jwt.SignedJWT.parse(idToken).getJWTClaimsSet().getSubject();

            // the legal officer makes a key; the operator registers it under the officer's staff subject
            LegalOfficer officer = LegalOfficer.register(service, dir, "officer-1");
            LegalOfficer stranger = LegalOfficer.register(service, dir, "officer-2");

            Map<String, Object> filing = LegalOfficer.gaggedFiling(court, "RG 26/00042", forum.clientId, pseudonym);
            String request = officer.post(service, "/disclosure/v1/requests", filing, 201).path("id").asText();
            officer.awaitReview(service, request);

            // trustees review from the log; trustee 2 refuses; 1 and 3 approve: t − 1 shares open nothing
            String vkey = service.vkey();
            ExternalCommand review = trustee(trustees, 0, service, vkey, "review", "--request", request);
            assertEquals(0, review.exitCode(), review.toString());
            assertTrue(review.output().contains("RG 26/00042"), review.toString());
            assertEquals(0, trustee(trustees, 1, service, vkey, "refuse", "--request", request, "--reason",
                    "The order names no statement precisely.").exitCode());
            for (int i : new int[] {0, 2}) {
                ExternalCommand approve = trustee(trustees, i, service, vkey, "approve", "--request", request);
                assertEquals(0, approve.exitCode(), approve.toString());
            }
            officer.awaitLogged(service, request, 2);
            ExternalCommand early = officer.open(service, vkey, request, officer);
            assertEquals(1, early.exitCode(), early.toString());
            assertTrue(early.output().contains("the epoch needs 3"), early.toString());

            ExternalCommand third = trustee(trustees, 4, service, vkey, "approve", "--request", request);
            assertEquals(0, third.exitCode(), third.toString());
            officer.awaitLogged(service, request, 3);
            assertEquals("released", officer.get(service, "/disclosure/v1/requests/" + request).path("state").asText());

            ExternalCommand opened = officer.open(service, vkey, request, officer);
            assertEquals(0, opened.exitCode(), opened.toString());
            assertTrue(opened.output().contains("Karim Auteur") && opened.output().contains(licence), opened.toString());

            // another registered officer: the service does not show the request, and its key cannot read the shares
            ExternalCommand notTheirs = stranger.open(service, vkey, request, stranger);
            assertNotEquals(0, notTheirs.exitCode(), notTheirs.toString());
            assertTrue(!notTheirs.output().contains("Karim"), notTheirs.toString());
            ExternalCommand wrongKey = officer.open(service, vkey, request, stranger);
            assertEquals(1, wrongKey.exitCode(), wrongKey.toString());
            assertTrue(wrongKey.output().contains("another key"), wrongKey.toString());

            // the auditor, from the public log alone
            ExternalCommand audit = ExternalCommand.heteronym("audit", "disclosures", "--log", service.logUrl(),
                    "--vkey", vkey);
            assertEquals(0, audit.exitCode(), audit.toString());
            assertTrue(audit.output().contains("1 released") && audit.output().contains("court-order signature"),
                    audit.toString());
            assertTrue(!audit.output().contains("NOT checked"), audit.toString());
            assertTrue(!audit.output().contains("Karim") && !audit.output().contains(anchor + "x"), audit.toString());
        }
    }

    private static ExternalCommand trustee(TrusteeProcesses trustees, int i, ServiceProcess service, String vkey,
                                           String command, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("trustee", command, "--service", service.baseUrl(),
                "--key", trustees.keyFiles.get(i).toString(), "--trustee-id", trustees.ids.get(i),
                "--log", service.logUrl(), "--vkey", vkey));
        all.addAll(List.of(args));
        return ExternalCommand.finish(ExternalCommand.startHeteronym(trustees.environments.get(i),
                all.toArray(String[]::new)), "trustee " + (i + 1) + " " + command);
    }
}
