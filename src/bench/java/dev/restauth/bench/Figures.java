package dev.restauth.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Measures every figure of the issue once per run, into {@link Results}. What is compared runs side by side: the
 * servers of the token figures (restauth, both baselines, restauth on the other table sizes) all at once, each on
 * its own copy of its database, and logins and registrations beside the argon2 bound; each contender is warmed up,
 * then measured in slices alternated with its rivals' ({@link Alternation}), with the same load generator and the
 * same connections.
 */
final class Figures {
    /** Connections for {@code GET /user/}: enough to keep both servers' CPUs busy. */
    static final int USER_CONNECTIONS = 16;
    /** Refresh chains in flight: each waits for its answer (its next token) before it sends again. */
    static final int REFRESH_CONNECTIONS = 8;
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
    private final Seeder seeder;
    private final Argon2Bound bound;
    private final Results results;

    Figures(Options options, Launcher launcher, LoadGenerator load, Seeder seeder, Argon2Bound bound,
            Results results) {
        this.options = options;
        this.launcher = launcher;
        this.load = load;
        this.seeder = seeder;
        this.bound = bound;
        this.results = results;
    }

    /** All figures of run number {@code run}. */
    void run(int run) {
        Dataset main = seeder.prepare(options.mainSize(), "restauth");
        List<ChildProcess> started = new ArrayList<>();
        try {
            Server restauth = start(started, launcher.restauth(main, "restauth-run" + run), main);
            Map<String, Server> servers = new LinkedHashMap<>();
            for (BaselineServer.Lookup lookup : BaselineServer.Lookup.values()) {
                Dataset copy = seeder.prepare(options.mainSize(), "baseline-" + lookup);
                servers.put("user." + lookup, start(started, launcher.baseline(copy, lookup,
                        "baseline-" + lookup + "-run" + run), copy));
            }
            servers.put("user.restauth", restauth);
            Dataset jwt = JwtDataset.of(seeder.prepare(options.mainSize(), "jwt"));
            Server jwtServer = start(started, launcher.restauth(jwt, "jwt-run" + run), jwt, true);
            servers.put("user.jwt", jwtServer);
            for (int size : options.sizes()) {
                if (size != main.users()) {
                    Dataset dataset = seeder.prepare(size, "restauth");
                    servers.put("scale." + size, start(started, launcher.restauth(dataset,
                            "scale-" + size + "-run" + run), dataset));
                }
            }
            tokenFigures(run, servers, restauth);
            refreshFigures(run, jwtServer);
            servers.values().stream().filter(server -> server != restauth).forEach(server -> server.process().close());
            hashingFigures(run, restauth);
            overload(run, restauth.process(), main);
        } finally {
            started.forEach(ChildProcess::close);
        }
        double[] coldStarts = new double[options.coldStarts()];
        for (int i = 0; i < coldStarts.length; i++) {
            coldStarts[i] = coldStartMillis(main);
        }
        Arrays.sort(coldStarts);
        results.add("coldstart", coldStarts[coldStarts.length / 2]);
        progress(run, "cold starts: %s ms", Arrays.toString(coldStarts));
    }

    /**
     * {@code GET /user/} on restauth, on both baselines and on restauth with the other table sizes, alternated;
     * restauth's RSS idle and under this load.
     */
    private void tokenFigures(int run, Map<String, Server> servers, Server restauth) {
        for (Server server : servers.values()) {
            load.run(server.port(), server.tokenLoad(), USER_CONNECTIONS, options.warmup());
        }
        sleep(IDLE);
        results.add("rss.idle", restauth.process().rssMiB());
        restauth.process().resetPeak();
        Map<String, List<LoadResult>> slices = new LinkedHashMap<>();
        Map<String, Consumer<Duration>> contenders = new LinkedHashMap<>();
        servers.forEach((name, server) -> {
            List<LoadResult> own = slices.computeIfAbsent(name, n -> new ArrayList<>());
            contenders.put(name, slice -> own.add(measured(load.run(server.port(), server.tokenLoad(),
                    USER_CONNECTIONS, slice), 200, "GET /user/ (" + name + ")", server.process())));
        });
        Alternation.run(contenders, options.slice(), options.measure());
        results.add("rss.token", restauth.process().peakRssMiB());

        Function<String, LoadResult> merged = name -> LoadResult.merge(slices.get(name));
        for (BaselineServer.Lookup lookup : BaselineServer.Lookup.values()) {
            LoadResult baseline = merged.apply("user." + lookup);
            record("user." + lookup, baseline);
            progress(run, "baseline (%s) GET /user/: %s", lookup, baseline);
        }
        LoadResult user = merged.apply("user.restauth");
        record("user.restauth", user);
        LoadResult jwtUser = merged.apply("user.jwt");
        record("user.jwt", jwtUser);
        results.add("user.jwt.ratio", jwtUser.successRate() / user.successRate());
        progress(run, "restauth GET /user/ with a Bearer JWT: %s", jwtUser);
        results.add("user.ratio", user.successRate() / last("user.PK"));
        results.add("user.ratio.keyed", user.successRate() / last("user.KEYED_HASH"));
        progress(run, "restauth GET /user/: %s; idle RSS %.0f MiB, under load %.0f MiB", user, last("rss.idle"),
                last("rss.token"));
        for (int size : options.sizes()) {
            String name = size == options.mainSize() ? "user.restauth" : "scale." + size;
            results.add("scale." + size, merged.apply(name).successRate());
        }
        List<Integer> sizes = options.sizes();
        results.add("scale.ratio", last("scale." + sizes.get(sizes.size() - 1)) / last("scale." + sizes.get(0)));
        progress(run, "scale: %s", sizes.stream().map(s -> s + " users " + Math.round(last("scale." + s)) + "/s")
                .toList());
    }

    /** Refreshes with rotation and blacklisting on the JWT server, each connection following its own chain. */
    private void refreshFigures(int run, Server jwt) {
        RefreshLoad.Result result;
        try {
            result = RefreshLoad.run(jwt.port(), jwt.dataset().usernames(), jwt.dataset().password(),
                    REFRESH_CONNECTIONS, options.measure());
        } catch (Exception e) {
            throw new IllegalStateException("the refresh figure failed; see " + jwt.process().log(), e);
        }
        if (result.refused() > 0) {
            throw new IllegalStateException("refreshes were refused: " + result.refused() + "; see "
                    + jwt.process().log());
        }
        results.add("refresh", result.perSecond());
        progress(run, "token/refresh with rotation: %.0f/s", result.perSecond());
    }

    /** Logins, then registrations, each alternated with the argon2 bound. */
    private void hashingFigures(int run, Server restauth) {
        Dataset main = restauth.dataset();
        Workload logins = Workload.login(main.usernames(), main.password());
        load.run(restauth.port(), logins, HASHING_CONNECTIONS, options.hashingWarmup());
        LoadResult login = againstBound("login", slice -> measured(load.run(restauth.port(), logins,
                HASHING_CONNECTIONS, slice), 200, "login", restauth.process()));
        progress(run, "login: %s; argon2 bound beside it %.1f hashes/s", login, last("bound.login"));

        load.run(restauth.port(), Workload.registration("w" + run + "n", main.password()), HASHING_CONNECTIONS,
                options.hashingWarmup());
        int[] slice = {0};
        LoadResult registration = againstBound("registration", duration -> measured(load.run(restauth.port(),
                Workload.registration("r" + run + "s" + ++slice[0] + "n", main.password()), HASHING_CONNECTIONS,
                duration), 201, "registration", restauth.process()));
        progress(run, "registration: %s; argon2 bound beside it %.1f hashes/s", registration,
                last("bound.registration"));
    }

    /**
     * {@code work} alternated with the argon2 bound (measured while the server idles); records both, and the ratio
     * of work done to hashes possible as {@code <name>.ratio}.
     */
    private LoadResult againstBound(String name, Function<Duration, LoadResult> work) {
        List<Argon2Bound.Tally> hashes = new ArrayList<>();
        List<LoadResult> done = new ArrayList<>();
        Map<String, Consumer<Duration>> contenders = new LinkedHashMap<>();
        contenders.put("argon2 bound", slice -> hashes.add(bound.measure(slice)));
        contenders.put(name, slice -> done.add(work.apply(slice)));
        Alternation.run(contenders, options.slice(), options.measure());
        LoadResult result = LoadResult.merge(done);
        double possible = Argon2Bound.Tally.sum(hashes).perSecond();
        record(name, result);
        results.add("bound." + name, possible);
        results.add(name + ".ratio", result.successRate() / possible);
        return result;
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
        Dataset main = seeder.prepare(options.mainSize(), "soak");
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

    private static Server start(List<ChildProcess> started, ChildProcess process, Dataset dataset) {
        return start(started, process, dataset, false);
    }

    private static Server start(List<ChildProcess> started, ChildProcess process, Dataset dataset, boolean jwt) {
        started.add(process);
        return new Server(process, dataset, jwt);
    }

    /** A server the bench started, the database copy it serves, and whether it runs in JWT mode. */
    private record Server(ChildProcess process, Dataset dataset, boolean jwt) {
        int port() {
            return process.port();
        }

        /** {@code GET /user/} with the sample's credentials: token keys, or access tokens in JWT mode. */
        Workload tokenLoad() {
            return jwt ? Workload.jwtUser(dataset.keys()) : Workload.user(dataset.keys());
        }
    }
}
