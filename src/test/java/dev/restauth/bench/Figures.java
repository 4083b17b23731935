package dev.restauth.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Measures every figure of the issue once per run, into {@link Results}: the servers run one at a time (an H2 file
 * has one process at a time), each warmed up before it is measured, each driven by the same load generator with the
 * same connections for the same time.
 */
final class Figures {
    /** Connections for {@code GET /user/}: enough to keep both servers' CPUs busy. */
    static final int USER_CONNECTIONS = 16;
    /** Logins and registrations in flight: twice the hashing threads, so the pool never waits for a request. */
    static final int HASHING_CONNECTIONS = 2 * Runtime.getRuntime().availableProcessors();
    /** The flood: ten times more concurrent logins than cores. */
    static final int FLOOD_CONNECTIONS = 10 * Runtime.getRuntime().availableProcessors();
    /** The probe measuring {@code GET /user/} during the flood: about 200 requests a second. */
    static final int PROBE_CONNECTIONS = 2;
    static final Duration PROBE_PAUSE = Duration.ofMillis(10);
    /** How long a warmed-up server is left alone before its idle RSS is read. */
    static final Duration IDLE = Duration.ofSeconds(5);
    static final Duration SOAK_STEP = Duration.ofMinutes(1);

    private final Options options;
    private final Launcher launcher;
    private final LoadGenerator load;
    private final Map<Integer, Dataset> datasets;
    private final Results results;

    Figures(Options options, Launcher launcher, LoadGenerator load, Map<Integer, Dataset> datasets,
            Results results) {
        this.options = options;
        this.launcher = launcher;
        this.load = load;
        this.datasets = datasets;
        this.results = results;
    }

    /** All figures of run number {@code run}. */
    void run(int run) {
        Dataset main = datasets.get(options.mainSize());
        double bound = Argon2Bound.hashesPerSecond(Seeder.settings(main.settings()), options.bound());
        results.add("bound", bound);
        progress(run, "argon2 bound: %.1f hashes/s", bound);
        for (BaselineServer.Lookup lookup : BaselineServer.Lookup.values()) {
            try (ChildProcess baseline = launcher.baseline(main, lookup, "baseline-" + lookup + "-run" + run)) {
                LoadResult user = userLoad(baseline, main);
                record("user." + lookup, user);
                progress(run, "baseline (%s) GET /user/: %s", lookup, user);
            }
        }
        try (ChildProcess restauth = launcher.restauth(main, "restauth-run" + run)) {
            restauthFigures(run, restauth, main, bound);
        }
        for (int size : options.sizes()) {
            if (size != main.users()) {
                try (ChildProcess restauth = launcher.restauth(datasets.get(size), "scale-" + size + "-run" + run)) {
                    results.add("scale." + size, userLoad(restauth, datasets.get(size)).successRate());
                }
            }
        }
        List<Integer> sizes = options.sizes();
        results.add("scale.ratio", last("scale." + sizes.get(sizes.size() - 1)) / last("scale." + sizes.get(0)));
        progress(run, "scale: %s", sizes.stream().map(s -> s + " users " + Math.round(last("scale." + s)) + "/s")
                .toList());
        double[] coldStarts = new double[options.coldStarts()];
        for (int i = 0; i < coldStarts.length; i++) {
            coldStarts[i] = coldStartMillis(main);
        }
        Arrays.sort(coldStarts);
        results.add("coldstart", coldStarts[coldStarts.length / 2]);
        progress(run, "cold starts: %s ms", Arrays.toString(coldStarts));
    }

    private void restauthFigures(int run, ChildProcess restauth, Dataset main, double bound) {
        int port = restauth.port();
        load.run(port, Workload.user(main.keys()), USER_CONNECTIONS, options.warmup());
        sleep(IDLE);
        results.add("rss.idle", restauth.rssMiB());

        restauth.resetPeak();
        LoadResult user = measured(load.run(port, Workload.user(main.keys()), USER_CONNECTIONS, options.measure()),
                200, "GET /user/", restauth);
        results.add("rss.token", restauth.peakRssMiB());
        record("user.restauth", user);
        results.add("scale." + main.users(), user.successRate());
        results.add("user.ratio", user.successRate() / last("user.PK"));
        progress(run, "restauth GET /user/: %s; idle RSS %.0f MiB, under load %.0f MiB", user,
                last("rss.idle"), last("rss.token"));

        Workload logins = Workload.login(main.usernames(), main.password());
        load.run(port, logins, HASHING_CONNECTIONS, options.warmup());
        LoadResult login = measured(load.run(port, logins, HASHING_CONNECTIONS, options.measure()), 200, "login",
                restauth);
        record("login", login);
        results.add("login.ratio", login.successRate() / bound);
        progress(run, "login: %s", login);

        String prefix = "r" + run + "n";
        load.run(port, Workload.registration("w" + prefix, main.password()), HASHING_CONNECTIONS, options.warmup());
        LoadResult registration = measured(load.run(port, Workload.registration(prefix, main.password()),
                HASHING_CONNECTIONS, options.measure()), 201, "registration", restauth);
        record("registration", registration);
        results.add("registration.ratio", registration.successRate() / bound);
        progress(run, "registration: %s", registration);

        overload(run, restauth, main);
    }

    /**
     * Ten times more concurrent logins than cores, while a paced probe measures {@code GET /user/}: hashing must
     * neither starve token requests nor take memory without bound, and a full queue must answer at once.
     */
    private void overload(int run, ChildProcess restauth, Dataset main) {
        int port = restauth.port();
        restauth.resetPeak();
        CompletableFuture<LoadResult> probe = CompletableFuture.supplyAsync(() -> load.run(port,
                Workload.user(main.keys()).paced(PROBE_PAUSE), PROBE_CONNECTIONS, options.flood()));
        LoadResult flood = load.run(port, Workload.login(main.usernames(), main.password()), FLOOD_CONNECTIONS,
                options.flood());
        LoadResult probed = probe.join();
        results.add("overload.rss", restauth.peakRssMiB());
        results.add("overload.5xx", flood.count(500, 502) + flood.count(504, 599) + probed.count(500, 599)
                + flood.missingRetryAfter());
        results.add("overload.unexpected", flood.unexpected() + probed.unexpected());
        results.add("overload.late", flood.timeouts() + probed.timeouts());
        results.add("overload.probe.p99", probed.p99Millis());
        results.add("overload.logins", flood.successRate());
        results.add("overload.busy", flood.count(503, 503) + flood.count(429, 429));
        progress(run, "overload: flood %s; probe %s; peak RSS %.0f MiB", flood, probed, last("overload.rss"));
    }

    /**
     * Mixed load (token requests flat out, logins on every core) for {@code soakMinutes}, the RSS read after each
     * minute: the growth from the first sixth (minute 5 of 30) to the end, once the heap has found its size.
     */
    void soak() {
        Dataset main = datasets.get(options.mainSize());
        int minutes = options.soakMinutes();
        int settled = Math.max(1, minutes / 6);
        try (ChildProcess restauth = launcher.restauth(main, "soak")) {
            int port = restauth.port();
            load.run(port, Workload.user(main.keys()), USER_CONNECTIONS, options.warmup());
            for (int minute = 1; minute <= minutes; minute++) {
                CompletableFuture<LoadResult> logins = CompletableFuture.supplyAsync(() -> load.run(port,
                        Workload.login(main.usernames(), main.password()), HASHING_CONNECTIONS / 2, SOAK_STEP));
                measured(load.run(port, Workload.user(main.keys()), USER_CONNECTIONS, SOAK_STEP), 200,
                        "GET /user/ (soak)", restauth);
                measured(logins.join(), 200, "login (soak)", restauth);
                double rss = restauth.rssMiB();
                System.out.printf("[soak] minute %d/%d: RSS %.0f MiB%n", minute, minutes, rss);
                if (minute == settled) {
                    results.add("soak.settled", rss);
                }
                if (minute == minutes) {
                    results.add("soak.end", rss);
                    results.add("soak.growth", 100 * (rss - last("soak.settled")) / last("soak.settled"));
                }
            }
        }
    }

    /** Warm-up, then the measured {@code GET /user/} load; every answer must be a 200. */
    private LoadResult userLoad(ChildProcess server, Dataset dataset) {
        int port = server.port();
        Workload user = Workload.user(dataset.keys());
        load.run(port, user, USER_CONNECTIONS, options.warmup());
        return measured(load.run(port, user, USER_CONNECTIONS, options.measure()), 200, "GET /user/", server);
    }

    /**
     * Process start to the first 200 on {@code GET /user/} with a valid token: the JVM, restauth's start (which
     * checks the migrations) and the first request, measured on a fresh process each time.
     */
    private double coldStartMillis(Dataset dataset) {
        long start = System.nanoTime();
        try (ChildProcess restauth = launcher.restauth(dataset, "cold-start")) {
            int port = restauth.port();
            byte[] request = Workload.user(dataset.keys()).request(port, 0, 0);
            try (HttpConnection connection = new HttpConnection(port, Duration.ofSeconds(10))) {
                int status = connection.exchange(request).status();
                if (status != 200) {
                    throw new IllegalStateException("cold start: GET /user/ answered " + status + "; see "
                            + restauth.log());
                }
                return (System.nanoTime() - start) / 1e6;
            } catch (IOException e) {
                throw new IllegalStateException("cold start: GET /user/ failed; see " + restauth.log(), e);
            }
        }
    }

    /** {@code result}, after checking that every answer had {@code status}: a bench of 401s measures nothing. */
    private static LoadResult measured(LoadResult result, int status, String what, ChildProcess server) {
        if (result.requests() == 0 || result.count(status, status) != result.requests()
                || result.socketErrors() > 0 || result.timeouts() > 0) {
            throw new IllegalStateException(what + ": expected only " + status + " answers, got " + result
                    + "; see " + server.log());
        }
        return result;
    }

    private void record(String name, LoadResult result) {
        results.add(name, result.successRate());
        results.add(name + ".p50", result.p50Millis());
        results.add(name + ".p99", result.p99Millis());
    }

    private double last(String name) {
        List<Double> values = results.values(name);
        return values.get(values.size() - 1);
    }

    private void progress(int run, String format, Object... args) {
        System.out.printf("[run %d/%d] %s%n", run, options.runs(), String.format(format, args));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
