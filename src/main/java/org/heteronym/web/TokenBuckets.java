package org.heteronym.web;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key: each holds up to {@code capacity} requests and refills at {@code capacity} per minute. One
 * replica's view: with N replicas a client gets up to N times the limit, which still bounds it (the ingress can add a
 * global limit). The map forgets full buckets when it grows, so a flood of addresses cannot exhaust memory.
 */
final class TokenBuckets {

    static final int MAX_KEYS = 100_000;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int capacity;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int perMinute) {
        this.capacity = perMinute;
    }

    /** 0 if a request under {@code key} may go now (and takes its token), else the seconds until one may. */
    long take(String key, long now) {
        if (buckets.size() > MAX_KEYS) {
            buckets.entrySet().removeIf(e -> e.getValue().full(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now)).take(now);
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missing = 1 - tokens;
            return Math.max(1, (long) Math.ceil(missing * MINUTE_NANOS / capacity / 1e9));
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * (double) capacity / MINUTE_NANOS);
            updated = now;
        }
    }
}
