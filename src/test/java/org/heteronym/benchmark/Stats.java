package org.heteronym.benchmark;

import java.util.Arrays;

/** Percentiles of a set of latencies, in milliseconds (public: the soak in the deployment package reports them too). */
public record Stats(int count, double mean, double p50, double p99, double max) {

    public static Stats ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new Stats(sorted.length, mean, at(sorted, 0.50), at(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("n=%d mean=%.3f ms p50=%.3f ms p99=%.3f ms max=%.3f ms", count, mean, p50, p99, max);
    }
}
