package org.heteronym.testing;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs reactive work from tests: once on a Vert.x context, or n times at once from n threads (bounded in time). */
public final class Concurrently {

    private Concurrently() {
    }

    /** Subscribes on a fresh Vert.x context and waits for the item. */
    public static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    /** Starts reactive {@code work} from {@code n} threads at once and returns every result (60 s at most). */
    public static <T> List<T> times(int n, Supplier<Uni<T>> work) throws Exception {
        return calls(n, () -> {
            try {
                return await(work);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs blocking {@code call} from {@code n} threads at once and returns every result (60 s at most). */
    public static <T> List<T> calls(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
