package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Deletes challenges and pending enrollments that expired unused, so abandoned attempts leave nothing behind. */
@ApplicationScoped
class EnrollmentCleanup {

    @Scheduled(every = "${heteronym.member.cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @WithTransaction
    Uni<Void> purge() {
        Instant now = Instant.now();
        return CredentialChallenge.delete("expiresAt <= ?1", now)
                .chain(ignored -> PendingEnrollment.delete("expiresAt <= ?1", now))
                .replaceWithVoid();
    }
}
