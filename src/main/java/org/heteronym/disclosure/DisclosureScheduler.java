package org.heteronym.disclosure;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Moves requests along with the calendar: reviews open when the notice period ends, notices go out when gags lapse,
 * requests expire, and last month's transparency report is appended. Every replica runs it: row locks and state
 * checks make each change happen once.
 */
@ApplicationScoped
public class DisclosureScheduler {

    private static final Logger LOG = Logger.getLogger(DisclosureScheduler.class);

    private final RequestTransitions transitions;
    private final TransparencyReports reports;

    DisclosureScheduler(RequestTransitions transitions, TransparencyReports reports) {
        this.transitions = transitions;
        this.reports = reports;
    }

    @Scheduled(every = "${heteronym.disclosure.interval}", delayed = "${heteronym.disclosure.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return transitions.runDue(today)
                .invoke(changed -> {
                    if (changed > 0) {
                        LOG.infof("disclosure: %d requests changed state or were notified", changed);
                    }
                })
                .flatMap(ignored -> reports.appendDue(today))
                .replaceWithVoid();
    }
}
