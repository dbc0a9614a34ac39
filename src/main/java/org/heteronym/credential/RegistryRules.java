package org.heteronym.credential;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** Checks shared by the trust anchor and licensing authority definitions; each refusal names the field. */
final class RegistryRules {

    /** Ids end up in URLs, log entries and sealed identities: short, lower case, no surprises. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    /** Arcs of up to 39 digits: 2.25 (UUID) arcs are 128-bit numbers. */
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]{0,38}))+");
    static final int MAX_OID_LENGTH = 100;
    static final int MAX_TEXT_LENGTH = 500;

    private RegistryRules() {
    }

    static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new CredentialAdminRefusal(CredentialProblem.BAD_ID,
                    "id must match [a-z0-9][a-z0-9-]{1,62} (2 to 63 lower-case letters, digits and hyphens)");
        }
        return id;
    }

    /** A dotted-decimal object identifier (first arc 0, 1 or 2, no leading zeros) that Bouncy Castle accepts. */
    static String oid(String field, String oid) {
        boolean ok = oid != null && oid.length() <= MAX_OID_LENGTH && OID.matcher(oid).matches();
        if (ok) {
            try {
                ok = new ASN1ObjectIdentifier(oid).getId().equals(oid);
            } catch (IllegalArgumentException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new CredentialAdminRefusal(CredentialProblem.BAD_RULE, field + " is not a dotted-decimal OID: "
                    + printable(oid));
        }
        return oid;
    }

    static Profession profession(String field, String wireName) {
        return Profession.fromWireName(wireName).orElseThrow(() -> new CredentialAdminRefusal(
                CredentialProblem.BAD_RULE, field + " names an unknown profession " + printable(wireName)
                        + "; known: " + Arrays.stream(Profession.values()).map(Profession::wireName)
                        .collect(Collectors.joining(", "))));
    }

    /** Non-blank text of at most {@code max} characters without control characters. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw new CredentialAdminRefusal(CredentialProblem.BAD_RULE,
                    field + " must be 1 to " + max + " characters without control characters");
        }
        return value;
    }

    static void count(String field, Map<?, ?> map, int max) {
        if (map == null || map.isEmpty() || map.size() > max) {
            throw new CredentialAdminRefusal(CredentialProblem.BAD_RULE, field + " needs 1 to " + max + " entries");
        }
    }

    /** For echoing caller input in a refusal: bounded and without control characters. */
    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return "\"" + cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "\"";
    }
}
