package org.heteronym.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The scheduled clean-up removes expired challenges (the test profile runs it every second). */
@QuarkusTest
class EnrollmentCleanupTest {

    @Test
    void expiredChallengesDisappearAndLiveOnesStay() throws Throwable {
        String expired = "E".repeat(43);
        String live = "L".repeat(43);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            CredentialChallenge old = new CredentialChallenge();
            old.value = expired;
            old.expiresAt = Instant.now().minusSeconds(1);
            CredentialChallenge fresh = new CredentialChallenge();
            fresh.value = live;
            fresh.expiresAt = Instant.now().plusSeconds(600);
            return old.persist().chain(fresh::persist);
        }));
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (exists(expired) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(false, exists(expired), "the expired challenge was not removed within 15 s");
        assertEquals(true, exists(live));
    }

    private static boolean exists(String value) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> CredentialChallenge.findById(value).map(row -> row != null)));
    }
}
