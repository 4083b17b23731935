package dev.restauth.metrics;

import dev.restauth.auth.crypto.HashingPool;
import dev.restauth.db.Database;
import dev.restauth.db.MailOutboxDao;
import dev.restauth.http.Router;
import dev.restauth.mail.OutboxSender;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * restauth's Prometheus metrics, in a registry of their own (so several instances in one JVM keep theirs apart):
 * <ul>
 * <li>{@code restauth_requests_total{route,method,status}} and {@code restauth_request_duration_seconds{route,method}}
 * for every answer under the mount prefix, by route as registered ({@code /passkeys/{id}/}; {@code unmatched} for
 * unknown paths) and method (HTTP's own; {@code other} for any other word a client sends, so that no client can add
 * series without end);</li>
 * <li>{@code restauth_logins_total{outcome}}: password logins ({@code POST /login/}) answered {@code ok} (200),
 * {@code failed} (400) or {@code throttled} (429);</li>
 * <li>{@code restauth_hashing_queued} and {@code restauth_hashing_running}: the password hashing pool;</li>
 * <li>{@code restauth_outbox_waiting} and {@code restauth_outbox_oldest_waiting_seconds} (read from the database at
 * each scrape), {@code restauth_outbox_delivered_total}, {@code restauth_outbox_failed_attempts_total},
 * {@code restauth_outbox_given_up_total};</li>
 * <li>{@code restauth_db_pool_connections{state}} ({@code active}, {@code idle}, {@code total}) and
 * {@code restauth_db_pool_waiting_threads}, when restauth opened the pool.</li>
 * </ul>
 * Thread-safe.
 */
public final class Metrics implements Router.Observer {
    private static final String LOGIN_ROUTE = "/login/";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("restauth_requests")
            .help("Answers under the mount prefix, by route, method and status.")
            .labelNames("route", "method", "status").register(registry);
    private final Histogram latency = Histogram.builder().name("restauth_request_duration_seconds")
            .help("Time to answer, by route and method.").unit(null).classicOnly()
            .labelNames("route", "method").register(registry);
    private final Counter logins = Counter.builder().name("restauth_logins")
            .help("Password logins (POST /login/) by outcome: ok, failed, throttled.")
            .labelNames("outcome").register(registry);
    /** Per route, then per method: the data points of its answers, found once rather than at every answer. */
    private final ConcurrentMap<String, ConcurrentMap<String, Series>> series = new ConcurrentHashMap<>();

    /**
     * @param outbox the sender whose counts are shown, or null for none
     */
    public Metrics(HashingPool hashing, Database database, OutboxSender outbox) {
        for (String outcome : new String[] {"ok", "failed", "throttled"}) {
            logins.labelValues(outcome); // present from the start, at 0
        }
        GaugeWithCallback.builder().name("restauth_hashing_queued").help("Password hashes waiting for a thread.")
                .callback(callback -> callback.call(hashing.queued())).register(registry);
        GaugeWithCallback.builder().name("restauth_hashing_running").help("Password hashes running.")
                .callback(callback -> callback.call(hashing.running())).register(registry);
        GaugeWithCallback.builder().name("restauth_outbox_waiting").help("Mails waiting for delivery.")
                .callback(callback -> backlog(database).ifPresent(b -> callback.call(b.waiting())))
                .register(registry);
        GaugeWithCallback.builder().name("restauth_outbox_oldest_waiting_seconds")
                .help("How long the oldest waiting mail has waited.")
                .callback(callback -> backlog(database).filter(b -> b.oldest() != null).ifPresent(b ->
                        callback.call(Math.max(0, (System.currentTimeMillis() - b.oldest().toEpochMilli()) / 1000.0))))
                .register(registry);
        if (outbox != null) {
            CounterWithCallback.builder().name("restauth_outbox_delivered").help("Mails delivered by this process.")
                    .callback(callback -> callback.call(outbox.counts().delivered())).register(registry);
            CounterWithCallback.builder().name("restauth_outbox_failed_attempts")
                    .help("Delivery attempts that failed in this process.")
                    .callback(callback -> callback.call(outbox.counts().failedAttempts())).register(registry);
            CounterWithCallback.builder().name("restauth_outbox_given_up")
                    .help("Mails given up after their last attempt in this process.")
                    .callback(callback -> callback.call(outbox.counts().givenUp())).register(registry);
        }
        GaugeWithCallback.builder().name("restauth_db_pool_connections")
                .help("Database connections of restauth's pool, by state.").labelNames("state")
                .callback(callback -> database.poolUsage().ifPresent(pool -> {
                    callback.call(pool.active(), "active");
                    callback.call(pool.idle(), "idle");
                    callback.call(pool.total(), "total");
                })).register(registry);
        GaugeWithCallback.builder().name("restauth_db_pool_waiting_threads")
                .help("Threads waiting for a database connection.")
                .callback(callback -> database.poolUsage().ifPresent(pool -> callback.call(pool.waiting())))
                .register(registry);
    }

    @Override
    public void answered(String route, String method, int status, long nanos) {
        String name = route == null ? "unmatched" : route;
        String verb = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(verb)) {
            verb = "other";
        }
        Series answers = series(name, verb);
        answers.count(status).inc();
        answers.latency.observe(nanos / 1e9);
        if (LOGIN_ROUTE.equals(route) && "POST".equals(verb)) {
            switch (status) {
                case 200 -> logins.labelValues("ok").inc();
                case 400 -> logins.labelValues("failed").inc();
                case 429 -> logins.labelValues("throttled").inc();
                default -> { }
            }
        }
    }

    private Series series(String route, String method) {
        ConcurrentMap<String, Series> byMethod = series.get(route);
        if (byMethod == null) {
            byMethod = series.computeIfAbsent(route, key -> new ConcurrentHashMap<>());
        }
        Series found = byMethod.get(method);
        return found != null ? found : byMethod.computeIfAbsent(method, key -> new Series(route, method));
    }

    /** The answers to one route and method: their latency, and their count by status. */
    private final class Series {
        private final String route;
        private final String method;
        private final DistributionDataPoint latency;
        private final AtomicReferenceArray<CounterDataPoint> byStatus = new AtomicReferenceArray<>(600);

        Series(String route, String method) {
            this.route = route;
            this.method = method;
            this.latency = Metrics.this.latency.labelValues(route, method);
        }

        CounterDataPoint count(int status) {
            if (status < 0 || status >= byStatus.length()) {
                return requests.labelValues(route, method, Integer.toString(status));
            }
            CounterDataPoint counter = byStatus.get(status);
            if (counter == null) {
                counter = requests.labelValues(route, method, Integer.toString(status));
                byStatus.set(status, counter); // the registry hands back the same point to a racing thread
            }
            return counter;
        }
    }

    /** Writes every metric in Prometheus's text format (version 0.0.4). */
    public void write(OutputStream out) throws IOException {
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
    }

    /** The media type {@link #write} writes. */
    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    private static Optional<MailOutboxDao.Backlog> backlog(Database database) {
        try {
            return Optional.of(database.read(tx -> tx.outbox().backlog()));
        } catch (RuntimeException databaseDown) {
            return Optional.empty(); // a scrape shows what it can; /health/ tells the database is down
        }
    }
}
