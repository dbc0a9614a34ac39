package org.heteronym.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Tag;

/**
 * A forum's inline JWK Set (registration body or its jwks_uri document) for private_key_jwt. Contract: the checked
 * keys or {@link ForumRefusal} BAD_KEY (400); nothing from jose4j, the JCA or Bouncy Castle escapes. Accepted keys
 * round-trip through their stored form.
 */
@Tag("jazzer")
class ForumKeysFuzzTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "3s")
    void jwks(FuzzedDataProvider data) {
        JsonNode jwks;
        try {
            jwks = JSON.readTree(data.consumeRemainingAsBytes());
        } catch (java.io.IOException notJson) {
            return; // refused before ForumKeys (400 from the JSON reader)
        }
        try {
            List<PublicJsonWebKey> keys = ForumKeys.parse(jwks);
            JsonNode stored = JSON.valueToTree(ForumKeys.jwkSet(keys));
            assertEquals(stored, JSON.valueToTree(ForumKeys.jwkSet(ForumKeys.parse(stored))),
                    "a stored key set re-parses to itself");
        } catch (ForumRefusal refused) {
            assertEquals(ForumProblem.BAD_KEY, refused.type(), refused.getMessage());
        }
    }
}
