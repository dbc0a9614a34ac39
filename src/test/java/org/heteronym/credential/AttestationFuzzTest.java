package org.heteronym.credential;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heteronym.credential.attestation.AttestationJose;
import org.junit.jupiter.api.Tag;

/**
 * A licensing authority's attestation (SD-JWT VC with disclosures and a key-binding JWT) as a member submits it.
 * Contract: a verified credential or {@link CredentialRefusal}; nothing else. The status list lives at a closed
 * local port: a fuzzed input cannot carry the authority's signature, so it is never fetched.
 */
@Tag("jazzer")
class AttestationFuzzTest {

    static final String ISSUER = "https://licences.example.org";
    static final byte[] CHALLENGE = "challenge-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final AttestationVerifier VERIFIER;

    static {
        try {
            LicensingAuthority authority = LicensingAuthority.withDefaultClaims("medical-council", ISSUER,
                    List.of(AttestationTestIssuer.publicOnly(AttestationTestIssuer.ecKey("auth-ec-1")),
                            AttestationTestIssuer.publicOnly(AttestationTestIssuer.edKey("auth-ed-1"))),
                    Set.of(ISSUER + "/medical-licence"), Map.of("physician", Profession.PHYSICIAN),
                    List.of("http://127.0.0.1:9/lists/"));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
            VERIFIER = new AttestationVerifier(List.of(authority),
                    new StatusListClient(List.of(authority), http, Duration.ofMillis(200)));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "3s")
    void presentations(FuzzedDataProvider data) {
        boolean whole = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        try {
            if (whole) {
                VERIFIER.verify(text, CHALLENGE, "https://heteronym.example/enroll", Instant.now());
            } else {
                AttestationJose.parse(text, RefusalReason.MALFORMED);
            }
        } catch (CredentialRefusal refused) {
            // the documented refusal
        }
    }
}
