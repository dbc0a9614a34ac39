package org.heteronym.forum;

import static org.heteronym.forum.ForumFixtures.ec;
import static org.heteronym.forum.ForumFixtures.ed;
import static org.heteronym.forum.ForumFixtures.publicParams;
import static org.heteronym.forum.ForumFixtures.rsa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.heteronym.web.ProblemType;
import org.junit.jupiter.api.Test;

/** Malformed keys and addresses are refused with their problem type, never with an unexpected failure. */
class ForumDefinitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void malformedKeysAreRefusedAsBadKeys() throws Exception {
        Map<String, Object> p256 = publicParams(ec("k"));
        Map<String, Object> ed25519 = publicParams(ed("k"));
        Map<String, Object> rsa = publicParams(rsa("k", 2048));
        List<Map<String, Object>> bad = List.of(
                without(p256, "y"), with(p256, "x", "not base64!"), with(p256, "x", "AAAA"),
                with(p256, "kid", 7), with(p256, "kid", ""), with(p256, "crv", "P-521"),
                without(ed25519, "x"), with(ed25519, "x", "AAAA"), with(ed25519, "alg", "ES256"),
                // the identity point (small order) and a 32-byte string that is not a point
                with(ed25519, "x", "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                with(ed25519, "x", "AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                without(rsa, "e"), with(rsa, "e", "AAE"), with(rsa, "e", "AQ"), with(rsa, "n", "%%%"),
                with(rsa, "alg", "HS256"), Map.of("kty", "EC"), Map.of(), Map.of("kty", "oct", "k", "AAAA"));
        for (Map<String, Object> key : bad) {
            ForumRefusal refusal = assertThrows(ForumRefusal.class,
                    () -> ForumKeys.parse(JSON.valueToTree(Map.of("keys", List.of(key)))), key.toString());
            assertEquals(ForumProblem.BAD_KEY, refusal.type(), key.toString());
        }
        assertThrows(ForumRefusal.class, () -> ForumKeys.parse(JSON.readTree("[1]")));
        assertThrows(ForumRefusal.class, () -> ForumKeys.parse(JSON.readTree("{\"keys\":[1]}")));
        assertThrows(ForumRefusal.class, () -> ForumKeys.parse(null));
        assertEquals(3, ForumKeys.parse(JSON.valueToTree(Map.of("keys", List.of(with(p256, "kid", "a"),
                with(ed25519, "kid", "b"), with(rsa, "kid", "c"))))).size());
    }

    @Test
    void addressesFollowOneRuleForEveryUse() {
        for (String ok : List.of("https://forum.example.org", "https://forum.example.org:8443/cb?x=1&y=2",
                "http://localhost/cb", "http://127.0.0.1:3000/cb", "http://[::1]:80/cb", "https://192.0.2.10/cb",
                "https://forum.example.org/a%20b")) {
            for (ForumUris.Use use : ForumUris.Use.values()) {
                assertEquals(ok, ForumUris.check(use, ok));
            }
        }
        Map<ForumUris.Use, ProblemType> problems = Map.of(ForumUris.Use.REDIRECT, ForumProblem.BAD_REDIRECT_URI,
                ForumUris.Use.JWKS, ForumProblem.BAD_JWKS_URI, ForumUris.Use.LOGOUT, ForumProblem.BAD_LOGOUT_URI);
        for (String bad : List.of("http://forum.example.org/", "http://127.0.0.2/cb", "http://localhost:x/cb",
                "https://forum.example.org:99999999999/cb", "https:///cb", "https:cb", "https://forum_x.example.org/",
                "https://forum.example.org/%2e%2e/cb", "https://forum.example.org\\cb", "mailto:a@example.org",
                "https://forum.example.org/\u0000", "\thttps://forum.example.org/")) {
            problems.forEach((use, problem) -> assertEquals(problem,
                    assertThrows(ForumRefusal.class, () -> ForumUris.check(use, bad), bad).type(), bad));
        }
    }

    @Test
    void theStoredFormReadsBackToTheSameDefinition() throws Exception {
        ForumSpec spec = new ForumSpec("roundtrip", "Round trip", "private_key_jwt", null,
                JSON.valueToTree(Map.of("keys", List.of(publicParams(rsa("r", 2048)), publicParams(ed("e"))))),
                List.of("https://f.example.org/cb"), List.of("resident", "physician"), true,
                "https://f.example.org/logout");
        ForumDefinition definition = spec.validate();
        Forum read = ForumRecords.forum(ForumRecords.row(definition, java.util.Optional.empty(),
                java.time.LocalDate.of(2026, 11, 22)));
        assertEquals(ForumRecords.publicFields(definition), ForumRecords.publicFields(read.definition()));
        assertEquals(List.of("physician", "resident"), ForumRecords.professions(read.definition()));
    }

    private static Map<String, Object> with(Map<String, Object> key, String name, Object value) {
        Map<String, Object> copy = new HashMap<>(key);
        copy.put(name, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> key, String name) {
        Map<String, Object> copy = new HashMap<>(key);
        copy.remove(name);
        return copy;
    }
}
