package org.heteronym.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.heteronym.crypto.merkle.ConsistencyProofs;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import org.heteronym.testing.LogClient;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SequencerTest {

    private static final Pattern MARK = Pattern.compile("\"statement\":\"concurrency (\\d+)-(\\d+)\"");

    @Inject
    Sequencer sequencer;
    @Inject
    ProofService proofs;
    @Inject
    Pool pool;

    private final LogClient log = LogClient.forTestProfile();

    @Test
    void concurrentAppendersAndCompetingSequencersYieldOneGaplessSequence() throws Exception {
        int appenders = 16;
        int perAppender = 40;
        long before = log.awaitSize(1).size();
        ExecutorService threads = Executors.newFixedThreadPool(appenders + 3);
        AtomicBoolean appending = new AtomicBoolean(true);
        try {
            // Three extra sequencers race the scheduled one for the lock the whole time.
            List<Future<?>> rivals = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                rivals.add(threads.submit(() -> {
                    while (appending.get()) {
                        sequencer.integrateOnce().await().atMost(java.time.Duration.ofSeconds(30));
                    }
                    return null;
                }));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int a = 0; a < appenders; a++) {
                int appender = a;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < perAppender; i++) {
                        log.append("concurrency " + appender + "-" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            appending.set(false);
            for (Future<?> rival : rivals) {
                rival.get(1, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        VerifiedCheckpoint after = log.awaitSize(before + (long) appenders * perAppender);
        List<Row> entries = rows("select idx, entry from log_entry order by idx");
        assertEquals(after.size(), entries.size(), "entries integrated");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(i, entries.get(i).getLong(0), "no gap and no duplicate index");
            Matcher mark = MARK.matcher(new String(entries.get(i).getBuffer(1).getBytes(), StandardCharsets.UTF_8));
            if (mark.find()) {
                seen.merge(mark.group(1) + "-" + mark.group(2), 1, Integer::sum);
            }
        }
        assertEquals(appenders * perAppender, seen.size(), "every acknowledged append is in the log");
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "no append is in the log twice");
        assertNoPendingLeft();
        assertEverySignedCheckpointIsConsistentWithTheNext();
    }

    private void assertNoPendingLeft() {
        assertEquals(0L, rows("select count(*) from log_pending").getFirst().getLong(0));
    }

    private void assertEverySignedCheckpointIsConsistentWithTheNext() throws Exception {
        List<Row> checkpoints = rows("select size, root from log_checkpoint order by size");
        for (int i = 1; i < checkpoints.size(); i++) {
            long oldSize = checkpoints.get(i - 1).getLong(0);
            long newSize = checkpoints.get(i).getLong(0);
            ConsistencyProof proof = proofs.consistency(oldSize, java.util.OptionalLong.of(newSize))
                    .await().indefinitely();
            ConsistencyProofs.verify(oldSize, newSize, checkpoints.get(i - 1).getBuffer(1).getBytes(),
                    checkpoints.get(i).getBuffer(1).getBytes(), proof.path());
        }
    }

    private List<Row> rows(String sql) {
        List<Row> rows = new ArrayList<>();
        pool.query(sql).execute().await().indefinitely().forEach(rows::add);
        return rows;
    }
}
