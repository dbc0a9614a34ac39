package org.heteronym.log;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How the service writes to the log. An append is durable once committed; the sequencer gives it an index within
 * {@code heteronym.log.integration-interval}.
 *
 * <ul>
 *   <li>{@link #append} joins the caller's Hibernate Reactive transaction, so the entry commits or rolls back with
 *       the caller's own rows (an envelope never exists without its log entry).</li>
 *   <li>{@link #shuffledAppendFor} does the same inside one statement of the SQL client, for hot paths that bypass
 *       the ORM (a forum's first login).</li>
 *   <li>{@link #appendStandalone} is for producers that have nothing else to commit (operator statements,
 *       transparency reports): one autocommitted insert, without an ORM session.</li>
 * </ul>
 */
@ApplicationScoped
public class LogAppender {

    private static final String INSERT = "insert into log_pending (entry, shuffle) values ($1, $2) returning id";

    private final Pool pool;

    LogAppender(Pool pool) {
        this.pool = pool;
    }

    /** Appends in commit order, in the caller's transaction. Must run inside one ({@code @WithTransaction}). */
    public Uni<PendingAppend> append(LogEntry entry) {
        return persist(entry, false);
    }

    /**
     * Appends in the caller's transaction, at a position randomised among the shuffled entries of its integration
     * batch, so that the moment it was written does not show in the public order (envelope entries).
     */
    public Uni<PendingAppend> appendShuffled(LogEntry entry) {
        return persist(entry, true);
    }

    /**
     * {@link #appendShuffled} as part of one SQL statement of the SQL client, for hot paths that bypass the ORM (a
     * forum's first login): the body of a data-modifying {@code WITH} query that appends the entry given as parameter
     * {@code $entryParameter} once for each row of the query named {@code source} (zero or one), so that the entry
     * and the rows that {@code source} creates commit together or not at all.
     */
    public static String shuffledAppendFor(String source, int entryParameter) {
        return "insert into log_pending (entry, shuffle) select $" + entryParameter + "::bytea, true from " + source
                + " returning id";
    }

    /** Appends in a transaction of its own; durable when the returned {@code Uni} completes. */
    public Uni<PendingAppend> appendStandalone(LogEntry entry) {
        return pool.preparedQuery(INSERT)
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(entry.bytes()), false))
                .map(rows -> new PendingAppend(rows.iterator().next().getLong(0), false));
    }

    private Uni<PendingAppend> persist(LogEntry entry, boolean shuffle) {
        PendingLogEntry row = new PendingLogEntry();
        row.entry = entry.bytes();
        row.shuffle = shuffle;
        return row.persist().replaceWith(() -> new PendingAppend(row.id, shuffle));
    }
}
