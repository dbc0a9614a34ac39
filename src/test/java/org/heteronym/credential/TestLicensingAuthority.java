package org.heteronym.credential;

import static org.heteronym.credential.AttestationTestIssuer.b64;
import static org.heteronym.credential.AttestationTestIssuer.disclosure;
import static org.heteronym.credential.AttestationTestIssuer.ecKey;
import static org.heteronym.credential.AttestationTestIssuer.issue;
import static org.heteronym.credential.AttestationTestIssuer.present;
import static org.heteronym.credential.AttestationTestIssuer.publicParams;
import static org.heteronym.credential.AttestationTestIssuer.statusListToken;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * A licensing authority for tests outside this package: its signing key, a status list served on loopback, and
 * wallets holding its SD-JWT VC licence attestations with key binding.
 */
public final class TestLicensingAuthority implements AutoCloseable {

    public static final String VCT = "https://licences.example.org/medical-licence";

    /** A wallet holding one attestation and the holder key it is bound to. */
    public final class Wallet {
        private final String issued;
        private final List<String> disclosures;
        private final PublicJsonWebKey holder;

        private Wallet(String issued, List<String> disclosures, PublicJsonWebKey holder) {
            this.issued = issued;
            this.disclosures = disclosures;
            this.holder = holder;
        }

        /** The presentation a wallet makes for a verifier's {@code nonce} and {@code audience}. */
        public String present(String nonce, String audience) throws Exception {
            return AttestationTestIssuer.present(issued, disclosures, holder, nonce, audience,
                    Instant.now().minusSeconds(2));
        }

        /** The same attestation, presented by a thief with another key. */
        public String presentWithAnotherKey(String nonce, String audience) throws Exception {
            return AttestationTestIssuer.present(issued, disclosures, ecKey("thief"), nonce, audience,
                    Instant.now().minusSeconds(2));
        }
    }

    private final String id;
    private final String issuer;
    private final PublicJsonWebKey key;
    private final StatusListTestServer statusLists;
    private final int[] statuses = new int[16];

    private TestLicensingAuthority(String id) throws Exception {
        this.id = id;
        this.issuer = "https://" + id + ".licences.example.org";
        this.key = ecKey(id + "-1");
        this.statusLists = new StatusListTestServer();
        publishStatuses();
    }

    public static TestLicensingAuthority start(String id) throws Exception {
        return new TestLicensingAuthority(id);
    }

    /** The body of {@code POST /admin/v1/licensing-authorities}. */
    public Map<String, Object> registration() {
        return Map.of("id", id, "issuer", issuer, "jwks", Map.of("keys", List.of(publicParams(key))),
                "vcts", List.of(VCT), "professions", Map.of("physician", "physician", "student", "medical-student"),
                "status_list_prefixes", List.of(statusLists.uri("")));
    }

    /** A physician's attestation whose status is entry {@code index} of the authority's list. */
    public Wallet physician(String givenName, String familyName, String licence, int index) throws Exception {
        PublicJsonWebKey holder = ecKey("holder");
        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("iss", issuer);
        clear.put("vct", VCT);
        clear.put("iat", Instant.now().minusSeconds(60).getEpochSecond());
        clear.put("exp", Instant.now().plusSeconds(86_400).getEpochSecond());
        clear.put("cnf", Map.of("jwk", publicParams(holder)));
        clear.put("status", Map.of("status_list", Map.of("idx", index, "uri", statusLists.uri("licences"))));
        List<String> disclosures = List.of(disclosure("licence_number", licence), disclosure("given_name", givenName),
                disclosure("family_name", familyName), disclosure("profession", "physician"));
        return new Wallet(issue(key, clear, disclosures), disclosures, holder);
    }

    /** Sets entry {@code index} (0 valid, 1 revoked, 2 suspended) and republishes the list. */
    public void setStatus(int index, int value) throws Exception {
        statuses[index] = value;
        publishStatuses();
    }

    private void publishStatuses() throws Exception {
        Instant now = Instant.now();
        statusLists.serve("licences", statusListToken(key, issuer, statusLists.uri("licences"), 2, statuses,
                now.minusSeconds(30), now.plusSeconds(3600)));
    }

    /** base64url of raw bytes, as a wallet writes a nonce. */
    public static String base64Url(byte[] bytes) {
        return b64(bytes);
    }

    @Override
    public void close() {
        statusLists.close();
    }
}
