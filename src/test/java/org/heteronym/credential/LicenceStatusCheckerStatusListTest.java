package org.heteronym.credential;

import static org.heteronym.credential.AttestationTestIssuer.b64;
import static org.heteronym.credential.AttestationTestIssuer.disclosure;
import static org.heteronym.credential.AttestationTestIssuer.ecKey;
import static org.heteronym.credential.AttestationTestIssuer.edKey;
import static org.heteronym.credential.AttestationTestIssuer.issue;
import static org.heteronym.credential.AttestationTestIssuer.present;
import static org.heteronym.credential.AttestationTestIssuer.publicOnly;
import static org.heteronym.credential.AttestationTestIssuer.publicParams;
import static org.heteronym.credential.AttestationTestIssuer.statusListToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
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
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The licence monitor's view of attestations: a member enrolls with a real SD-JWT VC, only the handle is kept, then
 * the authority flips the entry in its status list on the loopback server. Test lists have a ttl of 300 s.
 */
@Timeout(20)
class LicenceStatusCheckerStatusListTest {

    static final String ISSUER = "https://licences.example.org";
    static final String VCT = "https://licences.example.org/medical-licence";
    static final String AUDIENCE = "https://heteronym.example/enroll";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Instant AFTER_TTL = NOW.plusSeconds(301);
    static final byte[] CHALLENGE = "challenge-monitor-42".getBytes(StandardCharsets.US_ASCII);

    PublicJsonWebKey issuerEc;
    PublicJsonWebKey issuerEd;
    PublicJsonWebKey holder;
    StatusListTestServer lists;
    LicensingAuthority authority;
    final Map<String, LicensingAuthority> registry = new ConcurrentHashMap<>();
    StatusListClient statusLists;
    AttestationVerifier enrollment;
    LicenceStatusChecker monitor;

    @BeforeEach
    void setUp() throws Exception {
        issuerEc = ecKey("auth-ec-1");
        issuerEd = edKey("auth-ed-1");
        holder = ecKey("holder");
        lists = new StatusListTestServer();
        serve("revocation", issuerEc, 1, 0, 1, 0);
        serve("suspension", issuerEd, 2, 0, 2, 1, 3);
        authority = LicensingAuthority.withDefaultClaims("medical-council", ISSUER,
                List.of(publicOnly(issuerEc), publicOnly(issuerEd)), Set.of(VCT),
                Map.of("physician", Profession.PHYSICIAN), List.of(lists.uri("")));
        registry.put(authority.id(), authority);
        statusLists = new StatusListClient(List.of(authority),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), Duration.ofSeconds(3));
        enrollment = new AttestationVerifier(List.of(authority), statusLists);
        monitor = new LicenceStatusChecker(new X509RevocationChecker(), statusLists,
                id -> Optional.ofNullable(registry.get(id)));
    }

    @AfterEach
    void tearDown() {
        lists.close();
    }

    private void serve(String name, PublicJsonWebKey key, int bits, int... values) throws Exception {
        lists.serve(name, statusListToken(key, ISSUER, lists.uri(name), bits, values, NOW.minusSeconds(60),
                NOW.plusSeconds(3600)));
    }

    /** Enrolls with an attestation whose status is {@code status} (none if null); the handle as read from storage. */
    private LicenceStatusHandle enrolled(Map<String, Object> status) throws Exception {
        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("iss", ISSUER);
        clear.put("vct", VCT);
        clear.put("iat", NOW.minus(Duration.ofDays(1)).getEpochSecond());
        clear.put("cnf", Map.of("jwk", publicParams(holder)));
        if (status != null) {
            clear.put("status", status);
        }
        List<String> disclosures = List.of(disclosure("licence_number", "MD-123456"),
                disclosure("given_name", "Ada"), disclosure("family_name", "Lovelace"),
                disclosure("profession", "physician"));
        String presentation = present(issue(issuerEc, clear, disclosures), disclosures, holder, b64(CHALLENGE),
                AUDIENCE, NOW.minusSeconds(5));
        VerifiedCredential c = enrollment.verify(presentation, CHALLENGE, AUDIENCE, NOW);
        return LicenceStatusHandle.decode(c.statusHandle().encode());
    }

    private LicenceStatusHandle enrolledAt(String list, int index) throws Exception {
        return enrolled(Map.of("status_list", Map.of("idx", index, "uri", lists.uri(list))));
    }

    private LicenceStatusHandle.StatusListEntry entry(String list, int index) {
        return new LicenceStatusHandle.StatusListEntry(authority.id(), URI.create(lists.uri(list)), index);
    }

    @Test
    void enrolledAttestationIsActiveUntilItsEntryIsFlippedToRevoked() throws Exception {
        LicenceStatusHandle handle = enrolledAt("revocation", 0);
        assertEquals(LicenceStatus.ACTIVE, monitor.check(handle, NOW));

        serve("revocation", issuerEc, 1, 1, 1, 0);

        assertEquals(LicenceStatus.ACTIVE, monitor.check(handle, NOW.plusSeconds(60)));  // the list in hand, until ttl
        assertEquals(LicenceStatus.REVOKED, monitor.check(handle, AFTER_TTL));
    }

    @Test
    void enrolledAttestationIsRevokedWhenItsEntryIsFlippedToSuspended() throws Exception {
        LicenceStatusHandle handle = enrolledAt("suspension", 0);
        assertEquals(LicenceStatus.ACTIVE, monitor.check(handle, NOW));

        serve("suspension", issuerEd, 2, 2, 2, 1, 3);

        assertEquals(LicenceStatus.REVOKED, monitor.check(handle, AFTER_TTL));
    }

    @Test
    void everyNonZeroStatusValueIsRevoked() {
        assertEquals(LicenceStatus.ACTIVE, monitor.check(entry("suspension", 0), NOW));
        assertEquals(LicenceStatus.REVOKED, monitor.check(entry("suspension", 1), NOW));  // 2, suspended
        assertEquals(LicenceStatus.REVOKED, monitor.check(entry("suspension", 2), NOW));  // 1, invalid
        assertEquals(LicenceStatus.REVOKED, monitor.check(entry("suspension", 3), NOW));  // 3, application-specific
    }

    @Test
    void authorityRemovedSinceEnrollmentIsUnavailableWithoutAskingItsServer() throws Exception {
        LicenceStatusHandle handle = enrolledAt("revocation", 0);
        int before = lists.requests.get();

        registry.remove(authority.id());

        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(handle, AFTER_TTL));
        assertEquals(before, lists.requests.get());
    }

    @Test
    void listsAreVerifiedWithTheKeysTheAuthorityHasNowNotAtEnrollment() throws Exception {
        LicenceStatusHandle handle = enrolledAt("revocation", 0);

        // the operator replaced the authority's keys (say, the old one leaked): lists under the old key no longer count
        registry.put(authority.id(), LicensingAuthority.withDefaultClaims(authority.id(), ISSUER,
                List.of(publicOnly(ecKey("auth-ec-2"))), Set.of(VCT), Map.of("physician", Profession.PHYSICIAN),
                List.of(lists.uri(""))));

        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(handle, AFTER_TTL));
    }

    @Test
    void lookupReturningAnotherAuthorityOrFailingIsUnavailable() throws Exception {
        LicenceStatusHandle handle = entry("revocation", 0);
        LicensingAuthority impostor = LicensingAuthority.withDefaultClaims("other-council", ISSUER,
                List.of(publicOnly(issuerEc)), Set.of(VCT), Map.of("physician", Profession.PHYSICIAN),
                List.of(lists.uri("")));
        LicenceStatusChecker confused = new LicenceStatusChecker(new X509RevocationChecker(), statusLists,
                id -> Optional.of(impostor));
        LicenceStatusChecker failing = new LicenceStatusChecker(new X509RevocationChecker(), statusLists, id -> {
            throw new IllegalStateException("registry down");
        });

        assertEquals(LicenceStatus.UNAVAILABLE, confused.check(handle, NOW));
        assertEquals(LicenceStatus.UNAVAILABLE, failing.check(handle, NOW));
    }

    @Test
    void statusServerDownIsUnavailable() throws Exception {
        LicenceStatusHandle handle = enrolledAt("revocation", 0);

        lists.close();

        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(handle, AFTER_TTL));
    }

    @Test
    void listSignedByAnotherKeyUnderTheAuthoritysKidIsUnavailable() throws Exception {
        serve("forged", ecKey("auth-ec-1"), 1, 0);

        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(entry("forged", 0), NOW));
    }

    @Test
    void listPastItsExpiryIsUnavailable() throws Exception {
        LicenceStatusHandle handle = enrolledAt("revocation", 0);

        // the server keeps serving the token that expired at NOW + 1 h
        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(handle, NOW.plus(Duration.ofHours(2))));
    }

    @Test
    void indexBeyondTheListIsUnavailable() {
        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(entry("revocation", 4096), NOW));
    }

    @Test
    void attestationWithoutStatusHasNothingToRecheck() throws Exception {
        LicenceStatusHandle handle = enrolled(null);

        assertEquals(new LicenceStatusHandle.NoStatus("medical-council"), handle);
        assertEquals(LicenceStatus.UNAVAILABLE, monitor.check(handle, NOW));
    }
}
