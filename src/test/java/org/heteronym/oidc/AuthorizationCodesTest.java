package org.heteronym.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.heteronym.testing.Concurrently;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Codes are single use, bound to client, redirect URI and PKCE verifier, and expire; a replay is recognised. */
@QuarkusTest
class AuthorizationCodesTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final CodeGrant GRANT = new CodeGrant("forum-a", "https://forum-a.example/cb", CHALLENGE, "n-0S6",
            "pseudonym-1", "openid profile", "{}");

    private static final IssuedToken TOKEN = new IssuedToken("token-1",
            java.time.Instant.parse("2026-11-22T10:00:00Z"));

    @Inject
    AuthorizationCodes codes;

    @Test
    void aCodeIsRedeemedOnceAndItsReplayIsRecognised() throws Throwable {
        String code = Concurrently.await(() -> codes.issue(GRANT));
        Redemption.Granted granted = assertInstanceOf(Redemption.Granted.class,
                Concurrently.await(() -> codes.redeem(code, "forum-a", "https://forum-a.example/cb", VERIFIER, TOKEN)));
        assertEquals(GRANT, granted.grant());
        Redemption.Replayed replayed = assertInstanceOf(Redemption.Replayed.class,
                Concurrently.await(() -> codes.redeem(code, "forum-a", "https://forum-a.example/cb", VERIFIER, TOKEN)));
        assertEquals(java.util.Optional.of(TOKEN), replayed.issued(), "the replay names the token to revoke");
    }

    @Test
    void aCodeIsBoundToClientRedirectAndVerifierAndAFailedAttemptDoesNotSpendIt() throws Throwable {
        String code = Concurrently.await(() -> codes.issue(GRANT));
        refused(code, "forum-b", "https://forum-a.example/cb", VERIFIER);
        refused(code, "forum-a", "https://forum-a.example/other", VERIFIER);
        refused(code, "forum-a", "https://forum-a.example/cb", VERIFIER.replace('d', 'e'));
        refused(code, "forum-a", "https://forum-a.example/cb", null);
        refused(code, "forum-a", "https://forum-a.example/cb", CHALLENGE);
        assertInstanceOf(Redemption.Granted.class,
                Concurrently.await(() -> codes.redeem(code, "forum-a", "https://forum-a.example/cb", VERIFIER, TOKEN)));
        refused("made-up", "forum-a", "https://forum-a.example/cb", VERIFIER);
        refused("x".repeat(300), "forum-a", "https://forum-a.example/cb", VERIFIER);
        refused(null, "forum-a", "https://forum-a.example/cb", VERIFIER);
    }

    @Test
    void anExpiredCodeIsRefused() throws Throwable {
        String code = Concurrently.await(() -> codes.issue(GRANT));
        TestForum.expireCode(code);
        refused(code, "forum-a", "https://forum-a.example/cb", VERIFIER);
    }

    @Test
    void concurrentRedemptionsYieldOneGrant() throws Throwable {
        String code = Concurrently.await(() -> codes.issue(GRANT));
        List<Redemption> outcomes = Concurrently.times(8,
                () -> codes.redeem(code, "forum-a", "https://forum-a.example/cb", VERIFIER, TOKEN));
        assertEquals(1, outcomes.stream().filter(Redemption.Granted.class::isInstance).count());
        assertEquals(7, outcomes.stream().filter(Redemption.Replayed.class::isInstance).count());
    }

    @Test
    void theCleanUpForgetsCodesNobodyCanUseAndKeepsThoseThatCanStillRevokeATokenOrBeRedeemed() throws Throwable {
        IssuedToken live = new IssuedToken("token-live", Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS));
        IssuedToken gone = new IssuedToken("token-gone", Instant.now().minusSeconds(1));
        String unused = Concurrently.await(() -> codes.issue(GRANT));
        String spentTokenGone = Concurrently.await(() -> codes.issue(GRANT));
        String spentTokenLive = Concurrently.await(() -> codes.issue(GRANT));
        String fresh = Concurrently.await(() -> codes.issue(GRANT));
        Concurrently.await(() -> codes.redeem(spentTokenGone, "forum-a", "https://forum-a.example/cb", VERIFIER, gone));
        Concurrently.await(() -> codes.redeem(spentTokenLive, "forum-a", "https://forum-a.example/cb", VERIFIER, live));
        for (String code : List.of(unused, spentTokenGone, spentTokenLive)) {
            TestForum.expireCode(code);
        }

        int deleted = Concurrently.await(() -> codes.forgetExpired());

        assertTrue(deleted >= 2, "at least this test's two dead codes");
        assertEquals(new Redemption.Refused("no such code"), redeem(unused, TOKEN));
        assertEquals(new Redemption.Refused("no such code"), redeem(spentTokenGone, TOKEN));
        assertEquals(new Redemption.Replayed(java.util.Optional.of(live)), redeem(spentTokenLive, TOKEN),
                "kept while its token lives, so a replay still revokes it");
        assertInstanceOf(Redemption.Granted.class, redeem(fresh, TOKEN));
    }

    private Redemption redeem(String code, IssuedToken token) throws Throwable {
        return Concurrently.await(() -> codes.redeem(code, "forum-a", "https://forum-a.example/cb", VERIFIER, token));
    }

    private void refused(String code, String client, String redirect, String verifier) throws Throwable {
        assertInstanceOf(Redemption.Refused.class, Concurrently.await(() -> codes.redeem(code, client, redirect, verifier, TOKEN)));
    }

}
