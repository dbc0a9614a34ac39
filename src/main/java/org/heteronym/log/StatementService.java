package org.heteronym.log;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Operator statements: free text the operator puts on the public record (maintenance, incidents, key changes). */
@ApplicationScoped
public class StatementService {

    private final LogAppender appender;
    private final IntegrationWaiter waiter;
    private final LogConfig config;

    StatementService(LogAppender appender, IntegrationWaiter waiter, LogConfig config) {
        this.appender = appender;
        this.waiter = waiter;
        this.config = config;
    }

    /** Commits the statement; the entry carries the day, not the instant. */
    public Uni<PendingAppend> record(String statement) {
        LogEntry entry = LogEntry.of(EntryKind.OPERATOR_STATEMENT, Map.of(
                "statement", statement,
                "date", LocalDate.now(ZoneOffset.UTC).toString()));
        return appender.appendStandalone(entry);
    }

    public Uni<Optional<IntegrationWaiter.Receipt>> awaitReceipt(PendingAppend append) {
        return waiter.await(append, config.maxWait());
    }
}
