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

    /**
     * Leases the due deliveries, sends them (at once: HTTP only), then records every outcome in one transaction. The
     * database work stays sequential because one reactive session cannot be used by two operations at a time.
     */
    public Uni<Run> deliverDue() {
        return lease()
                .chain(due -> Multi.createFrom().iterable(due).onItem()
                        .transformToUniAndConcatenate(delivery -> forums.active(delivery.clientId)
                                .map(forum -> new Job(delivery, forum.flatMap(f -> f.definition()
                                        .backchannelLogoutUri()))))
                        .collect().asList())
                .chain(jobs -> Multi.createFrom().iterable(jobs).onItem().transformToUniAndMerge(this::attempt)
                        .collect().asList())
                .chain(outcomes -> Panache.withTransaction(() -> Multi.createFrom().iterable(outcomes).onItem()
                                .transformToUniAndConcatenate(LogoutDeliveries::record).collect().asList())
                        .replaceWith(new Run(count(outcomes, Outcome.Kind.DELIVERED),
                                count(outcomes, Outcome.Kind.RETRY), count(outcomes, Outcome.Kind.ABANDONED))));
    }

    private record Job(LogoutDelivery delivery, Optional<String> uri) {
    }

    private record Outcome(LogoutDelivery delivery, Kind kind, Instant next) {
        enum Kind { DELIVERED, RETRY, ABANDONED }
    }

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

    /** Sends one token; the forum no longer taking them (retired, or its URI removed) abandons it. */
    private Uni<Outcome> attempt(Job job) {
        LogoutDelivery delivery = job.delivery();
        if (job.uri().isEmpty()) {
            return Uni.createFrom().item(new Outcome(delivery, Outcome.Kind.ABANDONED, null));
        }
        return send(job.uri().get(), tokens.token(delivery.clientId, delivery.pseudonym)).map(ok -> {
            if (ok) {
                return new Outcome(delivery, Outcome.Kind.DELIVERED, null);
            }
            Instant next = Instant.now().plus(backoff(delivery.attempts));
            return next.isAfter(delivery.giveUpAt) ? new Outcome(delivery, Outcome.Kind.ABANDONED, null)
                    : new Outcome(delivery, Outcome.Kind.RETRY, next);
        });
    }

    private static Uni<Void> record(Outcome outcome) {
        return (outcome.kind() == Outcome.Kind.RETRY
                ? LogoutDelivery.update("nextAttemptAt = ?1 where id = ?2", outcome.next(), outcome.delivery().id)
                : LogoutDelivery.delete("id", outcome.delivery().id)).replaceWithVoid();
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

    /** base · 2^(attempts−1), at most an hour, plus up to one base of jitter. */
    private Duration backoff(int attempts) {
        long exponential = retryBase.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(exponential, MAX_BACKOFF.toMillis());
        return Duration.ofMillis(capped + (long) (random.nextDouble() * retryBase.toMillis()));
    }

    private static int count(List<Outcome> outcomes, Outcome.Kind kind) {
        return (int) outcomes.stream().filter(outcome -> outcome.kind() == kind).count();
    }
}
