package org.heteronym.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LogAppenderTest {

    @Inject
    LogAppender appender;
    @Inject
    IntegrationWaiter waiter;
    @Inject
    Pool pool;

    @Test
    void appendCommitsWithTheCallersTransaction() throws Throwable {
        String mark = "committed-with-caller " + System.nanoTime();
        PendingAppend pending = inTransaction(() -> appender.append(statement(mark)));
        var receipt = waiter.await(pending, Duration.ofSeconds(30)).await().indefinitely();
        assertTrue(receipt.isPresent(), "integrated");
        assertEquals(1, integratedWith(mark).size());
    }

    @Test
    void appendRollsBackWithTheCallersTransaction() throws Throwable {
        String mark = "rolled-back-with-caller " + System.nanoTime();
        assertThrows(IllegalStateException.class, () -> inTransaction(() -> appender.append(statement(mark))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the caller's own write failed")))));
        String committed = "after-rollback " + System.nanoTime();
        waiter.await(inTransaction(() -> appender.append(statement(committed))), Duration.ofSeconds(30)).await().indefinitely();
        assertEquals(0, count("select count(*) from log_pending where convert_from(entry, 'UTF8') like '%" + mark + "%'"));
        assertEquals(0, integratedWith(mark).size(), "a rolled-back append never reaches the log");
    }

    @Test
    void shuffledAppendsLandInARandomOrderAndCannotBeTracedToTheirIndex() throws Throwable {
        String mark = "shuffled " + System.nanoTime() + " #";
        int count = 40;
        PendingAppend last = inTransaction(() -> {
            Uni<PendingAppend> chain = appender.appendShuffled(statement(mark + 0));
            for (int i = 1; i < count; i++) {
                LogEntry next = statement(mark + i);
                chain = chain.chain(() -> appender.appendShuffled(next));
            }
            return chain;
        });
        assertThrows(IllegalArgumentException.class, () -> waiter.await(last, Duration.ofSeconds(1)));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Row> rows;
        do {
            Thread.sleep(50);
            rows = integratedWith(mark);
        } while (rows.size() < count && System.nanoTime() < deadline);
        assertEquals(count, rows.size(), "all shuffled appends integrated");
        List<Integer> order = new ArrayList<>();
        for (Row row : rows) {
            assertEquals(null, row.getValue(2), "no pending id is kept beside a shuffled entry");
            String entry = new String(row.getBuffer(1).getBytes(), StandardCharsets.UTF_8);
            order.add(Integer.parseInt(entry.replaceAll(".*#(\\d+)\".*", "$1")));
        }
        List<Integer> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            written.add(i);
        }
        assertNotEquals(written, order, "40 entries committed together are not integrated in the order written");
    }

    private static LogEntry statement(String text) {
        return LogEntry.of(EntryKind.OPERATOR_STATEMENT, Map.of("statement", text));
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private List<Row> integratedWith(String mark) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("select idx, entry, pending_id from log_entry where convert_from(entry, 'UTF8') like $1 order by idx")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of("%" + mark + "%")).await().indefinitely().forEach(rows::add);
        return rows;
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }
}
