package org.heteronym.log;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How features write to the log: the append joins the caller's Hibernate Reactive transaction, so the entry is
 * durable exactly when the caller's own rows are (an envelope never exists without its log entry). The sequencer
 * gives it an index within {@code heteronym.log.integration-interval}.
 */
@ApplicationScoped
public class LogAppender {

    /** Appends in the order of commit. Must run inside a transaction ({@code @WithTransaction}). */
    public Uni<PendingAppend> append(LogEntry entry) {
        return persist(entry, false);
    }

    /**
     * Appends an entry whose position among the entries of its integration batch is randomised, so that the
     * moment it was written does not show in the public order (envelope entries: docs/log.md, "Entries").
     */
    public Uni<PendingAppend> appendShuffled(LogEntry entry) {
        return persist(entry, true);
    }

    private Uni<PendingAppend> persist(LogEntry entry, boolean shuffle) {
        PendingLogEntry row = new PendingLogEntry();
        row.entry = entry.bytes();
        row.shuffle = shuffle;
        return row.persist().replaceWith(() -> new PendingAppend(row.id, shuffle));
    }
}
