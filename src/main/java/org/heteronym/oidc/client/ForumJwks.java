package org.heteronym.oidc.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.cli.BoundedBody;
import org.heteronym.forum.ClientAuthentication;
import org.heteronym.forum.Forum;
import org.heteronym.forum.ForumClients;
import org.heteronym.forum.ForumRefusal;
import org.heteronym.oidc.OAuthError;
import org.jboss.logging.Logger;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * A {@code private_key_jwt} forum's verification keys: registered inline, or fetched from its {@code jwks_uri} and
 * trusted for {@code heteronym.oidc.client.jwks-cache}. An assertion naming a {@code kid} the cached set lacks
 * triggers a refetch, so a forum can rotate keys without telling us. Anyone can send assertions naming any forum and
 * any {@code kid}, so fetches are rationed per forum: at most one under way, and none within
 * {@code heteronym.oidc.client.jwks-refetch-interval} of the last one started, whatever its outcome (a failure is
 * answered from memory until then). A fetch follows no redirect, reads at most 64 KiB, ends within
 * {@code heteronym.oidc.client.jwks-fetch-timeout} body included, and the set must pass the registration checks.
 */
@ApplicationScoped
class ForumJwks {

    static final int MAX_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(ForumJwks.class);

    /** The set last fetched for a forum, and when. */
    private record Fetched(List<PublicJsonWebKey> keys, Instant at) {
        boolean has(String kid) {
            return keys.stream().anyMatch(key -> kid.equals(key.getKeyId()));
        }
    }

    /** The last fetch started for a forum: when, and its outcome (keys, or the {@link OAuthError} to answer). */
    private record Attempt(Instant at, CompletableFuture<List<PublicJsonWebKey>> outcome) {
    }

    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final Duration fresh;
    private final Duration refetchAfter;
    private final Duration timeout;
    private final HttpClient http;
    private volatile InstantSource clock = InstantSource.system();

    ForumJwks(@ConfigProperty(name = "heteronym.oidc.client.jwks-cache") Duration fresh,
            @ConfigProperty(name = "heteronym.oidc.client.jwks-refetch-interval") Duration refetchAfter,
            @ConfigProperty(name = "heteronym.oidc.client.jwks-fetch-timeout") Duration timeout) {
        this.fresh = fresh;
        this.refetchAfter = refetchAfter;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The keys to try for an assertion of {@code forum} whose header names {@code kid} (may be null). */
    Uni<List<PublicJsonWebKey>> keys(Forum forum, String kid) {
        if (!(forum.definition().authentication() instanceof ClientAuthentication.PrivateKeyJwt jwt)) {
            return Uni.createFrom().failure(OAuthError.invalidClient(ClientAuthenticator.FAILED));
        }
        if (jwt.jwksUri().isEmpty()) {
            return Uni.createFrom().item(jwt.jwks());
        }
        String clientId = forum.clientId();
        Instant now = clock.instant();
        Fetched cached = fetched.get(clientId);
        if (cached != null && cached.at().plus(fresh).isAfter(now) && (kid == null || cached.has(kid))) {
            return Uni.createFrom().item(cached.keys());
        }
        Attempt attempt = attempts.compute(clientId, (id, last) -> last != null
                && (!last.outcome().isDone() || last.at().plus(refetchAfter).isAfter(now))
                ? last : new Attempt(now, fetch(clientId, jwt.jwksUri().get())));
        // a copy: one caller giving up must not cancel the fetch the others wait for
        return onCallersContext(Uni.createFrom().completionStage(attempt.outcome().copy())
                .onFailure(CompletionException.class).transform(Throwable::getCause));
    }

    /** Lets tests move time. */
    void useClock(InstantSource clock) {
        this.clock = clock;
    }

    /** Forgets everything fetched or tried for {@code clientId}. */
    void forget(String clientId) {
        fetched.remove(clientId);
        attempts.remove(clientId);
    }

    private CompletableFuture<List<PublicJsonWebKey>> fetch(String clientId, String uri) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout)
                .header("Accept", "application/jwk-set+json, application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> info.statusCode() == 200
                ? new BoundedBody(MAX_BYTES, false) : HttpResponse.BodySubscribers.replacing(null));
        // the request timeout ends when the headers arrive; a body trickled byte by byte must end in time too
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> exchange.cancel(true));
        return exchange.handle((response, failure) -> {
            if (failure != null) {
                throw refused(clientId, describe(failure));
            }
            if (response.statusCode() != 200) {
                throw refused(clientId, "its jwks_uri answered HTTP " + response.statusCode());
            }
            try {
                List<PublicJsonWebKey> keys = ForumClients.keysFromJwksUri(
                        new String(response.body(), StandardCharsets.UTF_8));
                fetched.put(clientId, new Fetched(keys, clock.instant()));
                return keys;
            } catch (ForumRefusal e) {
                throw refused(clientId, "its JWK Set is not acceptable: " + e.getMessage());
            }
        });
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof CancellationException || cause instanceof java.net.http.HttpTimeoutException) {
            return "its jwks_uri did not answer within " + timeout.toSeconds() + " s";
        }
        if (cause instanceof BoundedBody.TooLarge) {
            return "its JWK Set is larger than " + MAX_BYTES + " bytes";
        }
        return "its jwks_uri could not be reached (" + cause.getClass().getSimpleName() + ")";
    }

    /** Logged once per fetch, not per request; the description holds nothing secret (no assertion, no key). */
    private static OAuthError refused(String clientId, String why) {
        LOG.infof("forum %s: its JWK Set could not be fetched: %s", clientId, why);
        return OAuthError.invalidClient("the forum's JWK Set could not be fetched: " + why);
    }

    /** The HTTP client completes on its own threads; Hibernate Reactive must go on on the request's context. */
    private static <T> Uni<T> onCallersContext(Uni<T> uni) {
        Context context = Vertx.currentContext();
        return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
