package org.heteronym.benchmark;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.heteronym.log.EntryKind;
import org.heteronym.log.IntegrationWaiter;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;
import org.heteronym.log.ProofService;
import org.heteronym.log.Sequencer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The log benchmark (README, "Benchmarks"): sustained appends, integration latency, and inclusion proofs in a large
 * tree. Run with {@code ./mvnw verify -Pbenchmark}; figures go to stdout and target/benchmark/log.txt. It measures
 * and reports; it asserts no timing.
 *
 * <p>Knobs (system properties): {@code bench.seconds} (default 30), {@code bench.appenders} (64),
 * {@code bench.entries} (tree size for the proof measurement, default 1,000,000), {@code bench.proofs} (10,000).
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
class LogBenchmark {

    @Inject
    LogAppender appender;
    @Inject
    IntegrationWaiter waiter;
    @Inject
    ProofService proofs;
    @Inject
    Sequencer sequencer;
    @Inject
    Pool pool;
    @Inject
    io.vertx.core.Vertx vertx;

    @TestHTTPResource("/log/v1/proof/inclusion")
    URL inclusionUrl;

    private final List<String> report = new ArrayList<>();

    @Test
    void logBenchmark() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 30);
        int appenders = Integer.getInteger("bench.appenders", 64);
        long entries = Long.getLong("bench.entries", 1_000_000);
        int proofCount = Integer.getInteger("bench.proofs", 10_000);
        line("Heteronym log benchmark, %d cores, JDK %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        sustainedAppends(seconds, appenders, true);
        sustainedAppends(seconds, appenders, false);
        pacedAppends(seconds, Integer.getInteger("bench.rate", 3_000));
        proofsAt(entries, proofCount);
        Path out = Path.of("target", "benchmark", "log.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    /** Appenders commit entries as fast as they can while the sequencer integrates; a sampler measures latency. */
    private void sustainedAppends(int seconds, int appenders, boolean standalone) throws Exception {
        long startSize = treeSize();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong committed = new AtomicLong();
        AtomicLong maxBacklog = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        // Each appender is a chain of transactions on its own duplicated Vert.x context, as request handlers run.
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(appenders);
        for (int a = 0; a < appenders; a++) {
            int id = a;
            io.vertx.core.Context context = io.smallrye.common.vertx.VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> appendLoop(id, new AtomicLong(), running, committed, standalone)
                    .subscribe().with(done -> finished.countDown(), failure -> {
                        failure.printStackTrace();
                        finished.countDown();
                    }));
        }
        threads.submit(() -> {
            while (running.get()) {
                long sent = System.nanoTime();
                LogEntry probe = LogEntry.of(EntryKind.OPERATOR_STATEMENT, Map.of("statement", "latency probe " + sent));
                var pending = commit(probe);
                long committedAt = System.nanoTime();
                var receipt = waiter.await(pending, Duration.ofSeconds(30)).await().indefinitely();
                if (receipt.isPresent()) {
                    latencies.add(System.nanoTime() - committedAt);
                }
                Thread.sleep(100);
            }
            return null;
        });
        threads.submit(() -> {
            while (running.get()) {
                maxBacklog.accumulateAndGet(pendingCount(), Math::max);
                Thread.sleep(250);
            }
            return null;
        });
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        finished.await(60, TimeUnit.SECONDS);
        threads.shutdown();
        threads.awaitTermination(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long appended = committed.get();
        long drainStart = System.nanoTime();
        long endSize = waitUntilDrained();
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

        line("appends (%s): %d concurrent appenders for %.1f s committed %d entries = %.0f appends/s",
                standalone ? "standalone, one autocommitted insert each" : "each in its own Hibernate Reactive transaction, as features append",
                appenders, elapsed, appended, appended / elapsed);
        line("integration: tree grew %d -> %d; largest backlog seen %d pending; backlog drained %.2f s after the load stopped",
                startSize, endSize, maxBacklog.get(), drainSeconds);
        line("integration latency (commit -> covered by a signed checkpoint): %s",
                Stats.ofNanos(latencies.stream().mapToLong(Long::longValue).toArray()));
    }

    /**
     * Offers standalone appends at a fixed rate (the target rate by default) and samples integration latency, which
     * is what a user of a log that is not saturated sees.
     */
    private void pacedAppends(int seconds, int rate) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong committed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        int perTick = Math.max(1, rate / 100);
        long timer = vertx.setPeriodic(10, id -> {
            for (int i = 0; i < perTick; i++) {
                LogEntry entry = LogEntry.of(EntryKind.OPERATOR_STATEMENT, Map.of("statement", "paced " + System.nanoTime() + "-" + i));
                appender.appendStandalone(entry).subscribe().with(ok -> committed.incrementAndGet(), e -> failed.incrementAndGet());
            }
        });
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        sampler.submit(() -> {
            while (running.get()) {
                var pending = appender.appendStandalone(LogEntry.of(EntryKind.OPERATOR_STATEMENT,
                        Map.of("statement", "paced probe " + System.nanoTime()))).await().indefinitely();
                long committedAt = System.nanoTime();
                if (waiter.await(pending, Duration.ofSeconds(30)).await().indefinitely().isPresent()) {
                    latencies.add(System.nanoTime() - committedAt);
                }
                Thread.sleep(100);
            }
            return null;
        });
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        vertx.cancelTimer(timer);
        running.set(false);
        sampler.shutdown();
        sampler.awaitTermination(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        waitUntilDrained();
        line("paced appends: offered %d/s for %.1f s, committed %.0f/s (%d failed); integration latency at that load: %s",
                rate, elapsed, committed.get() / elapsed, failed.get(),
                Stats.ofNanos(latencies.stream().mapToLong(Long::longValue).toArray()));
    }

    private void proofsAt(long entries, int proofCount) throws Exception {
        long size = treeSize();
        if (size < entries) {
            long loadStart = System.nanoTime();
            bulkLoad(entries - size);
            size = waitUntilDrained();
            line("bulk load: tree built to %d entries in %.1f s", size, (System.nanoTime() - loadStart) / 1e9);
        }
        // Planner statistics, as autovacuum keeps them in production; without them the node lookup uses a bitmap scan.
        pool.query("analyze log_node").execute().await().indefinitely();
        long treeSize = size;
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 500; i++) {
            proofs.inclusion(random.nextLong(treeSize), OptionalLong.of(treeSize)).await().indefinitely();
        }
        long[] direct = new long[proofCount];
        for (int i = 0; i < proofCount; i++) {
            long t = System.nanoTime();
            proofs.inclusion(random.nextLong(treeSize), OptionalLong.of(treeSize)).await().indefinitely();
            direct[i] = System.nanoTime() - t;
        }
        line("inclusion proof at tree size %d, in-process (one indexed read of the proof's nodes): %s", treeSize, Stats.ofNanos(direct));

        HttpClient http = HttpClient.newHttpClient();
        long[] served = new long[proofCount];
        for (int i = -500; i < proofCount; i++) {
            URI uri = URI.create(inclusionUrl + "?index=" + random.nextLong(treeSize) + "&size=" + treeSize);
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.body());
            }
            if (i >= 0) {
                served[i] = System.nanoTime() - t;
            }
        }
        line("inclusion proof at tree size %d, served over HTTP on loopback (sequential client): %s", treeSize, Stats.ofNanos(served));
    }

    /** Fills the queue with SQL, in chunks, and lets the sequencer integrate it as it would any appends. */
    private void bulkLoad(long count) {
        long chunk = 100_000;
        for (long done = 0; done < count; done += chunk) {
            long n = Math.min(chunk, count - done);
            pool.preparedQuery("""
                            insert into log_pending (entry, shuffle)
                            select convert_to('{"kind":"operator.statement","statement":"bulk ' || g || '","v":1}', 'UTF8'), false
                            from generate_series($1::bigint, $2::bigint) g""")
                    .execute(Tuple.of(done, done + n - 1)).await().indefinitely();
            sequencer.drain(1_000).await().indefinitely();
        }
    }

    private long waitUntilDrained() throws InterruptedException {
        while (pendingCount() > 0) {
            sequencer.drain(1_000).await().indefinitely();
            Thread.sleep(50);
        }
        return treeSize();
    }

    private long pendingCount() {
        return pool.query("select count(*) from log_pending").execute().await().indefinitely().iterator().next().getLong(0);
    }

    private long treeSize() {
        var row = pool.query("select coalesce(max(size), 0) from log_checkpoint").execute().await().indefinitely().iterator().next();
        return row.getLong(0);
    }

    private io.smallrye.mutiny.Uni<Void> appendLoop(int id, AtomicLong count, AtomicBoolean running, AtomicLong committed,
                                                    boolean standalone) {
        if (!running.get()) {
            return io.smallrye.mutiny.Uni.createFrom().voidItem();
        }
        LogEntry entry = LogEntry.of(EntryKind.OPERATOR_STATEMENT, Map.of("statement", "bench " + id + "-" + count.incrementAndGet()));
        var append = standalone ? appender.appendStandalone(entry) : Panache.withTransaction(() -> appender.append(entry));
        return append.invoke(committed::incrementAndGet)
                .chain(() -> appendLoop(id, count, running, committed, standalone));
    }

    /** One append in its own committed transaction, as a feature would make it. */
    private org.heteronym.log.PendingAppend commit(LogEntry entry) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> appender.append(entry)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.add(text);
        System.out.println("[benchmark] " + text);
    }
}
