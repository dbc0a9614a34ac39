package org.heteronym.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON forms of trust anchors and licensing authorities: the row columns, and the public fields that log entries
 * and the admin API show. Rows are decoded with the same checks as requests, so a row edited by hand behind the
 * service's back cannot smuggle in what the API would refuse.
 */
public final class RegistryJson {

    static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private RegistryJson() {
    }

    // ---- trust anchors

    /** Public fields of an anchor (log entry {@code trust-anchor.registered}). */
    public static Map<String, Object> anchorFields(X509TrustAnchor anchor) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ca_certificates", anchor.caCertificates().stream()
                .map(c -> Base64.getEncoder().encodeToString(CaCertificates.der(c))).toList());
        fields.put("sha256", anchor.caCertificates().stream().map(CaCertificates::sha256).toList());
        fields.put("licence_attribute_oid", anchor.licenceAttributeOid());
        fields.put("name_attribute_oid", anchor.nameAttributeOid());
        fields.put("profession_by_policy", wireNames(anchor.professionByPolicy()));
        return fields;
    }

    static TrustAnchorRow row(X509TrustAnchor anchor, LocalDate registeredOn) {
        Map<String, Object> fields = anchorFields(anchor);
        TrustAnchorRow row = new TrustAnchorRow();
        row.id = anchor.id();
        row.caCertificates = write(fields.get("ca_certificates"));
        row.licenceAttributeOid = anchor.licenceAttributeOid();
        row.nameAttributeOid = anchor.nameAttributeOid();
        row.professionByPolicy = write(fields.get("profession_by_policy"));
        row.registeredOn = registeredOn;
        return row;
    }

    static Registered<X509TrustAnchor> anchor(TrustAnchorRow row) {
        List<X509Certificate> certs = new ArrayList<>();
        for (String der : read(row.caCertificates, STRINGS)) {
            certs.add(CaCertificates.parseDer("stored certificate of " + row.id, Base64.getDecoder().decode(der)));
        }
        X509TrustAnchor anchor = new TrustAnchorSpec(row.id, List.of(), row.licenceAttributeOid,
                row.nameAttributeOid, read(row.professionByPolicy, STRING_MAP)).withCertificates(certs);
        return new Registered<>(anchor, row.registeredOn, Optional.ofNullable(row.retiredOn));
    }

    // ---- licensing authorities

    /** Public fields of an authority (log entry {@code licensing-authority.registered}). */
    public static Map<String, Object> authorityFields(LicensingAuthority authority) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("licence_number", authority.licenceNumberClaim());
        claims.put("given_name", authority.givenNameClaim());
        claims.put("family_name", authority.familyNameClaim());
        claims.put("name", authority.nameClaim());
        claims.put("birthdate", authority.birthdateClaim());
        claims.put("profession", authority.professionClaim());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("issuer", authority.issuer());
        fields.put("jwks", AuthorityKeys.jwkSet(authority.keys()));
        fields.put("vcts", authority.vcts().stream().sorted().toList());
        fields.put("claims", claims);
        fields.put("professions", wireNames(authority.professions()));
        fields.put("status_list_prefixes", authority.statusListPrefixes());
        return fields;
    }

    static LicensingAuthorityRow row(LicensingAuthority authority, LocalDate registeredOn) {
        Map<String, Object> fields = authorityFields(authority);
        LicensingAuthorityRow row = new LicensingAuthorityRow();
        row.id = authority.id();
        row.issuer = authority.issuer();
        row.jwks = write(fields.get("jwks"));
        row.vcts = write(fields.get("vcts"));
        row.claims = write(fields.get("claims"));
        row.professions = write(fields.get("professions"));
        row.statusListPrefixes = write(fields.get("status_list_prefixes"));
        row.registeredOn = registeredOn;
        return row;
    }

    static Registered<LicensingAuthority> authority(LicensingAuthorityRow row) {
        try {
            LicensingAuthority authority = new LicensingAuthoritySpec(row.id, row.issuer, JSON.readTree(row.jwks),
                    read(row.vcts, STRINGS), read(row.claims, STRING_MAP), read(row.professions, STRING_MAP),
                    read(row.statusListPrefixes, STRINGS)).validate();
            return new Registered<>(authority, row.registeredOn, Optional.ofNullable(row.retiredOn));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored authority " + row.id + " is not JSON", e);
        }
    }

    // ---- helpers

    /** Sorted, so that the stored and logged forms do not depend on map order. */
    private static Map<String, String> wireNames(Map<String, Profession> map) {
        Map<String, String> out = new TreeMap<>();
        map.forEach((key, profession) -> out.put(key, profession.wireName()));
        return out;
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored definition is not the expected JSON", e);
        }
    }
}
