package org.heteronym.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Codes are single use, bound to client, redirect URI and PKCE verifier, and expire; a replay is recognised. */
@QuarkusTest
class AuthorizationCodesTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final CodeGrant GRANT = new CodeGrant("forum-a", "https://forum-a.example/cb", CHALLENGE, "n-0S6",
            "pseudonym-1", "openid profile", "{}");

    @Inject
    AuthorizationCodes codes;

    @Test
    void aCodeIsRedeemedOnceAndItsReplayIsRecognised() throws Throwable {
        String code = await(() -> codes.issue(GRANT));
        Redemption.Granted granted = assertInstanceOf(Redemption.Granted.class,
                await(() -> codes.redeem(code, "forum-a", "https://forum-a.example/cb", VERIFIER)));
        assertEquals(GRANT, granted.grant());
        Redemption.Replayed replayed = assertInstanceOf(Redemption.Replayed.class,
                await(() -> codes.redeem(code, "forum-a", "https://forum-a.example/cb", VERIFIER)));
        assertEquals(java.util.HexFormat.of().formatHex(granted.codeHash()),
                java.util.HexFormat.of().formatHex(replayed.codeHash()));
    }

    @Test
    void aCodeIsBoundToClientRedirectAndVerifierAndAFailedAttemptDoesNotSpendIt() throws Throwable {
        String code = await(() -> codes.issue(GRANT));
        refused(code, "forum-b", "https://forum-a.example/cb", VERIFIER);
        refused(code, "forum-a", "https://forum-a.example/other", VERIFIER);
        refused(code, "forum-a", "https://forum-a.example/cb", VERIFIER.replace('d', 'e'));
        refused(code, "forum-a", "https://forum-a.example/cb", null);
        refused(code, "forum-a", "https://forum-a.example/cb", CHALLENGE);
        assertInstanceOf(Redemption.Granted.class,
                await(() -> codes.redeem(code, "forum-a", "https://forum-a.example/cb", VERIFIER)));
        refused("made-up", "forum-a", "https://forum-a.example/cb", VERIFIER);
        refused("x".repeat(300), "forum-a", "https://forum-a.example/cb", VERIFIER);
        refused(null, "forum-a", "https://forum-a.example/cb", VERIFIER);
    }

    @Test
    void anExpiredCodeIsRefused() throws Throwable {
        String code = await(() -> codes.issue(GRANT));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> AuthorizationCode.update(
                "expiresAt = ?1 where codeHash = ?2", Instant.now().minusSeconds(1), AuthorizationCodes.hash(code))));
        refused(code, "forum-a", "https://forum-a.example/cb", VERIFIER);
    }

    @Test
    void concurrentRedemptionsYieldOneGrant() throws Throwable {
        String code = await(() -> codes.issue(GRANT));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Redemption>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    try {
                        return await(() -> codes.redeem(code, "forum-a", "https://forum-a.example/cb", VERIFIER));
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            int granted = 0;
            int replayed = 0;
            for (Future<Redemption> future : futures) {
                Redemption r = future.get(60, TimeUnit.SECONDS);
                granted += r instanceof Redemption.Granted ? 1 : 0;
                replayed += r instanceof Redemption.Replayed ? 1 : 0;
            }
            assertEquals(1, granted);
            assertEquals(7, replayed);
        } finally {
            pool.shutdownNow();
        }
    }

    private void refused(String code, String client, String redirect, String verifier) throws Throwable {
        assertInstanceOf(Redemption.Refused.class, await(() -> codes.redeem(code, client, redirect, verifier)));
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
