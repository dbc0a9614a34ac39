package org.heteronym.forum;

import static org.hamcrest.Matchers.equalTo;
import static org.heteronym.forum.ForumFixtures.FORUMS;
import static org.heteronym.forum.ForumFixtures.PROBLEM;
import static org.heteronym.forum.ForumFixtures.asOperator;
import static org.heteronym.forum.ForumFixtures.ec;
import static org.heteronym.forum.ForumFixtures.ed;
import static org.heteronym.forum.ForumFixtures.freshId;
import static org.heteronym.forum.ForumFixtures.inlineKeysForum;
import static org.heteronym.forum.ForumFixtures.jwksUriForum;
import static org.heteronym.forum.ForumFixtures.privateParams;
import static org.heteronym.forum.ForumFixtures.publicParams;
import static org.heteronym.forum.ForumFixtures.rsa;
import static org.heteronym.forum.ForumFixtures.secretForum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.heteronym.testing.Concurrently;
import org.heteronym.testing.LogSearch;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

/** Every bad definition gets its problem type and leaves no row and no log entry. */
@QuarkusTest
class ForumRefusalTest {

    private final List<String> refusedIds = new ArrayList<>();

    @Test
    void badDefinitionsAreRefusedAndLeaveNoRowAndNoLogEntry() throws Exception {
        LogSearch log = LogSearch.forTestProfile();
        long before = log.size();

        for (String uri : List.of("http://forum.example.org/cb", "https://forum.example.org/cb#top",
                "https://forum.example.org/cb#", "https://*.forum.example.org/cb", "https://forum.example.org/*",
                "/auth/callback", "forum.example.org/cb", "https://user:pw@forum.example.org/cb",
                "https://forum.example.org/a/../cb", "https://forum.example.org/./cb", "HTTPS://forum.example.org/cb",
                "https://Forum.example.org/cb", "https://forum.example.org/caf\u00e9", "https://forum.example.org/a b",
                "", "javascript:alert(1)", "custom-app://callback", "http://localhost.attacker.example/cb",
                "http://127.0.0.1.nip.io/cb", "https://" + "a".repeat(500) + ".org/")) {
            refuse("redirect", "forum-bad-redirect-uri", body -> body.put("redirect_uris", List.of(uri)));
        }
        refuse("redirect", "forum-bad-redirect-uri", body -> body.put("redirect_uris", List.of()));
        refuse("redirect", "forum-bad-redirect-uri", body -> body.put("redirect_uris",
                List.of("https://f.example.org/cb", "https://f.example.org/cb")));
        refuse("redirect", "forum-bad-redirect-uri", body -> body.put("redirect_uris",
                IntStream.range(0, 11).mapToObj(i -> "https://f.example.org/cb" + i).toList()));

        for (String uri : List.of("http://keys.example.org/jwks.json", "ftp://keys.example.org/jwks.json",
                "https://keys.example.org/jwks.json#k", "https://user@keys.example.org/jwks", "keys.example.org")) {
            refuse("jwks-uri", "forum-bad-jwks-uri", body -> body.put("jwks_uri", uri));
        }

        var p256 = ec("k1");
        refuseKeys(privateParams(p256));
        refuseKeys(privateParams(ed("k1")));
        refuseKeys(privateParams(rsa("k1", 2048)));
        refuseKeys(publicParams(rsa("k1", 1024)));
        refuseKeys(publicParams(rsa("k1", 2040)));
        var p384 = EcJwkGenerator.generateJwk(EllipticCurves.P384);
        refuseKeys(publicParams(p384));
        refuseKeys(Map.of("kty", "oct", "k", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"));
        refuseKeys(publicParams(ec(null)), publicParams(ed(null)));
        refuseKeys(publicParams(ec("same")), publicParams(rsa("same", 2048)));
        Map<String, Object> wrongAlg = publicParams(p256);
        wrongAlg.put("alg", "RS256");
        refuseKeys(wrongAlg);
        Map<String, Object> encryption = publicParams(p256);
        encryption.put("use", "enc");
        refuseKeys(encryption);
        Map<String, Object> offCurve = publicParams(p256);
        offCurve.put("y", offCurve.get("x"));
        refuseKeys(offCurve);
        refuseJwks(List.of(publicParams(p256)));
        refuseJwks(Map.of("keys", List.of()));
        refuseJwks("not a set");
        refuseJwks(Map.of("keys", IntStream.range(0, 9).mapToObj(i -> {
            Map<String, Object> key = publicParams(p256);
            key.put("kid", "k" + i);
            return key;
        }).toList()));

        refuse("auth", "forum-bad-authentication", body -> body.put("token_endpoint_auth_method", "client_secret_post"));
        refuse("auth", "forum-bad-authentication", body -> body.put("token_endpoint_auth_method", "none"));
        refuse("auth", "forum-bad-authentication", body -> body.put("jwks", Map.of("keys", List.of(publicParams(p256)))));
        refuse("auth", "forum-bad-authentication", body -> body.remove("jwks_uri"));
        refuseSecretForum("forum-bad-authentication", body -> body.put("jwks_uri", "https://k.example.org/jwks"));

        for (List<String> professions : List.<List<String>>of(List.of("surgeon"), List.of(), List.of("physician", "physician"),
                List.of("Physician"), List.of("medical student"))) {
            refuse("policy", "forum-bad-policy", body -> body.put("allowed_professions", professions));
        }
        for (String uri : List.of("http://forum.example.org/logout", "https://forum.example.org/logout#x", "logout")) {
            refuse("logout", "forum-bad-logout-uri", body -> body.put("backchannel_logout_uri", uri));
        }
        for (String name : List.of("", " ", " Padded", "Evil\u202Egpj.exe", "Zero\u200Bwidth", "Line\nbreak",
                "x".repeat(101))) {
            refuse("name", "forum-bad-name", body -> body.put("client_name", name));
        }
        for (String id : List.of("Bad_ID", "a", "-leading", "x".repeat(64), "has space", "../etc", "forum\u0000")) {
            refusedIds.add(id);
            asOperator().body(withId(jwksUriForum(id), id)).post(FORUMS).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEM + "forum-bad-id"));
        }
        refuse("unknown", "forum-unknown-field", body -> body.put("client_secret", "chosen-by-me"));
        refuse("unknown", "forum-unknown-field", body -> body.put("backchannel_logout_url", "https://f.example.org/l"));

        String missing = freshId("missing");
        refusedIds.add(missing);
        Map<String, Object> noRedirects = jwksUriForum(missing);
        noRedirects.remove("redirect_uris");
        asOperator().body(noRedirects).post(FORUMS).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("about:blank"));
        asOperator().body("{not json").post(FORUMS).then().statusCode(400).contentType("application/problem+json");

        // a registered id is refused the second time; only the first is stored and logged
        String first = freshId("twice");
        asOperator().body(jwksUriForum(first)).post(FORUMS).then().statusCode(201);
        asOperator().body(secretForum(first)).post(FORUMS).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "forum-duplicate"));

        List<String> listed = asOperator().get(FORUMS).then().extract().jsonPath().getList("client_id");
        List<String> entries = log.entriesSince(before);
        for (String id : refusedIds) {
            assertFalse(listed.contains(id), id + " was stored");
            assertTrue(entries.stream().noneMatch(e -> e.contains("\"" + id + "\"")), id + " was logged");
        }
        assertEquals(1, entries.stream().filter(e -> e.contains("forum.registered") && e.contains(first)).count());
        assertTrue(entries.stream().noneMatch(e -> e.contains("forum.") && !e.contains(first)));
    }

    @Test
    void concurrentRegistrationsOfOneIdStoreAndLogOne() throws Exception {
        LogSearch log = LogSearch.forTestProfile();
        long before = log.size();
        String id = freshId("race");
        List<Integer> statuses = Concurrently.calls(6,
                () -> asOperator().body(secretForum(id)).post(FORUMS).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, log.entriesSince(before).stream()
                .filter(e -> e.contains("forum.registered") && e.contains("\"" + id + "\"")).count());
    }

    private void refuse(String prefix, String type, Consumer<Map<String, Object>> change) {
        String id = freshId("bad-" + prefix);
        refusedIds.add(id);
        Map<String, Object> body = jwksUriForum(id);
        change.accept(body);
        post(body, type);
    }

    private void refuseSecretForum(String type, Consumer<Map<String, Object>> change) {
        String id = freshId("bad-secret");
        refusedIds.add(id);
        Map<String, Object> body = secretForum(id);
        change.accept(body);
        post(body, type);
    }

    @SafeVarargs
    private void refuseKeys(Map<String, Object>... keys) {
        String id = freshId("bad-keys");
        refusedIds.add(id);
        post(inlineKeysForum(id, keys), "forum-bad-key");
    }

    private void refuseJwks(Object jwks) {
        String id = freshId("bad-jwks");
        refusedIds.add(id);
        Map<String, Object> body = inlineKeysForum(id);
        body.put("jwks", jwks);
        post(body, "forum-bad-key");
    }

    private static void post(Map<String, Object> body, String type) {
        asOperator().body(body).post(FORUMS).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + type));
    }

    private static Map<String, Object> withId(Map<String, Object> body, String id) {
        body.put("client_id", id);
        return body;
    }
}
