package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import javax.crypto.AEADBadTagException;
import org.heteronym.credential.CredentialVerification;
import org.heteronym.credential.LicenceStatus;
import org.heteronym.credential.LicenceStatusChecker;
import org.heteronym.credential.LicenceStatusHandle;
import org.heteronym.persistence.JobRuns;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Re-checks every active member's licence with its issuer and suspends those revoked or suspended. A member whose
 * status cannot be had now (issuer down, stale answer) is left as is and counted; only re-verification lifts a
 * suspension. Logs counts only, never a member id.
 */
@ApplicationScoped
public class LicenceMonitor {

    /** What one run did. */
    public record Run(int checked, int active, int suspended, int unavailable) {
        Run plus(Run other) {
            return new Run(checked + other.checked, active + other.active, suspended + other.suspended,
                    unavailable + other.unavailable);
        }
    }

    private static final Logger LOG = Logger.getLogger(LicenceMonitor.class);
    private static final int BATCH = 200;

    private final MemberSecrets secrets;
    private final CredentialVerification verification;
    private final Instance<SuspensionListener> listeners;
    private final JobRuns jobs;
    /** Nine tenths of the interval: one replica runs each round even if the schedules drift a little. */
    private final Duration claimPeriod;

    LicenceMonitor(MemberSecrets secrets, CredentialVerification verification,
                   Instance<SuspensionListener> listeners, JobRuns jobs,
                   @ConfigProperty(name = "heteronym.licence-monitor.interval") Duration interval) {
        this.secrets = secrets;
        this.verification = verification;
        this.listeners = listeners;
        this.jobs = jobs;
        this.claimPeriod = interval.multipliedBy(9).dividedBy(10);
    }

    @Scheduled(every = "${heteronym.licence-monitor.interval}", delayed = "${heteronym.licence-monitor.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        // every replica fires; one of them asks the licensing authorities each round
        return jobs.claim("licence-monitor", claimPeriod).chain(claimed -> !claimed ? Uni.createFrom().voidItem()
                : run().invoke(run -> LOG.infof("licence monitor: %d checked, %d active, %d suspended, %d unavailable",
                        run.checked(), run.active(), run.suspended(), run.unavailable())).replaceWithVoid());
    }

    /** Checks all active members, a batch at a time (keyset pagination on the random id). */
    public Uni<Run> run() {
        return batchAfter("", new Run(0, 0, 0, 0));
    }

    private Uni<Run> batchAfter(String lastId, Run soFar) {
        return Panache.withSession(() -> Member.<Member>find("status = ?1 and id > ?2 order by id",
                        Member.Status.ACTIVE, lastId).page(0, BATCH).list())
                .chain(members -> {
                    if (members.isEmpty()) {
                        return Uni.createFrom().item(soFar);
                    }
                    return check(members).chain(run -> batchAfter(members.getLast().id, soFar.plus(run)));
                });
    }

    /** Asks the issuers off the event loop (network), then records the answers in one transaction. */
    private Uni<Run> check(List<Member> members) {
        Context context = Vertx.currentContext();
        Instant now = Instant.now();
        LicenceStatusChecker checker = verification.licenceStatus();
        return Uni.createFrom().item(() -> members.stream().map(member -> status(checker, member, now)).toList())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .chain(statuses -> Panache.withTransaction(() -> Multi.createFrom().range(0, members.size())
                        .onItem().transformToUniAndConcatenate(i -> record(members.get(i).id, statuses.get(i)))
                        .collect().with(Collectors.reducing(new Run(0, 0, 0, 0), Run::plus))));
    }

    private Uni<Void> tell(String memberId) {
        return Multi.createFrom().iterable(listeners).onItem()
                .transformToUniAndConcatenate(listener -> listener.suspended(memberId)).collect().last()
                .replaceWithVoid();
    }

    private LicenceStatus status(LicenceStatusChecker checker, Member member, Instant now) {
        try {
            byte[] handle = secrets.openHandle(member.evidence.statusHandle(), member.evidence.duplicateTag());
            return checker.check(LicenceStatusHandle.decode(handle), now);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            LOG.warn("licence monitor: a member's status handle does not open with this service's key");
            return LicenceStatus.UNAVAILABLE;
        }
    }

    private Uni<Run> record(String memberId, LicenceStatus status) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return switch (status) {
            case ACTIVE -> Member.update("checkedOn = ?1 where id = ?2 and status = ?3",
                    today, memberId, Member.Status.ACTIVE).replaceWith(new Run(1, 1, 0, 0));
            case REVOKED -> Member.update("status = ?1, suspension = ?2, checkedOn = ?3 where id = ?4 and status = ?5",
                    Member.Status.SUSPENDED, Member.Suspension.LICENCE_REVOKED, today, memberId,
                    Member.Status.ACTIVE).call(updated -> updated == 1 ? tell(memberId) : Uni.createFrom().voidItem())
                    .replaceWith(new Run(1, 0, 1, 0));
            case UNAVAILABLE -> Uni.createFrom().item(new Run(1, 0, 0, 1));
        };
    }
}
