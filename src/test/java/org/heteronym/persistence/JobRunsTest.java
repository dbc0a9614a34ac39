package org.heteronym.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.heteronym.testing.Concurrently;
import org.junit.jupiter.api.Test;

/** One claim per period wins, also when every replica fires at the same moment; after the period, the next one. */
@QuarkusTest
class JobRunsTest {

    @Inject
    JobRuns jobs;

    @Test
    void oneOfManySimultaneousClaimsWinsAndTheNextPeriodIsClaimableAgain() throws Throwable {
        String job = "job-" + UUID.randomUUID();
        List<Boolean> claims = Concurrently.times(8, () -> jobs.claim(job, Duration.ofHours(1)));
        assertEquals(1, claims.stream().filter(Boolean::booleanValue).count(), "one replica runs it: " + claims);
        assertFalse(Concurrently.await(() -> jobs.claim(job, Duration.ofHours(1))), "not again within the period");

        String shortJob = "job-" + UUID.randomUUID();
        assertTrue(Concurrently.await(() -> jobs.claim(shortJob, Duration.ofMillis(200))));
        assertFalse(Concurrently.await(() -> jobs.claim(shortJob, Duration.ofMillis(200))));
        Thread.sleep(300);
        assertTrue(Concurrently.await(() -> jobs.claim(shortJob, Duration.ofMillis(200))), "the next period");
    }
}
