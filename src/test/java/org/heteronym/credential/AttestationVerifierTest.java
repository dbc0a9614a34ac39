package org.heteronym.credential;

import static org.heteronym.credential.AttestationTestIssuer.b64;
import static org.heteronym.credential.AttestationTestIssuer.disclosure;
import static org.heteronym.credential.AttestationTestIssuer.ecKey;
import static org.heteronym.credential.AttestationTestIssuer.edKey;
import static org.heteronym.credential.AttestationTestIssuer.issue;
import static org.heteronym.credential.AttestationTestIssuer.present;
import static org.heteronym.credential.AttestationTestIssuer.publicOnly;
import static org.heteronym.credential.AttestationTestIssuer.publicParams;
import static org.heteronym.credential.AttestationTestIssuer.sha256;
import static org.heteronym.credential.AttestationTestIssuer.statusListToken;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AttestationVerifierTest {

    static final String ISSUER = "https://licences.example.org";
    static final String VCT = "https://licences.example.org/medical-licence";
    static final String AUDIENCE = "https://heteronym.example/enroll";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final byte[] CHALLENGE = "challenge-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    PublicJsonWebKey issuerEc;
    PublicJsonWebKey issuerEd;
    PublicJsonWebKey holder;
    TokenServer server;
    final Map<String, String> served = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    String revocationUri;
    String suspensionUri;
    LicensingAuthority authority;
    StatusListClient statusLists;
    AttestationVerifier verifier;

    @BeforeEach
    void setUp() throws Exception {
        issuerEc = ecKey("auth-ec-1");
        issuerEd = edKey("auth-ed-1");
        holder = ecKey("holder");
        server = new TokenServer(served, requests);
        String base = server.base() + "lists/";
        revocationUri = base + "revocation";
        suspensionUri = base + "suspension";
        served.put("/lists/revocation", statusListToken(issuerEc, ISSUER, revocationUri, 1, new int[] {0, 1, 0},
                NOW.minusSeconds(60), NOW.plusSeconds(3600)));
        served.put("/lists/suspension", statusListToken(issuerEd, ISSUER, suspensionUri, 2, new int[] {0, 2, 1, 3},
                NOW.minusSeconds(60), NOW.plusSeconds(3600)));
        authority = LicensingAuthority.withDefaultClaims("medical-council", ISSUER,
                List.of(publicOnly(issuerEc), publicOnly(issuerEd)), Set.of(VCT),
                Map.of("physician", Profession.PHYSICIAN, "resident", Profession.RESIDENT), List.of(base));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        statusLists = new StatusListClient(List.of(authority), http, Duration.ofSeconds(3));
        verifier = new AttestationVerifier(List.of(authority), statusLists);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** A credential under construction: clear claims, disclosures, signing key; {@link #presentation()} binds it. */
    final class Credential {
        PublicJsonWebKey signer = issuerEc;
        final Map<String, Object> clear = new LinkedHashMap<>();
        final List<String> disclosures = new ArrayList<>();

        Credential() throws Exception {
            clear.put("iss", ISSUER);
            clear.put("vct", VCT);
            clear.put("iat", NOW.minus(Duration.ofDays(1)).getEpochSecond());
            clear.put("exp", NOW.plus(Duration.ofDays(365)).getEpochSecond());
            clear.put("cnf", Map.of("jwk", publicParams(holder)));
            clear.put("status", Map.of("status_list", Map.of("idx", 0, "uri", revocationUri)));
            disclosures.add(disclosure("licence_number", "MD-123456"));
            disclosures.add(disclosure("given_name", "Ada"));
            disclosures.add(disclosure("family_name", "Lovelace"));
            disclosures.add(disclosure("birthdate", "1985-12-10"));
            disclosures.add(disclosure("profession", "physician"));
        }

        Credential with(Consumer<Map<String, Object>> change) {
            change.accept(clear);
            return this;
        }

        String issued() throws Exception {
            return issue(signer, clear, disclosures);
        }

        String presentation() throws Exception {
            return present(issued(), disclosures, holder, b64(CHALLENGE), AUDIENCE, NOW.minusSeconds(5));
        }
    }

    private CredentialRefusal refused(String presentation) {
        return assertThrows(CredentialRefusal.class, () -> verifier.verify(presentation, CHALLENGE, AUDIENCE, NOW));
    }

    private void assertRefused(RefusalReason expected, String presentation) {
        assertEquals(expected, refused(presentation).reason());
    }

    @Test
    void validPresentationYieldsTheLicenceHolderAndAuthority() throws Exception {
        String presentation = new Credential().presentation();

        VerifiedCredential c = verifier.verify(presentation, CHALLENGE, AUDIENCE, NOW);

        assertEquals(EvidenceKind.AUTHORITY_ATTESTATION, c.kind());
        assertEquals("medical-council", c.authority());
        assertEquals("MD-123456", c.licenceNumber());
        assertEquals("Ada Lovelace", c.fullName());
        assertEquals(Optional.of(LocalDate.of(1985, 12, 10)), c.dateOfBirth());
        assertEquals(Profession.PHYSICIAN, c.profession());
        assertEquals(new LicenceStatusHandle.StatusListEntry("medical-council", URI.create(revocationUri), 0),
                c.statusHandle());
        assertArrayEquals(sha256(presentation.getBytes(StandardCharsets.UTF_8)), c.evidenceDigest());
        assertEquals(NOW, c.verifiedAt());
    }

    @Test
    void plainJwsAttestationSignedWithEdDsaAndNoDisclosuresIsAccepted() throws Exception {
        Credential credential = new Credential().with(c -> {
            c.put("licence_number", "RS-42");
            c.put("name", "Grace Hopper");
            c.put("profession", "resident");
            c.remove("status");
        });
        credential.signer = issuerEd;
        credential.disclosures.clear();

        VerifiedCredential c = verifier.verify(credential.presentation(), CHALLENGE, AUDIENCE, NOW);

        assertEquals("RS-42", c.licenceNumber());
        assertEquals("Grace Hopper", c.fullName());
        assertEquals(Optional.empty(), c.dateOfBirth());
        assertEquals(Profession.RESIDENT, c.profession());
        assertEquals(new LicenceStatusHandle.NoStatus("medical-council"), c.statusHandle());
    }

    @Test
    void issuerSignatureByAnotherKeyUnderTheAuthorityKidIsBadSignature() throws Exception {
        Credential credential = new Credential();
        credential.signer = ecKey("auth-ec-1");
        assertRefused(RefusalReason.BAD_SIGNATURE, credential.presentation());
    }

    @Test
    void attestationFromAnUntrustedIssuerIsUnknownIssuer() throws Exception {
        assertRefused(RefusalReason.UNKNOWN_ISSUER,
                new Credential().with(c -> c.put("iss", "https://diploma-mill.example")).presentation());
    }

    @Test
    void signingKeyIdTheAuthorityDoesNotPublishIsUnknownIssuer() throws Exception {
        Credential credential = new Credential();
        credential.signer = ecKey("someone-else");
        assertRefused(RefusalReason.UNKNOWN_ISSUER, credential.presentation());
    }

    @Test
    void unsignedAlgNoneAttestationIsRefused() throws Exception {
        Credential credential = new Credential();
        String signed = credential.issued();
        String payload = signed.split("\\.")[1];
        String header = b64("{\"alg\":\"none\",\"typ\":\"dc+sd-jwt\",\"kid\":\"auth-ec-1\"}"
                .getBytes(StandardCharsets.US_ASCII));
        String unsigned = header + "." + payload + ".";
        String presentation = present(unsigned, credential.disclosures, holder, b64(CHALLENGE), AUDIENCE, NOW);
        assertRefused(RefusalReason.BAD_SIGNATURE, presentation);
    }

    @Test
    void expiredAttestationIsExpired() throws Exception {
        assertRefused(RefusalReason.EXPIRED, new Credential()
                .with(c -> c.put("exp", NOW.minus(Duration.ofHours(1)).getEpochSecond())).presentation());
    }

    @Test
    void attestationBeforeItsNotBeforeIsNotYetValid() throws Exception {
        assertRefused(RefusalReason.NOT_YET_VALID, new Credential()
                .with(c -> c.put("nbf", NOW.plus(Duration.ofHours(1)).getEpochSecond())).presentation());
    }

    @Test
    void entrySetInTheStatusListIsRevoked() throws Exception {
        assertRefused(RefusalReason.REVOKED, new Credential()
                .with(c -> c.put("status", Map.of("status_list", Map.of("idx", 1, "uri", revocationUri))))
                .presentation());
    }

    @Test
    void suspendedEntryInATwoBitStatusListIsRevoked() throws Exception {
        assertEquals(StatusListClient.Status.SUSPENDED, statusLists.check(suspensionUri, 1, NOW));
        assertEquals(StatusListClient.Status.VALID, statusLists.check(suspensionUri, 0, NOW));
        assertRefused(RefusalReason.REVOKED, new Credential()
                .with(c -> c.put("status", Map.of("status_list", Map.of("idx", 1, "uri", suspensionUri))))
                .presentation());
    }

    @Test
    void unreachableStatusServerIsStatusUnavailable() throws Exception {
        String presentation = new Credential().presentation();
        server.close();
        assertRefused(RefusalReason.STATUS_UNAVAILABLE, presentation);
    }

    @Test
    void missingStatusListIsStatusUnavailable() throws Exception {
        String missing = revocationUri.replace("revocation", "gone");
        assertRefused(RefusalReason.STATUS_UNAVAILABLE, new Credential()
                .with(c -> c.put("status", Map.of("status_list", Map.of("idx", 0, "uri", missing))))
                .presentation());
    }

    @Test
    void statusListSignedByAnotherKeyIsStatusUnavailable() throws Exception {
        String forgedUri = revocationUri.replace("revocation", "forged");
        served.put("/lists/forged", statusListToken(ecKey("auth-ec-1"), ISSUER, forgedUri, 1, new int[] {0},
                NOW.minusSeconds(60), NOW.plusSeconds(3600)));
        assertRefused(RefusalReason.STATUS_UNAVAILABLE, new Credential()
                .with(c -> c.put("status", Map.of("status_list", Map.of("idx", 0, "uri", forgedUri))))
                .presentation());
    }

    @Test
    void statusListForAnotherUriIsStatusUnavailable() throws Exception {
        String copyUri = revocationUri.replace("revocation", "copy");
        served.put("/lists/copy", served.get("/lists/revocation"));
        assertRefused(RefusalReason.STATUS_UNAVAILABLE, new Credential()
                .with(c -> c.put("status", Map.of("status_list", Map.of("idx", 0, "uri", copyUri))))
                .presentation());
    }

    @Test
    void statusListIsCachedUntilItsTtl() throws Exception {
        assertEquals(StatusListClient.Status.VALID, statusLists.check(revocationUri, 0, NOW));
        assertEquals(StatusListClient.Status.INVALID, statusLists.check(revocationUri, 1, NOW));
        assertEquals(1, requests.get());
        statusLists.check(revocationUri, 0, NOW.plusSeconds(301));
        assertEquals(2, requests.get());
    }

    @Test
    void keyBindingSignedByAnotherKeyThanCnfIsWrongHolder() throws Exception {
        Credential credential = new Credential();
        String presentation = present(credential.issued(), credential.disclosures, ecKey("holder"), b64(CHALLENGE),
                AUDIENCE, NOW);
        assertRefused(RefusalReason.WRONG_HOLDER, presentation);
    }

    @Test
    void presentationWithoutKeyBindingIsWrongHolder() throws Exception {
        Credential credential = new Credential();
        assertRefused(RefusalReason.WRONG_HOLDER,
                AttestationTestIssuer.withoutKeyBinding(credential.issued(), credential.disclosures));
    }

    @Test
    void keyBindingNonceForAnotherChallengeIsWrongChallenge() throws Exception {
        Credential credential = new Credential();
        String presentation = present(credential.issued(), credential.disclosures, holder,
                b64("another challenge".getBytes(StandardCharsets.US_ASCII)), AUDIENCE, NOW);
        assertRefused(RefusalReason.WRONG_CHALLENGE, presentation);
    }

    @Test
    void keyBindingForAnotherAudienceIsWrongChallenge() throws Exception {
        Credential credential = new Credential();
        String presentation = present(credential.issued(), credential.disclosures, holder, b64(CHALLENGE),
                "https://phishing.example", NOW);
        assertRefused(RefusalReason.WRONG_CHALLENGE, presentation);
    }

    @Test
    void staleKeyBindingIsChallengeExpired() throws Exception {
        Credential credential = new Credential();
        String presentation = present(credential.issued(), credential.disclosures, holder, b64(CHALLENGE), AUDIENCE,
                NOW.minus(Duration.ofMinutes(30)));
        assertRefused(RefusalReason.CHALLENGE_EXPIRED, presentation);
    }

    @Test
    void disclosureTheIssuerDidNotSignIsBadSignature() throws Exception {
        Credential credential = new Credential();
        String issued = credential.issued();
        List<String> tampered = new ArrayList<>(credential.disclosures);
        tampered.set(4, disclosure("profession", "physician")); // same claim, new salt: digest not in _sd
        tampered.set(0, disclosure("licence_number", "MD-999999"));
        String presentation = present(issued, tampered, holder, b64(CHALLENGE), AUDIENCE, NOW);
        assertRefused(RefusalReason.BAD_SIGNATURE, presentation);
    }

    @Test
    void duplicatedDisclosureIsMalformed() throws Exception {
        Credential credential = new Credential();
        String issued = credential.issued();
        List<String> doubled = new ArrayList<>(credential.disclosures);
        doubled.add(credential.disclosures.get(0));
        assertRefused(RefusalReason.MALFORMED, present(issued, doubled, holder, b64(CHALLENGE), AUDIENCE, NOW));
    }

    @Test
    void droppingADisclosureAfterKeyBindingBreaksSdHash() throws Exception {
        Credential credential = new Credential();
        String presentation = credential.presentation();
        String birthdate = credential.disclosures.get(3);
        String dropped = presentation.replace("~" + birthdate + "~", "~");
        assertRefused(RefusalReason.WRONG_CHALLENGE, dropped);
    }

    @Test
    void unmappedProfessionIsNoProfession() throws Exception {
        Credential credential = new Credential();
        credential.disclosures.set(4, disclosure("profession", "veterinarian"));
        assertRefused(RefusalReason.NO_PROFESSION, credential.presentation());
    }

    @Test
    void selectivelyDisclosedStatusIsMalformed() throws Exception {
        Credential credential = new Credential().with(c -> c.remove("status"));
        credential.disclosures.add(disclosure("status", Map.of("status_list", Map.of("idx", 2, "uri", revocationUri))));
        assertRefused(RefusalReason.MALFORMED, credential.presentation());
    }

    @Test
    void expiredStatusListIsStatusUnavailable() throws Exception {
        String staleUri = revocationUri.replace("revocation", "stale");
        served.put("/lists/stale", statusListToken(issuerEc, ISSUER, staleUri, 1, new int[] {0},
                NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1))));
        assertRefused(RefusalReason.STATUS_UNAVAILABLE, new Credential()
                .with(c -> c.put("status", Map.of("status_list", Map.of("idx", 0, "uri", staleUri))))
                .presentation());
    }

    @Test
    void statusUriThatCouldNeverBeRecheckedIsMalformedAndNotFetched() throws Exception {
        for (String uri : List.of("file:///etc/passwd", "https:no-host", "https://st\u00e4tus.example/lists/1")) {
            assertRefused(RefusalReason.MALFORMED, new Credential()
                    .with(c -> c.put("status", Map.of("status_list", Map.of("idx", 0, "uri", uri))))
                    .presentation());
        }
        assertEquals(0, requests.get());
    }

    @Test
    void garbageIsMalformed() throws Exception {
        assertRefused(RefusalReason.MALFORMED, "definitely not an attestation");
        assertRefused(RefusalReason.MALFORMED, "eyJhbGciOiJFUzI1NiJ9.e30");
        assertRefused(RefusalReason.MALFORMED, "aaa.bbb.ccc~ddd~eee.fff.ggg");
        assertRefused(RefusalReason.MALFORMED, "");
    }

    @Test
    void presentationOver64KiBIsTooLarge() throws Exception {
        Credential credential = new Credential();
        credential.disclosures.add(disclosure("padding", "x".repeat(70 * 1024)));
        assertRefused(RefusalReason.TOO_LARGE, credential.presentation());
    }
}
