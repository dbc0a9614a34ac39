package org.heteronym.oidc;

import org.heteronym.crypto.Sha256;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues authorization codes and redeems each at most once. A code is 256 random bits; only its SHA-256 is stored.
 * Redemption is one conditional update, so two concurrent redemptions of one code yield one grant and one replay.
 * Codes no longer of use are deleted every {@code heteronym.oidc.code-cleanup-interval}.
 */
@ApplicationScoped
public class AuthorizationCodes {

    private final SecureRandom random = new SecureRandom();
    private final Duration lifetime;
    private final Pool pool;

    AuthorizationCodes(@ConfigProperty(name = "heteronym.oidc.code-lifetime") Duration lifetime, Pool pool) {
        this.lifetime = lifetime;
        this.pool = pool;
    }

    /** @return the code to send in the redirect; the caller never stores it */
    public Uni<String> issue(CodeGrant grant) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return pool.preparedQuery("insert into authorization_code (code_hash, client_id, redirect_uri,"
                        + " code_challenge, nonce, pseudonym, scope, claims, expires_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple(java.util.Arrays.asList(Buffer.buffer(hash(code)), grant.clientId(),
                        grant.redirectUri(), grant.codeChallenge(), grant.nonce(), grant.pseudonym(), grant.scope(),
                        grant.claims(), Instant.now().plus(lifetime).atOffset(ZoneOffset.UTC))))
                .replaceWith(code);
    }

    /**
     * Spends the code if it was issued to {@code clientId} for {@code redirectUri}, has not expired, and
     * {@code verifier} matches its PKCE challenge. A failed check does not spend it: a client that got the verifier
     * wrong must not be able to lock the legitimate exchange out, and the code dies within its lifetime anyway.
     *
     * <p>The hot path is one conditional {@code UPDATE … RETURNING} through the SQL client: every binding is in its
     * {@code WHERE}, so the row lock makes two concurrent redemptions one grant and one replay. Only a refusal reads
     * the row again, to say why.
     *
     * @param token the access token the grant will issue, remembered so that a replay of the code can revoke it
     */
    public Uni<Redemption> redeem(String code, String clientId, String redirectUri, String verifier,
                                  IssuedToken token) {
        if (code == null || code.length() > 256) {
            return Uni.createFrom().item(new Redemption.Refused("no such code"));
        }
        byte[] codeHash = hash(code);
        // a malformed verifier matches no challenge; the challenge compared in SQL is a hash the caller cannot steer
        String challenge = Pkce.challengeFor(verifier).orElse("");
        return pool.preparedQuery("update authorization_code set redeemed = true, token_id = $1, token_expires_at = $2"
                        + " where code_hash = $3 and not redeemed and expires_at > now() and client_id = $4"
                        + " and redirect_uri = $5 and code_challenge = $6"
                        + " returning nonce, pseudonym, scope, claims")
                .execute(Tuple.tuple(List.of(token.id(), token.expiresAt().atOffset(ZoneOffset.UTC), Buffer.buffer(codeHash),
                        clientId, redirectUri, challenge)))
                .chain(rows -> {
                    if (rows.rowCount() == 1) {
                        Row row = rows.iterator().next();
                        return Uni.createFrom().item(new Redemption.Granted(new CodeGrant(clientId, redirectUri,
                                challenge, row.getString("nonce"), row.getString("pseudonym"),
                                row.getString("scope"), row.getString("claims"))));
                    }
                    return whyNot(codeHash, clientId, redirectUri);
                });
    }

    private Uni<Redemption> whyNot(byte[] codeHash, String clientId, String redirectUri) {
        return pool.preparedQuery("select redeemed, token_id, token_expires_at, expires_at < now() as expired,"
                        + " client_id, redirect_uri from authorization_code where code_hash = $1")
                .execute(Tuple.of(Buffer.buffer(codeHash)))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return new Redemption.Refused("no such code");
                    }
                    Row row = rows.iterator().next();
                    if (row.getBoolean("redeemed")) {
                        String tokenId = row.getString("token_id");
                        return new Redemption.Replayed(tokenId == null ? Optional.empty() : Optional.of(
                                new IssuedToken(tokenId, row.getOffsetDateTime("token_expires_at").toInstant())));
                    }
                    if (row.getBoolean("expired")) {
                        return new Redemption.Refused("the code has expired");
                    }
                    if (!row.getString("client_id").equals(clientId)
                            || !row.getString("redirect_uri").equals(redirectUri)) {
                        return new Redemption.Refused("the code was issued to another client or redirect URI");
                    }
                    return new Redemption.Refused("the PKCE code_verifier does not match");
                });
    }

    /**
     * Deletes codes nobody can use any more: expired and either never redeemed or redeemed for an access token that
     * has expired too. A redeemed code is kept while its token lives, so that a replay can still revoke that token.
     *
     */
    @Scheduled(every = "${heteronym.oidc.code-cleanup-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> cleanUp() {
        return forgetExpired().replaceWithVoid();
    }

    /** @return how many codes {@link #cleanUp()} deleted */
    Uni<Integer> forgetExpired() {
        return pool.query("delete from authorization_code where expires_at < now()"
                        + " and (token_expires_at is null or token_expires_at < now())")
                .execute().map(rows -> rows.rowCount());
    }

    static byte[] hash(String code) {
        return Sha256.of(code);
    }
}
