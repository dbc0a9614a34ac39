package org.heteronym.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code workers} virtual threads each run one operation after another (an operation may be several
 * HTTP requests), for a warm-up that is not counted, then until the time limit or the operation limit, whichever
 * comes first. Each operation's latency is recorded; an operation that throws is an error, counted, and the first few
 * messages are kept. Closed loop means latency is what a client waiting for each answer sees; offered load adapts to
 * the server (no coordinated-omission correction, so read p99 as "at this concurrency").
 */
final class LoadGenerator {

    /** Thrown by an operation when its worker has nothing left to do: the worker stops, nothing is counted. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super(null, null, false, false);
        }
    }

    /** One operation, run by worker {@code worker} (0 ≤ worker < workers); throws on any unexpected answer. */
    @FunctionalInterface
    interface Operation {
        void run(int worker) throws Exception;
    }

    /** What a run measured. */
    record Result(String name, int workers, double paced, long operations, long errors, double seconds,
                  Stats latency, List<String> firstErrors) {

        double perSecond() {
            return operations / seconds;
        }

        @Override
        public String toString() {
            return String.format("%s, %d connections%s: %,.0f/s (%d ops in %.1f s, %d errors), latency %s%s", name,
                    workers, paced > 0 ? String.format(", paced at %,.0f/s", paced) : "", perSecond(), operations,
                    seconds, errors, latency,
                    firstErrors.isEmpty() ? "" : "; first errors: " + firstErrors);
        }
    }

    private LoadGenerator() {
    }

    static Result run(String name, int workers, Duration warmUp, Duration limit, long maxOperations,
                      Operation operation) throws InterruptedException {
        return run(name, workers, 0, warmUp, limit, maxOperations, operation);
    }

    /**
     * Paced (open-loop) load: operation i is due at {@code i / ratePerSecond} seconds after the start and is taken by
     * the next free worker; its latency runs from when it was due, so a server that falls behind is charged for the
     * queue it causes (no coordinated omission). With {@code ratePerSecond} 0 the load is closed-loop.
     */
    static Result run(String name, int workers, double ratePerSecond, Duration warmUp, Duration limit,
                      long maxOperations, Operation operation) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong started = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[workers];
        int perWorker = (int) Math.min(Integer.MAX_VALUE - 8, maxOperations / workers + 1);
        CountDownLatch done = new CountDownLatch(workers);
        AtomicLong scheduled = new AtomicLong();
        long origin = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            long[] mine = new long[perWorker];
            latencies.add(mine);
            int worker = w;
            Thread.ofVirtual().start(() -> {
                try {
                    while (!stop.get()) {
                        boolean counted = measuring.get();
                        if (counted && started.incrementAndGet() > maxOperations) {
                            break;
                        }
                        long t0 = System.nanoTime();
                        if (ratePerSecond > 0) {
                            long due = origin + (long) (scheduled.getAndIncrement() * 1e9 / ratePerSecond);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                            t0 = due;
                        }
                        try {
                            operation.run(worker);
                            if (counted && counts[worker] < mine.length) {
                                mine[counts[worker]++] = System.nanoTime() - t0;
                            }
                        } catch (Exhausted e) {
                            break;
                        } catch (Exception e) {
                            if (counted) {
                                errors.incrementAndGet();
                                if (messages.size() < 3) {
                                    messages.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                                }
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep(warmUp.toMillis());
        long t0 = System.nanoTime();
        measuring.set(true);
        long deadline = t0 + limit.toNanos();
        while (System.nanoTime() < deadline && started.get() < maxOperations) {
            Thread.sleep(20);
        }
        stop.set(true);
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": workers did not finish within 60 s of the stop");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long ok = 0;
        for (int c : counts) {
            ok += c;
        }
        long[] all = new long[(int) ok];
        int at = 0;
        for (int w = 0; w < workers; w++) {
            System.arraycopy(latencies.get(w), 0, all, at, counts[w]);
            at += counts[w];
        }
        return new Result(name, workers, ratePerSecond, ok, errors.get(), seconds, Stats.ofNanos(all),
                List.copyOf(messages));
    }
}
