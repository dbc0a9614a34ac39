package org.heteronym.credential;

import static org.heteronym.credential.AttestationTestIssuer.b64;
import static org.heteronym.credential.AttestationTestIssuer.disclosure;
import static org.heteronym.credential.AttestationTestIssuer.ecKey;
import static org.heteronym.credential.AttestationTestIssuer.issue;
import static org.heteronym.credential.AttestationTestIssuer.present;
import static org.heteronym.credential.AttestationTestIssuer.publicOnly;
import static org.heteronym.credential.AttestationTestIssuer.publicParams;
import static org.heteronym.credential.AttestationTestIssuer.statusListToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-authority allow-list of status list locations: nothing outside it is ever fetched. */
@Timeout(20)
class StatusListAllowListTest {

    static final String ISSUER = "https://licences.example.org";
    static final String OTHER_ISSUER = "https://other-licences.example.org";
    static final String VCT = "https://licences.example.org/medical-licence";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final byte[] CHALLENGE = "challenge-allow-list".getBytes(StandardCharsets.US_ASCII);

    PublicJsonWebKey issuerKey;
    PublicJsonWebKey otherKey;
    PublicJsonWebKey holder;
    TokenServer server;
    String base;
    final Map<String, String> served = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        issuerKey = ecKey("auth-1");
        otherKey = ecKey("other-1");
        holder = ecKey("holder");
        server = new TokenServer(served, requests);
        base = server.base();
        serve("lists/a", issuerKey, ISSUER);
        serve("elsewhere/a", issuerKey, ISSUER);
        serve("other/a", issuerKey, ISSUER);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void serve(String path, PublicJsonWebKey key, String iss) throws Exception {
        served.put("/" + path, statusListToken(key, iss, base + path, 1, new int[] {0, 1}, NOW.minusSeconds(60),
                NOW.plusSeconds(3600)));
    }

    private LicensingAuthority authority(List<String> prefixes) throws Exception {
        return LicensingAuthority.withDefaultClaims("medical-council", ISSUER, List.of(publicOnly(issuerKey)),
                Set.of(VCT), Map.of("physician", Profession.PHYSICIAN), prefixes);
    }

    private LicensingAuthority other(List<String> prefixes) throws Exception {
        return LicensingAuthority.withDefaultClaims("other-council", OTHER_ISSUER, List.of(publicOnly(otherKey)),
                Set.of(VCT), Map.of("physician", Profession.PHYSICIAN), prefixes);
    }

    private StatusListClient client(LicensingAuthority... authorities) {
        return new StatusListClient(List.of(authorities), HttpClient.newHttpClient(), Duration.ofSeconds(3));
    }

    private String presentation(String statusUri) throws Exception {
        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("iss", ISSUER);
        clear.put("vct", VCT);
        clear.put("cnf", Map.of("jwk", publicParams(holder)));
        clear.put("status", Map.of("status_list", Map.of("idx", 0, "uri", statusUri)));
        List<String> disclosures = List.of(disclosure("licence_number", "MD-1"), disclosure("given_name", "Ada"),
                disclosure("family_name", "Lovelace"), disclosure("profession", "physician"));
        return present(issue(issuerKey, clear, disclosures), disclosures, holder, b64(CHALLENGE), "aud",
                NOW.minusSeconds(5));
    }

    private RefusalReason refusal(LicensingAuthority authority, String statusUri) throws Exception {
        AttestationVerifier verifier = new AttestationVerifier(List.of(authority), client(authority));
        String presentation = presentation(statusUri);
        return assertThrows(CredentialRefusal.class, () -> verifier.verify(presentation, CHALLENGE, "aud", NOW))
                .reason();
    }

    @Test
    void statusListUnderARegisteredPrefixIsChecked() throws Exception {
        LicensingAuthority authority = authority(List.of(base + "lists/"));
        VerifiedCredential c = new AttestationVerifier(List.of(authority), client(authority))
                .verify(presentation(base + "lists/a"), CHALLENGE, "aud", NOW);
        assertEquals("medical-council", c.authority());
        assertEquals(1, requests.get());
    }

    @Test
    void attestationSteeringToAnotherPathIsRefusedWithoutFetching() throws Exception {
        assertEquals(RefusalReason.UNTRUSTED_STATUS_LIST,
                refusal(authority(List.of(base + "lists/")), base + "elsewhere/a"));
        assertEquals(0, requests.get());
    }

    @Test
    void dotSegmentsCannotClimbOutOfThePrefix() throws Exception {
        LicensingAuthority authority = authority(List.of(base + "lists/"));
        assertEquals(RefusalReason.UNTRUSTED_STATUS_LIST, refusal(authority, base + "lists/../elsewhere/a"));
        assertEquals(RefusalReason.UNTRUSTED_STATUS_LIST, refusal(authority, base + "lists/%2e%2e/elsewhere/a"));
        assertEquals(0, requests.get());
    }

    @Test
    void anotherHostSharingThePrefixTextIsRefused() throws Exception {
        LicensingAuthority authority = authority(List.of("https://status.example.org/"));
        assertEquals(RefusalReason.UNTRUSTED_STATUS_LIST,
                refusal(authority, "https://status.example.org.evil.example/lists/a"));
        assertEquals(RefusalReason.UNTRUSTED_STATUS_LIST,
                refusal(authority, "https://status.example.org@evil.example/lists/a"));
        assertEquals(RefusalReason.UNTRUSTED_STATUS_LIST, refusal(authority, "http://status.example.org/lists/a"));
    }

    @Test
    void authorityWithoutPrefixesPublishesNoStatusList() throws Exception {
        assertEquals(RefusalReason.UNTRUSTED_STATUS_LIST, refusal(authority(List.of()), base + "lists/a"));
        assertEquals(0, requests.get());
    }

    @Test
    void monitorLookupOutsideEveryAuthorityIsRefusedWithoutFetching() throws Exception {
        StatusListClient client = client(authority(List.of(base + "lists/")));
        CredentialRefusal refusal = assertThrows(CredentialRefusal.class,
                () -> client.check(base + "elsewhere/a", 0, NOW));
        assertEquals(RefusalReason.UNTRUSTED_STATUS_LIST, refusal.reason());
        assertEquals(0, requests.get());
        assertEquals(StatusListClient.Status.INVALID, client.check(base + "lists/a", 1, NOW));
    }

    @Test
    void monitorLookupRequiresTheSigningAuthorityToAllowTheLocation() throws Exception {
        // "other/" belongs to the other authority, but the list found there is signed by the first one
        StatusListClient client = client(authority(List.of(base + "lists/")), other(List.of(base + "other/")));
        CredentialRefusal refusal = assertThrows(CredentialRefusal.class, () -> client.check(base + "other/a", 0, NOW));
        assertEquals(RefusalReason.UNTRUSTED_STATUS_LIST, refusal.reason());
    }

    @Test
    void aClientForNewAuthoritiesKeepsTheCache() throws Exception {
        LicensingAuthority authority = authority(List.of(base + "lists/"));
        StatusListClient client = client(authority);
        assertEquals(StatusListClient.Status.VALID, client.check(authority, base + "lists/a", 0, NOW));
        StatusListClient next = client.withAuthorities(List.of(authority, other(List.of(base + "other/"))));
        assertEquals(StatusListClient.Status.INVALID, next.check(authority, base + "lists/a", 1, NOW));
        assertEquals(1, requests.get());
    }

    @Test
    void prefixesMustPinAnHttpsHost() {
        for (String good : List.of("https://status.example.org/", "https://status.example.org:8443/lists/",
                "http://127.0.0.1:8080/lists/", "http://localhost/", "http://[::1]:9000/")) {
            assertEquals(Optional.empty(), StatusListPrefixes.problem(good), good);
        }
        for (String bad : List.of("", "status.example.org/", "https://status.example.org",
                "https://status.example.org/lists", "http://status.example.org/", "ftp://status.example.org/",
                "https://user@status.example.org/", "https://status.example.org/?x=1/",
                "https://Status.Example.org/", "https://status.example.org/a/../", "https:///lists/",
                "https://status.example.org/#/")) {
            assertTrue(StatusListPrefixes.problem(bad).isPresent(), bad);
        }
    }
}
