package org.heteronym.forum;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.heteronym.forum.ForumAdminTest.refused;
import static org.heteronym.forum.ForumFixtures.FORUMS;
import static org.heteronym.forum.ForumFixtures.asOperator;
import static org.heteronym.forum.ForumFixtures.freshId;
import static org.heteronym.forum.ForumFixtures.jwksUriForum;
import static org.heteronym.forum.ForumFixtures.secretForum;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.heteronym.testing.LogSearch;
import org.junit.jupiter.api.Test;

/** A client secret is generated, shown once, kept only as a digest, never logged, and rotation replaces it. */
@QuarkusTest
class ForumSecretTest {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @Inject
    ForumClients clients;

    @Test
    void secretIsShownOnceAtRegistrationAndNeverAgain() throws Exception {
        LogSearch log = LogSearch.forTestProfile();
        long before = log.size();
        String id = freshId("secret");
        String secret = asOperator().body(secretForum(id)).post(FORUMS).then().statusCode(201)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body("token_endpoint_auth_method", equalTo("client_secret_basic"))
                .body("client_secret_issued_on", equalTo(TODAY))
                .extract().path("client_secret");
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
        assertEquals(32, Base64.getUrlDecoder().decode(secret).length);

        asOperator().get(FORUMS + "/" + id).then().statusCode(200)
                .body("$", not(hasKey("client_secret")))
                .body("client_secret_issued_on", equalTo(TODAY));
        String listed = asOperator().get(FORUMS).then().statusCode(200).extract().asString();
        assertFalse(listed.contains(secret));

        Forum forum = active(id);
        assertTrue(clients.secretMatches(forum, secret));
        assertFalse(clients.secretMatches(forum, secret.substring(0, 42) + (secret.charAt(42) == 'A' ? 'B' : 'A')));
        assertFalse(clients.secretMatches(forum, secret + "x"));
        assertFalse(clients.secretMatches(forum, ""));
        assertFalse(clients.secretMatches(forum, null));
        assertFalse(clients.secretMatches(forum, "x".repeat(10_000)));

        byte[] digest = SecretDigest.of(id, secret).bytes();
        List<String> entries = log.entriesSince(before);
        JsonPath entry = JsonPath.from(entries.stream().filter(e -> e.contains("forum.registered") && e.contains(id))
                .findFirst().orElseThrow());
        assertEquals("client_secret_basic", entry.getString("token_endpoint_auth_method"));
        for (String e : entries) {
            assertSecretAbsent(e, secret, digest, "log entry");
        }
        // the row holds the digest and nothing from which the secret could be read
        List<String> columns = row(id);
        assertTrue(columns.contains(HexFormat.of().formatHex(digest)));
        for (String column : columns) {
            assertFalse(column.contains(secret), "a column holds the secret");
            assertFalse(column.contains(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.US_ASCII))));
        }
        assertSecretAbsent(Files.readString(Path.of("target/quarkus-test.log")), secret, digest, "application log");
    }

    @Test
    void rotationReplacesTheSecretAtOnceAndLogsOnlyThatItHappened() throws Exception {
        String id = freshId("rotating");
        String first = asOperator().body(secretForum(id)).post(FORUMS).then().statusCode(201)
                .extract().path("client_secret");
        LogSearch log = LogSearch.forTestProfile();
        long before = log.size();
        String second = asOperator().post(FORUMS + "/" + id + "/secret").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("client_id", equalTo(id))
                .body("client_secret_issued_on", equalTo(TODAY))
                .extract().path("client_secret");
        assertNotEquals(first, second);
        assertTrue(second.matches("[A-Za-z0-9_-]{43}"));

        Forum forum = active(id);
        assertFalse(clients.secretMatches(forum, first), "the old secret still works");
        assertTrue(clients.secretMatches(forum, second));
        asOperator().get(FORUMS + "/" + id).then().body("$", not(hasKey("client_secret")));

        JsonPath entry = JsonPath.from(log.find("forum.secret-rotated", "\"" + id + "\""));
        assertEquals(id, entry.getString("forum"));
        assertEquals(TODAY, entry.getString("date"));
        for (String e : log.entriesSince(before)) {
            assertSecretAbsent(e, first, SecretDigest.of(id, first).bytes(), "log entry");
            assertSecretAbsent(e, second, SecretDigest.of(id, second).bytes(), "log entry");
        }
        // a secret is bound to its forum: another forum's digest never matches it
        String otherId = freshId("rotating-other");
        asOperator().body(secretForum(otherId)).post(FORUMS).then().statusCode(201);
        assertFalse(clients.secretMatches(active(otherId), second));
        assertArrayEquals(SecretDigest.of(id, second).bytes(), SecretDigest.of(id, second).bytes());
        assertNotEquals(HexFormat.of().formatHex(SecretDigest.of(id, second).bytes()),
                HexFormat.of().formatHex(SecretDigest.of(otherId, second).bytes()));
    }

    @Test
    void aForumWithKeysHasNoSecretToRotate() {
        String id = freshId("keys-only");
        asOperator().body(jwksUriForum(id)).post(FORUMS).then().statusCode(201);
        refused(() -> asOperator().post(FORUMS + "/" + id + "/secret"), 409, "forum-no-secret");
        asOperator().get(FORUMS + "/" + id).then().body("$", not(hasKey("client_secret_issued_on")));
    }

    @Test
    void aRetiredForumsSecretNoLongerMatches() {
        String id = freshId("retired-secret");
        String secret = asOperator().body(secretForum(id)).post(FORUMS).then().statusCode(201)
                .extract().path("client_secret");
        Forum before = active(id);
        asOperator().delete(FORUMS + "/" + id).then().statusCode(200);
        assertTrue(ForumFixtures.onVertx(() -> clients.active(id)).isEmpty());
        Forum retired = new Forum(before.definition(), before.secret(), before.secretIssuedOn(), before.registeredOn(),
                java.util.Optional.of(LocalDate.now(ZoneOffset.UTC)));
        assertFalse(clients.secretMatches(retired, secret));
    }

    private static void assertSecretAbsent(String text, String secret, byte[] digest, String where) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        assertFalse(text.contains(secret), "the secret is in a " + where);
        assertFalse(lower.contains(HexFormat.of().formatHex(digest)), "the digest (hex) is in a " + where);
        assertFalse(text.contains(Base64.getEncoder().encodeToString(digest)), "the digest is in a " + where);
        assertFalse(text.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(digest)),
                "the digest is in a " + where);
    }

    /** Every column of the forum's row as text (bytea as hex), read straight from the database. */
    private static List<String> row(String id) throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement s = c.prepareStatement("select * from forum where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    columns.add(value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value));
                }
                return columns;
            }
        }
    }

    private Forum active(String id) {
        return ForumFixtures.onVertx(() -> clients.active(id)).orElseThrow();
    }
}
