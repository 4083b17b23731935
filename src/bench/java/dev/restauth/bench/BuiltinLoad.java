package dev.restauth.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The load generator for machines without {@code wrk}: one thread per connection, each a closed loop over one
 * keep-alive {@link HttpConnection}, every latency kept (a run holds at most a few million), percentiles from the
 * sorted whole. It costs the server more CPU than wrk does, for restauth and the baseline alike, so only ratios
 * measured with the same generator compare.
 */
final class BuiltinLoad implements LoadGenerator {
    @Override
    public String name() {
        return "built-in (one Java thread per connection)";
    }

    @Override
    public LoadResult run(int port, Workload workload, int connections, Duration duration) {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Stream> streams = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Stream stream = new Stream(port, workload, i, deadline);
            streams.add(stream);
            Thread thread = new Thread(stream, "load-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the load ran", e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = streams.stream().flatMapToLong(s -> Arrays.stream(s.latencies, 0, s.count)).sorted()
                .toArray();
        Map<Integer, Long> statuses = new HashMap<>();
        streams.forEach(s -> s.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum)));
        return new LoadResult(latencies.length, seconds, percentile(latencies, 50), percentile(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1], statuses,
                streams.stream().mapToLong(s -> s.socketErrors).sum(),
                streams.stream().mapToLong(s -> s.timeouts).sum(),
                streams.stream().mapToLong(s -> s.missingRetryAfter).sum());
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    /** One connection's closed loop and what it saw; read by the caller only after the thread has ended. */
    private static final class Stream implements Runnable {
        private final int port;
        private final Workload workload;
        private final int index;
        private final long deadline;
        private final Map<Integer, Long> statuses = new HashMap<>();
        private long[] latencies = new long[1 << 14];
        private int count;
        private long socketErrors;
        private long timeouts;
        private long missingRetryAfter;

        Stream(int port, Workload workload, int index, long deadline) {
            this.port = port;
            this.workload = workload;
            this.index = index;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            HttpConnection connection = null;
            for (long n = 0; System.nanoTime() < deadline; n++) {
                byte[] request = workload.request(port, index, n);
                long sent = System.nanoTime();
                try {
                    if (connection == null) {
                        connection = new HttpConnection(port, TIMEOUT);
                    }
                    HttpConnection.Answer answer = connection.exchange(request);
                    record((System.nanoTime() - sent) / 1000, answer);
                    if (answer.close()) {
                        connection = closed(connection);
                    }
                } catch (SocketTimeoutException e) {
                    timeouts++;
                    connection = closed(connection);
                } catch (IOException e) {
                    socketErrors++;
                    connection = closed(connection);
                }
                pause();
            }
            closed(connection);
        }

        private void record(long micros, HttpConnection.Answer answer) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = micros;
            statuses.merge(answer.status(), 1L, Long::sum);
            if ((answer.status() == 429 || answer.status() == 503) && !answer.retryAfter()) {
                missingRetryAfter++;
            }
        }

        private void pause() {
            if (workload.pause().isZero()) {
                return;
            }
            try {
                Thread.sleep(workload.pause().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static HttpConnection closed(HttpConnection connection) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // the connection is dropped either way
                }
            }
            return null;
        }
    }
}
