package dev.restauth.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load run measured.
 *
 * @param requests          answers received
 * @param seconds           how long the load ran
 * @param p50Micros         median latency of the answered requests
 * @param p99Micros         99th percentile latency
 * @param maxMicros         slowest answer
 * @param statuses          answers by HTTP status
 * @param socketErrors      connections refused, reset or closed without an answer
 * @param timeouts          requests left without an answer for longer than {@link LoadGenerator#TIMEOUT}
 * @param missingRetryAfter 429 and 503 answers that did not say when to retry
 */
record LoadResult(long requests, double seconds, long p50Micros, long p99Micros, long maxMicros,
                  Map<Integer, Long> statuses, long socketErrors, long timeouts, long missingRetryAfter) {
    LoadResult {
        statuses = Map.copyOf(new TreeMap<>(statuses));
    }

    /**
     * The slices of one load as one result: counts and time added up, the latencies the median of the slices' (a
     * percentile of the whole is not in the slices' summaries), the maximum the largest.
     */
    static LoadResult merge(List<LoadResult> slices) {
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("no slices to merge");
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        slices.forEach(slice -> slice.statuses().forEach((status, n) -> statuses.merge(status, n, Long::sum)));
        return new LoadResult(slices.stream().mapToLong(LoadResult::requests).sum(),
                slices.stream().mapToDouble(LoadResult::seconds).sum(),
                median(slices.stream().mapToLong(LoadResult::p50Micros).sorted().toArray()),
                median(slices.stream().mapToLong(LoadResult::p99Micros).sorted().toArray()),
                slices.stream().mapToLong(LoadResult::maxMicros).max().orElseThrow(), statuses,
                slices.stream().mapToLong(LoadResult::socketErrors).sum(),
                slices.stream().mapToLong(LoadResult::timeouts).sum(),
                slices.stream().mapToLong(LoadResult::missingRetryAfter).sum());
    }

    private static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Successful (2xx) answers per second: a login refused with 503 is not a login. */
    double successRate() {
        return count(200, 299) / seconds;
    }

    long count(int fromStatus, int toStatus) {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= fromStatus && e.getKey() <= toStatus)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Answers that are neither a success nor a 429/503 with {@code Retry-After}, plus socket errors. */
    long unexpected() {
        return requests - count(200, 299) - count(429, 429) - count(503, 503) + missingRetryAfter + socketErrors;
    }

    double p50Millis() {
        return p50Micros / 1000.0;
    }

    double p99Millis() {
        return p99Micros / 1000.0;
    }

    @Override
    public String toString() {
        return String.format("%.0f/s (2xx), p50 %.2f ms, p99 %.2f ms, max %.0f ms, statuses %s%s", successRate(),
                p50Millis(), p99Millis(), maxMicros / 1000.0, statuses,
                socketErrors + timeouts > 0 ? ", socket errors " + socketErrors + ", timeouts " + timeouts : "");
    }
}
