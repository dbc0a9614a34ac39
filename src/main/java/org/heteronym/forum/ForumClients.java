package org.heteronym.forum;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    private static final int MAX_CACHED = 10_000;

    private record Cached(Optional<Forum> forum, long until) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Duration ttl;

    ForumClients(@ConfigProperty(name = "heteronym.forum.client-cache") Duration ttl) {
        this.ttl = ttl;
    }

    /**
     * The active forum with this client id, or empty (unknown, malformed or retired alike). Answers are cached for
     * {@code heteronym.forum.client-cache} (5 s): the token endpoint asks on every request. This replica forgets a
     * forum at once when it retires it or rotates its secret; other replicas see the change within the cache time.
     */
    public Uni<Optional<Forum>> active(String clientId) {
        if (clientId == null || !ForumRules.CLIENT_ID.matcher(clientId).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Cached cached = cache.get(clientId);
        if (cached != null && cached.until() > System.nanoTime()) {
            return Uni.createFrom().item(cached.forum());
        }
        return Panache.withSession(() -> ForumRow.<ForumRow>findById(clientId))
                .map(row -> row == null || row.retiredOn != null
                        ? Optional.<Forum>empty() : Optional.of(ForumRecords.forum(row)))
                .invoke(forum -> {
                    if (cache.size() > MAX_CACHED) {
                        cache.clear();
                    }
                    cache.put(clientId, new Cached(forum, System.nanoTime() + ttl.toNanos()));
                });
    }

    /** Forgets what is cached of {@code clientId} (after a change made on this replica). */
    void forget(String clientId) {
        cache.remove(clientId);
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
