package org.heteronym.forum;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * The registry as the OpenID provider sees it: the active forum behind a client id, and whether a presented client
 * secret is that forum's. Retired forums are not found: they log nobody in.
 */
@ApplicationScoped
public class ForumClients {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The active forum with this client id, or empty (unknown, malformed or retired alike). */
    public Uni<Optional<Forum>> active(String clientId) {
        if (clientId == null || !ForumRules.CLIENT_ID.matcher(clientId).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.withSession(() -> ForumRow.<ForumRow>findById(clientId))
                .map(row -> row == null || row.retiredOn != null
                        ? Optional.<Forum>empty() : Optional.of(ForumRecords.forum(row)));
    }

    /**
     * The keys of a JWK Set a forum serves at its registered {@code jwks_uri}, checked as registration checks inline
     * keys (public only, usable, unique ids); a set that fails is refused with the reason.
     */
    public static List<PublicJsonWebKey> keysFromJwksUri(String body) {
        try {
            return ForumKeys.parse(JSON.readTree(body));
        } catch (JsonProcessingException e) {
            throw new ForumRefusal(ForumProblem.BAD_KEY, "the document is not JSON");
        }
    }

    /**
     * Whether {@code presented} is the current client secret of {@code forum}, an active {@code client_secret_basic}
     * forum. The comparison takes the same time wherever a wrong secret differs ({@link SecretDigest#matches}).
     */
    public boolean secretMatches(Forum forum, String presented) {
        return forum.active() && forum.secret().map(digest -> digest.matches(forum.clientId(), presented)).orElse(false);
    }
}
