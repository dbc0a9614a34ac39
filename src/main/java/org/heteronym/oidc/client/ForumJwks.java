package org.heteronym.oidc.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.heteronym.forum.ClientAuthentication;
import org.heteronym.forum.Forum;
import org.heteronym.forum.ForumClients;
import org.heteronym.forum.ForumRefusal;
import org.heteronym.oidc.OAuthError;
import org.jboss.logging.Logger;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * A {@code private_key_jwt} forum's verification keys: registered inline, or fetched from its {@code jwks_uri} and
 * cached for five minutes. An assertion naming a {@code kid} the cache lacks triggers a refetch, at most once every
 * 30 seconds per forum, so a forum can rotate keys and nobody can make us hammer its server. Fetches time out after
 * 5 seconds, follow no redirect and read at most 64 KiB; the set must pass the registration checks.
 */
@ApplicationScoped
class ForumJwks {

    static final Duration FRESH = Duration.ofMinutes(5);
    static final Duration REFETCH_AFTER = Duration.ofSeconds(30);
    static final int MAX_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(ForumJwks.class);

    private record Fetched(List<PublicJsonWebKey> keys, Instant at) {
    }

    private final Map<String, Fetched> cache = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The keys to try for an assertion of {@code forum} whose header names {@code kid} (may be null). */
    Uni<List<PublicJsonWebKey>> keys(Forum forum, String kid) {
        if (!(forum.definition().authentication() instanceof ClientAuthentication.PrivateKeyJwt jwt)) {
            return Uni.createFrom().failure(OAuthError.invalidClient("client authentication failed"));
        }
        if (jwt.jwksUri().isEmpty()) {
            return Uni.createFrom().item(jwt.jwks());
        }
        Instant now = Instant.now();
        Fetched cached = cache.get(forum.clientId());
        boolean fresh = cached != null && cached.at().plus(FRESH).isAfter(now);
        boolean known = cached != null && (kid == null || cached.keys().stream().anyMatch(k -> kid.equals(k.getKeyId())));
        boolean recent = cached != null && cached.at().plus(REFETCH_AFTER).isAfter(now);
        if (fresh && (known || recent)) {
            return Uni.createFrom().item(cached.keys());
        }
        return fetch(forum.clientId(), jwt.jwksUri().get())
                .invoke(keys -> cache.put(forum.clientId(), new Fetched(keys, Instant.now())));
    }

    /** Forgets what was fetched for {@code clientId}. */
    void forget(String clientId) {
        cache.remove(clientId);
    }

    private Uni<List<PublicJsonWebKey>> fetch(String clientId, String uri) {
        Context context = Vertx.currentContext();
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/jwk-set+json, application/json").GET().build();
        Uni<List<PublicJsonWebKey>> fetched = Uni.createFrom().completionStage(() -> http.sendAsync(request,
                        HttpResponse.BodyHandlers.ofInputStream()).thenApply(ForumJwks::read))
                .onFailure(e -> !(e instanceof OAuthError)).transform(e -> {
                    LOG.infof("forum %s: its JWK Set could not be fetched (%s)", clientId,
                            e.getClass().getSimpleName());
                    return OAuthError.invalidClient("the forum's JWK Set could not be fetched from its jwks_uri");
                });
        return context == null ? fetched : fetched.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private static List<PublicJsonWebKey> read(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw OAuthError.invalidClient("the forum's jwks_uri answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw OAuthError.invalidClient("the forum's JWK Set is larger than " + MAX_BYTES + " bytes");
            }
            return ForumClients.keysFromJwksUri(new String(bytes, StandardCharsets.UTF_8));
        } catch (ForumRefusal e) {
            throw OAuthError.invalidClient("the forum's JWK Set is not acceptable: " + e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
