package org.heteronym.credential;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * A licensing authority as the operator asks to register it, not yet checked.
 *
 * @param jwks               its JWK Set, public keys only
 * @param claims             claim names by role ({@link #CLAIM_ROLES}); absent roles keep the default name, and
 *                           {@code name} may be empty (no full-name claim)
 * @param professions        profession claim value → profession wire name ({@link Profession#wireName()})
 * @param statusListPrefixes where its status lists may be fetched from ({@link StatusListPrefixes}); may be empty
 */
public record LicensingAuthoritySpec(String id, String issuer, JsonNode jwks, List<String> vcts,
                                     Map<String, String> claims, Map<String, String> professions,
                                     List<String> statusListPrefixes) {

    /** The claim roles and their default names. */
    public static final Map<String, String> CLAIM_ROLES = orderedDefaults();
    public static final int MAX_VCTS = 16;
    public static final int MAX_PROFESSIONS = 32;
    public static final int MAX_PREFIXES = 8;
    static final int MAX_CLAIM_NAME = 100;

    /** The authority this spec defines, or a {@link CredentialAdminRefusal} naming the first thing wrong with it. */
    public LicensingAuthority validate() {
        RegistryRules.id(id);
        String iss = RegistryRules.text("issuer", issuer, RegistryRules.MAX_TEXT_LENGTH);
        List<PublicJsonWebKey> keys = AuthorityKeys.parse(jwks);
        if (vcts == null || vcts.isEmpty() || vcts.size() > MAX_VCTS) {
            throw new CredentialAdminRefusal(CredentialProblem.BAD_RULE, "vcts needs 1 to " + MAX_VCTS + " values");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String vct : vcts) {
            types.add(RegistryRules.text("vcts[]", vct, RegistryRules.MAX_TEXT_LENGTH));
        }
        Map<String, String> names = claimNames();
        RegistryRules.count("professions", professions, MAX_PROFESSIONS);
        Map<String, Profession> mapped = new LinkedHashMap<>();
        professions.forEach((value, profession) -> mapped.put(
                RegistryRules.text("professions key", value, MAX_CLAIM_NAME),
                RegistryRules.profession("professions[" + value + "]", profession)));
        List<String> prefixes = prefixes();
        return new LicensingAuthority(id, iss, keys, types, names.get("licence_number"), names.get("given_name"),
                names.get("family_name"), names.get("name"), names.get("birthdate"), names.get("profession"), mapped,
                prefixes);
    }

    private Map<String, String> claimNames() {
        Map<String, String> names = new LinkedHashMap<>(CLAIM_ROLES);
        if (claims != null) {
            claims.forEach((role, name) -> {
                if (!CLAIM_ROLES.containsKey(role)) {
                    throw new CredentialAdminRefusal(CredentialProblem.BAD_RULE, "claims has an unknown role "
                            + RegistryRules.printable(role) + "; known: " + String.join(", ", CLAIM_ROLES.keySet()));
                }
                boolean optional = role.equals("name") && "".equals(name);
                names.put(role, optional ? "" : RegistryRules.text("claims." + role, name, MAX_CLAIM_NAME));
            });
        }
        return names;
    }

    private List<String> prefixes() {
        if (statusListPrefixes == null || statusListPrefixes.size() > MAX_PREFIXES) {
            throw new CredentialAdminRefusal(CredentialProblem.BAD_STATUS_LIST_PREFIX,
                    "status_list_prefixes needs 0 to " + MAX_PREFIXES + " prefixes (none: the authority publishes no "
                            + "status list)");
        }
        if (new LinkedHashSet<>(statusListPrefixes).size() != statusListPrefixes.size()) {
            throw new CredentialAdminRefusal(CredentialProblem.BAD_STATUS_LIST_PREFIX, "a prefix is listed twice");
        }
        for (String prefix : statusListPrefixes) {
            StatusListPrefixes.problem(prefix).ifPresent(problem -> {
                throw new CredentialAdminRefusal(CredentialProblem.BAD_STATUS_LIST_PREFIX, problem);
            });
        }
        return statusListPrefixes;
    }

    private static Map<String, String> orderedDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String role : List.of("licence_number", "given_name", "family_name", "name", "birthdate", "profession")) {
            defaults.put(role, role);
        }
        return java.util.Collections.unmodifiableMap(defaults);
    }
}
