package org.heteronym.credential;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.heteronym.testing.Fuzzing;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A member's CMS credential (a signature over the challenge with a health-professional certificate) and the CA
 * certificates an administrator registers as trust anchors. Contract: a value, {@link CredentialRefusal} for the
 * member's evidence, {@link CredentialAdminRefusal} (400) for an administrator's certificate; nothing else.
 */
@Tag("jazzer")
class CmsCredentialFuzzTest {

    static final byte[] CHALLENGE = "heteronym-enroll:7f3a9c2e5b1d".getBytes(StandardCharsets.US_ASCII);
    static final X509TestPki PKI;
    static final CmsCredentialVerifier VERIFIER;

    static {
        try {
            PKI = X509TestPki.create("IGC-Fuzz");
            X509TrustAnchor anchor = X509TrustAnchor.of("fr-igc-sante", List.of(PKI.root),
                    Map.of(X509TestPki.PHYSICIAN_POLICY, Profession.PHYSICIAN));
            // no network: a fuzzed input never chains to the anchor, and if it did revocation would be unknown
            VERIFIER = new CmsCredentialVerifier(List.of(anchor), (cert, issuer, now) ->
                    RevocationChecker.Status.UNAVAILABLE);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "3s")
    void credentialsAndCertificates(FuzzedDataProvider data) {
        int what = data.consumeInt(0, 2);
        try {
            switch (what) {
                case 0 -> VERIFIER.verify(data.consumeRemainingAsBytes(), CHALLENGE, Instant.now());
                case 1 -> CaCertificates.parseDer("ca_certificates[0]", data.consumeRemainingAsBytes());
                default -> CaCertificates.parsePem(0, data.consumeRemainingAsString(), Instant.now());
            }
        } catch (CredentialRefusal | CredentialAdminRefusal refused) {
            // the documented refusals
        }
    }

    /** -Dfuzz.writeSeeds=true: keeps a valid credential and a CA certificate as seeds. */
    @Test
    @EnabledIfSystemProperty(named = "fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws Exception {
        byte[] cms = PKI.sign(CHALLENGE, true, PKI.leaf().build());
        Fuzzing.writeSeed(getClass(), "credentialsAndCertificates", "valid-cms", Fuzzing.selected(0, cms));
        Fuzzing.writeSeed(getClass(), "credentialsAndCertificates", "ca-der", Fuzzing.selected(1, PKI.ca.getEncoded()));
    }
}
