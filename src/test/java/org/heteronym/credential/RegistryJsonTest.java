package org.heteronym.credential;

import static org.heteronym.credential.AttestationTestIssuer.ecKey;
import static org.heteronym.credential.AttestationTestIssuer.edKey;
import static org.heteronym.credential.AttestationTestIssuer.publicParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/** Definitions survive the trip through their stored form, and a stored row is held to the API's rules. */
class RegistryJsonTest {

    @Test
    void anchorRoundTripsThroughItsRow() throws Exception {
        X509TestPki pki = X509TestPki.create("RoundTrip");
        X509TrustAnchor anchor = new TrustAnchorSpec("fr-igc-sante", List.of(RegistryTestSupport.pem(pki.root),
                RegistryTestSupport.pem(pki.ca)), "2.5.4.97", null, Map.of(X509TestPki.PHYSICIAN_POLICY, "physician",
                X509TestPki.RESIDENT_POLICY, "medical-student")).validate(Instant.now());

        TrustAnchorRow row = RegistryJson.row(anchor, LocalDate.of(2026, 11, 22));
        Registered<X509TrustAnchor> back = RegistryJson.anchor(row);

        assertEquals(anchor, back.definition());
        assertEquals(LocalDate.of(2026, 11, 22), back.registeredOn());
        assertTrue(back.active());
        assertEquals("2.5.4.97", back.definition().licenceAttributeOid());
        assertEquals(X509TrustAnchor.COMMON_NAME_OID, back.definition().nameAttributeOid());
        assertEquals(Profession.MEDICAL_STUDENT, back.definition().professionByPolicy().get(X509TestPki.RESIDENT_POLICY));
    }

    @Test
    void authorityRoundTripsThroughItsRow() throws Exception {
        PublicJsonWebKey ec = ecKey("ec-1");
        PublicJsonWebKey ed = edKey("ed-1");
        LicensingAuthoritySpec spec = new LicensingAuthoritySpec("medical-council", "https://licences.example.org",
                RegistryJson.JSON.valueToTree(Map.of("keys", List.of(publicParams(ec), publicParams(ed)))),
                List.of("urn:vct:licence", "urn:vct:student"), Map.of("licence_number", "rpps", "name", ""),
                Map.of("MD", "physician"), List.of("https://status.example.org/lists/"));
        LicensingAuthority authority = spec.validate();

        Registered<LicensingAuthority> back = RegistryJson.authority(RegistryJson.row(authority, LocalDate.now()));

        LicensingAuthority read = back.definition();
        assertEquals("rpps", read.licenceNumberClaim());
        assertEquals("", read.nameClaim());
        assertEquals("given_name", read.givenNameClaim());
        assertEquals(authority.vcts(), read.vcts());
        assertEquals(authority.professions(), read.professions());
        assertEquals(authority.statusListPrefixes(), read.statusListPrefixes());
        assertEquals(List.of("ec-1", "ed-1"), read.keys().stream().map(JsonWebKey::getKeyId).toList());
        assertEquals(ec.getPublicKey(), read.keys().get(0).getPublicKey());
        assertTrue(read.allowsStatusList("https://status.example.org/lists/7"));
    }

    @Test
    void aStoredPrivateKeyIsRefusedOnLoadAsOnRegistration() throws Exception {
        PublicJsonWebKey ec = ecKey("ec-1");
        LicensingAuthority authority = new LicensingAuthoritySpec("council", "https://licences.example.org",
                RegistryJson.JSON.valueToTree(Map.of("keys", List.of(publicParams(ec)))), List.of("urn:vct"), null,
                Map.of("MD", "physician"), List.of()).validate();
        LicensingAuthorityRow row = RegistryJson.row(authority, LocalDate.now());
        row.jwks = RegistryJson.write(Map.of("keys", List.of(ec.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE))));

        CredentialAdminRefusal refusal = assertThrows(CredentialAdminRefusal.class, () -> RegistryJson.authority(row));
        assertEquals(CredentialProblem.BAD_KEY, refusal.type());
    }
}
