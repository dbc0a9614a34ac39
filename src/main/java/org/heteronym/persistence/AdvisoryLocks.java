package org.heteronym.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.nio.ByteBuffer;

/**
 * Transaction-scoped PostgreSQL advisory locks, for "look up, then create if absent" steps that must not run twice at
 * once for the same key (one member per licence). The lock is released when the caller's transaction ends.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /**
     * Waits for the lock named by the first 8 bytes of {@code key}, which must be a uniformly distributed hash (a
     * collision only makes two unrelated steps wait for each other).
     */
    public static Uni<Void> lockForTransaction(byte[] key) {
        long id = ByteBuffer.wrap(key).getLong();
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) locked")
                .setParameter(1, id).getSingleResult()).replaceWithVoid();
    }
}
