package org.heteronym.oidc.logout;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.forum.ForumClients;
import org.jboss.logging.Logger;

/**
 * Delivers queued logout tokens: {@code POST} of {@code logout_token=<JWT>} to the forum's back-channel logout URI
 * (Back-Channel Logout 1.0 §2.5), 5 seconds at most, no redirects followed; 200 or 204 is success (§2.8). A failure
 * is retried with exponential backoff and jitter until the give-up time, then dropped. Each run first leases the due
 * rows in a short transaction ({@code FOR UPDATE SKIP LOCKED}), so replicas never send one token twice at once and no
 * lock is held while the forum answers. Logs counts only.
 */
@ApplicationScoped
public class LogoutDeliveries {

    /** What one run did. */
    public record Run(int delivered, int retrying, int abandoned) {
    }

    private static final Logger LOG = Logger.getLogger(LogoutDeliveries.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ForumClients forums;
    private final LogoutTokens tokens;
    private final Duration retryBase;

    LogoutDeliveries(ForumClients forums, LogoutTokens tokens,
                     @ConfigProperty(name = "heteronym.oidc.logout.retry-base") Duration retryBase) {
        this.forums = forums;
        this.tokens = tokens;
        this.retryBase = retryBase;
    }

    @Scheduled(every = "${heteronym.oidc.logout.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return deliverDue().invoke(run -> {
            if (run.delivered() + run.retrying() + run.abandoned() > 0) {
                LOG.infof("back-channel logout: %d delivered, %d to retry, %d abandoned", run.delivered(),
                        run.retrying(), run.abandoned());
            }
        }).replaceWithVoid();
    }

    /** Leases the due deliveries, sends them, and records each outcome. */
    public Uni<Run> deliverDue() {
        return lease().chain(due -> Multi.createFrom().iterable(due).onItem()
                .transformToUniAndMerge(this::deliver).collect().asList()
                .map(outcomes -> new Run(count(outcomes, Outcome.DELIVERED), count(outcomes, Outcome.RETRY),
                        count(outcomes, Outcome.ABANDONED))));
    }

    private enum Outcome { DELIVERED, RETRY, ABANDONED }

    private static Uni<List<LogoutDelivery>> lease() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from logout_delivery where next_attempt_at <= now() order by next_attempt_at"
                                + " limit " + BATCH + " for update skip locked", LogoutDelivery.class)
                .getResultList())
                .invoke(rows -> rows.forEach(row -> {
                    row.attempts++;
                    row.nextAttemptAt = Instant.now().plus(LEASE);
                })));
    }

    private Uni<Outcome> deliver(LogoutDelivery delivery) {
        return forums.active(delivery.clientId).chain(forum -> {
            Optional<String> uri = forum.flatMap(f -> f.definition().backchannelLogoutUri());
            if (uri.isEmpty()) {
                return finish(delivery, Outcome.ABANDONED);
            }
            return send(uri.get(), tokens.token(delivery.clientId, delivery.pseudonym))
                    .chain(ok -> ok ? finish(delivery, Outcome.DELIVERED) : retryOrGiveUp(delivery));
        });
    }

    private Uni<Boolean> send(String uri, String token) {
        Context context = Vertx.currentContext();
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token="
                        + URLEncoder.encode(token, StandardCharsets.US_ASCII)))
                .build();
        Uni<Boolean> sent = Uni.createFrom().completionStage(() -> http.sendAsync(request,
                        HttpResponse.BodyHandlers.discarding()))
                .map(response -> response.statusCode() == 200 || response.statusCode() == 204)
                .onFailure().recoverWithItem(false);
        return context == null ? sent : sent.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private Uni<Outcome> retryOrGiveUp(LogoutDelivery delivery) {
        Instant next = Instant.now().plus(backoff(delivery.attempts));
        if (next.isAfter(delivery.giveUpAt)) {
            return finish(delivery, Outcome.ABANDONED);
        }
        return Panache.withTransaction(() -> LogoutDelivery.update("nextAttemptAt = ?1 where id = ?2", next,
                delivery.id)).replaceWith(Outcome.RETRY);
    }

    private static Uni<Outcome> finish(LogoutDelivery delivery, Outcome outcome) {
        return Panache.withTransaction(() -> LogoutDelivery.deleteById(delivery.id)).replaceWith(outcome);
    }

    /** base · 2^(attempts−1), at most an hour, plus up to one base of jitter. */
    private Duration backoff(int attempts) {
        long exponential = retryBase.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(exponential, MAX_BACKOFF.toMillis());
        return Duration.ofMillis(capped + (long) (random.nextDouble() * retryBase.toMillis()));
    }

    private static int count(List<Outcome> outcomes, Outcome kind) {
        return (int) outcomes.stream().filter(kind::equals).count();
    }
}
