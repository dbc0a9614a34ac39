package org.heteronym.oidc;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What revokes access tokens before they expire: a token by its id (RFC 7009, or a replayed code that had issued
 * it), or every token of one pseudonym at one forum issued up to an instant (the member's suspension). Rows are kept
 * only until the tokens they name would have expired anyway, so the tables stay small.
 */
@ApplicationScoped
public class TokenRevocations {

    private final java.time.Duration accessTokenLifetime;

    TokenRevocations(@org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "heteronym.oidc.access-token-lifetime") java.time.Duration accessTokenLifetime) {
        this.accessTokenLifetime = accessTokenLifetime;
    }

    /** Revokes one access token; revoking it again changes nothing. */
    public Uni<Void> revoke(IssuedToken token) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into revoked_token (token_id, expires_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, token.id())
                .setParameter(2, utc(token.expiresAt()))
                .executeUpdate())).replaceWithVoid();
    }

    /**
     * Revokes every access token of {@code pseudonym} at {@code clientId} issued up to now (a suspension). Joins the
     * caller's transaction.
     */
    public Uni<Void> revokeSubject(String clientId, String pseudonym) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into revoked_subject (client_id, pseudonym, revoked_before, expires_at)"
                                + " values (?1, ?2, ?3, ?4) on conflict (client_id, pseudonym) do update"
                                + " set revoked_before = excluded.revoked_before, expires_at = excluded.expires_at")
                .setParameter(1, clientId)
                .setParameter(2, pseudonym)
                .setParameter(3, utc(now))
                .setParameter(4, utc(now.plus(accessTokenLifetime)))
                .executeUpdate())).replaceWithVoid();
    }

    /** Whether the token was revoked by id, or by a revocation of its pseudonym made after it was issued. */
    public Uni<Boolean> isRevoked(AccessTokens.AccessToken token) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "select (exists (select 1 from revoked_token where token_id = ?1)"
                                + " or exists (select 1 from revoked_subject where client_id = ?2 and pseudonym = ?3"
                                + " and revoked_before >= ?4))", Boolean.class)
                .setParameter(1, token.id())
                .setParameter(2, token.clientId())
                .setParameter(3, token.subject())
                .setParameter(4, utc(token.issuedAt()))
                .getSingleResult()));
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetExpired() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from revoked_token where expires_at < now()").executeUpdate()
                .chain(() -> session.createNativeQuery("delete from revoked_subject where expires_at < now()")
                        .executeUpdate()))).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
