package org.heteronym.forum;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.heteronym.credential.Profession;

/** Checks of a forum's id, name and policy; each refusal names the field. */
final class ForumRules {

    /**
     * Client ids are permanent: the pseudonyms derive from them. Short, lower case and URL-safe, they need no
     * form-encoding in HTTP Basic credentials (RFC 6749 §2.3.1).
     */
    static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    static final int MAX_NAME = 100;

    private ForumRules() {
    }

    static String clientId(String id) {
        if (id == null || !CLIENT_ID.matcher(id).matches()) {
            throw new ForumRefusal(ForumProblem.BAD_ID, "client_id must match [a-z0-9][a-z0-9-]{1,62} (2 to 63 "
                    + "lower-case letters, digits and hyphens), not " + printable(id));
        }
        return id;
    }

    /**
     * The name members see on the consent page: 1 to 100 characters, no control or format characters (a
     * right-to-left override or a zero-width character could make one forum's name read as another's).
     */
    static String name(String name) {
        boolean ok = name != null && !name.isBlank() && name.length() <= MAX_NAME && name.strip().equals(name)
                && name.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
        if (!ok) {
            throw new ForumRefusal(ForumProblem.BAD_NAME, "client_name must be 1 to " + MAX_NAME + " characters, "
                    + "without leading or trailing spaces, control or format characters");
        }
        return name;
    }

    /** The professions that may log in: 1 to 3 distinct wire names; returned in the enum's order. */
    static Set<Profession> professions(List<String> wireNames) {
        if (wireNames == null || wireNames.isEmpty()) {
            throw new ForumRefusal(ForumProblem.BAD_POLICY, "allowed_professions needs at least one of "
                    + known() + ": a forum nobody may log in to is not a forum");
        }
        Set<Profession> professions = EnumSet.noneOf(Profession.class);
        for (String wireName : wireNames) {
            Profession profession = Profession.fromWireName(wireName).orElseThrow(() -> new ForumRefusal(
                    ForumProblem.BAD_POLICY, "allowed_professions names an unknown profession " + printable(wireName)
                            + "; known: " + known()));
            if (!professions.add(profession)) {
                throw new ForumRefusal(ForumProblem.BAD_POLICY, "allowed_professions lists " + wireName + " twice");
            }
        }
        return professions;
    }

    private static String known() {
        return Arrays.stream(Profession.values()).map(Profession::wireName).collect(Collectors.joining(", "));
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
