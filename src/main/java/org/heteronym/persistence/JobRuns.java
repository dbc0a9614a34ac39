package org.heteronym.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Once-per-period scheduled jobs on several replicas. Each replica's scheduler fires the job; a firing runs it only if
 * its claim wins: one conditional upsert of the job's row, so at most one replica runs the job per period, and if that
 * replica is gone, the next firing anywhere after the period runs it. Jobs that are cheap and idempotent (deleting
 * expired rows) need no claim; this is for jobs with outside cost, such as asking every licensing authority about
 * every member.
 */
@ApplicationScoped
public class JobRuns {

    private static final String CLAIM = """
            insert into job_run (name, started_at) values ($1, now())
            on conflict (name) do update set started_at = now()
            where job_run.started_at <= now() - make_interval(secs => $2)
            returning name""";

    private final Pool pool;

    JobRuns(Pool pool) {
        this.pool = pool;
    }

    /**
     * True if this caller should run {@code job} now: nobody started it within the last {@code period}. Schedules drift
     * by some seconds, so callers pass a period a little shorter than their interval.
     */
    public Uni<Boolean> claim(String job, Duration period) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(job, period.toMillis() / 1000.0))
                .map(rows -> rows.rowCount() == 1);
    }
}
