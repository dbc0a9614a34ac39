package org.heteronym.credential;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * A licensing authority whose signed attestations (SD-JWT VC) and status lists this service trusts.
 *
 * @param id                 the configured id, reported as {@link VerifiedCredential#authority()}
 * @param issuer             the {@code iss} value its attestations carry
 * @param keys               its public signing keys (ES256 P-256 or EdDSA Ed25519), chosen by {@code kid}
 * @param vcts               accepted credential types ({@code vct})
 * @param licenceNumberClaim claim holding the licence number
 * @param givenNameClaim     claim holding the given name (used with {@code familyNameClaim})
 * @param familyNameClaim    claim holding the family name
 * @param nameClaim          claim holding the full name, used when given/family name are absent; may be empty
 * @param birthdateClaim     claim holding the ISO birthdate (optional in credentials)
 * @param professionClaim    claim holding the profession
 * @param professions        profession claim value → {@link Profession}; unmapped values are refused
 * @param statusListPrefixes where its status lists may be fetched from ({@link StatusListPrefixes}); a status list
 *                           URI outside them is refused. Empty: the authority publishes none, and a credential that
 *                           names one is refused.
 */
public record LicensingAuthority(String id, String issuer, List<PublicJsonWebKey> keys, Set<String> vcts,
                                 String licenceNumberClaim, String givenNameClaim, String familyNameClaim,
                                 String nameClaim, String birthdateClaim, String professionClaim,
                                 Map<String, Profession> professions, List<String> statusListPrefixes) {

    public LicensingAuthority {
        Objects.requireNonNull(id);
        Objects.requireNonNull(issuer);
        keys = List.copyOf(keys);
        vcts = Set.copyOf(vcts);
        Objects.requireNonNull(licenceNumberClaim);
        Objects.requireNonNull(givenNameClaim);
        Objects.requireNonNull(familyNameClaim);
        Objects.requireNonNull(nameClaim);
        Objects.requireNonNull(birthdateClaim);
        Objects.requireNonNull(professionClaim);
        professions = Map.copyOf(professions);
        if (keys.isEmpty() || vcts.isEmpty() || professions.isEmpty()) {
            throw new IllegalArgumentException("an authority needs keys, vct values and profession mappings");
        }
        statusListPrefixes = List.copyOf(statusListPrefixes);
        for (String prefix : statusListPrefixes) {
            StatusListPrefixes.problem(prefix).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
        for (PublicJsonWebKey k : keys) {
            if (k.getPrivateKey() != null) {
                throw new IllegalArgumentException("configure public keys only");
            }
            if (keys.size() > 1 && k.getKeyId() == null) {
                throw new IllegalArgumentException("with several keys each needs a kid");
            }
        }
    }

    /** An authority whose status lists are not allowed anywhere: a credential naming one is refused. */
    public LicensingAuthority(String id, String issuer, List<PublicJsonWebKey> keys, Set<String> vcts,
                              String licenceNumberClaim, String givenNameClaim, String familyNameClaim,
                              String nameClaim, String birthdateClaim, String professionClaim,
                              Map<String, Profession> professions) {
        this(id, issuer, keys, vcts, licenceNumberClaim, givenNameClaim, familyNameClaim, nameClaim, birthdateClaim,
                professionClaim, professions, List.of());
    }

    /**
     * An authority using the default claim names {@code licence_number, given_name, family_name, name, birthdate,
     * profession}, whose status lists are not allowed anywhere.
     */
    public static LicensingAuthority withDefaultClaims(String id, String issuer, List<PublicJsonWebKey> keys,
                                                       Set<String> vcts, Map<String, Profession> professions) {
        return withDefaultClaims(id, issuer, keys, vcts, professions, List.of());
    }

    /** An authority using the default claim names, whose status lists must start with one of {@code statusListPrefixes}. */
    public static LicensingAuthority withDefaultClaims(String id, String issuer, List<PublicJsonWebKey> keys,
                                                       Set<String> vcts, Map<String, Profession> professions,
                                                       List<String> statusListPrefixes) {
        return new LicensingAuthority(id, issuer, keys, vcts, "licence_number", "given_name", "family_name", "name",
                "birthdate", "profession", professions, statusListPrefixes);
    }

    /** True when a status list at {@code uri} may be fetched for this authority. */
    public boolean allowsStatusList(String uri) {
        return StatusListPrefixes.allows(statusListPrefixes, uri);
    }

    /** Parses a JWK set document into public keys; private members are dropped. */
    public static List<PublicJsonWebKey> parseJwks(String jwksJson) throws JoseException {
        List<PublicJsonWebKey> out = new java.util.ArrayList<>();
        for (JsonWebKey k : new JsonWebKeySet(jwksJson).getJsonWebKeys()) {
            if (!(k instanceof PublicJsonWebKey p)) {
                throw new JoseException("not a public key: " + k.getKeyType());
            }
            PublicJsonWebKey pub = PublicJsonWebKey.Factory.newPublicJwk(p.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            out.add(pub);
        }
        return out;
    }
}
