package dev.restauth.bench;

import dev.restauth.config.Settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static dev.restauth.bench.Results.Detail;
import static dev.restauth.bench.Results.Target;
import static dev.restauth.bench.Results.Unit;

/**
 * {@code make bench}: restauth against the physical limits of its work, side by side, in one table. restauth runs
 * as {@code make run} runs it, in its own JVM with the same flags, on embedded H2 databases (or, with
 * {@code --database postgresql}, PostgreSQL ones; see {@link Store}) seeded with 1k, 100k and 1M users; a bare
 * {@link BaselineServer} on the same Jetty and database shows what {@code GET /user/} costs at the least, and argon2
 * on all cores what login and registration can reach at most.
 * Prints the table and writes it to {@code target/bench/latest.md} and a dated copy. Not part of {@code make test}.
 *
 * <p>{@code JVM_FLAGS} reach the bench as the system property {@code bench.jvm_flags}; see {@link Options} for the
 * arguments.
 */
public final class Bench {
    private static final Path ROOT = Path.of("target", "bench");

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.exists(Path.of("target", "restauth.jar"))) {
            System.err.println("bench: target/restauth.jar is missing; run `make bench`, which builds it");
            System.exit(2);
        }
        String flags = System.getProperty("bench.jvm_flags", "").trim();
        if (flags.isEmpty()) {
            System.err.println("bench: the JVM flags of `make run` are missing; run `make bench`, which passes them");
            System.exit(2);
        }
        Machine machine = Machine.describe();
        String loadAtStart = Machine.loadAverage();
        LoadGenerator load = LoadGenerator.choose(options.load(), ROOT.resolve("scripts"));
        System.out.printf("machine: %s%nload average at start: %s%nload generator: %s%nJVM flags: %s%n", machine,
                loadAtStart, load.name(), flags);

        Store store = Store.of(options.database());
        Runtime.getRuntime().addShutdownHook(new Thread(store::close)); // also when interrupted or failed
        Seeder seeder = new Seeder(ROOT, store);
        Dataset main = null;
        for (int size : options.sizes()) {
            Dataset dataset = seeder.prepare(size, "restauth"); // seeds the cache once, before anything is measured
            if (size == options.mainSize()) {
                main = dataset;
            }
        }
        Settings settings = Seeder.settings(main.settings());
        Results results = new Results();
        Figures figures = new Figures(options, new Launcher(List.of(flags.split("\\s+")), ROOT.resolve("logs")),
                load, seeder, new Argon2Bound(settings), results);
        for (int run = 1; run <= options.runs(); run++) {
            figures.run(run);
        }
        if (options.soakMinutes() > 0) {
            figures.soak();
        }

        String report = header(options, machine, load, flags, settings, store, loadAtStart, Machine.loadAverage())
                + "\n" + Table.markdown(rows(options, results, settings));
        System.out.println();
        System.out.print(report);
        Files.createDirectories(ROOT);
        Files.writeString(ROOT.resolve("latest.md"), report, StandardCharsets.UTF_8);
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.writeString(ROOT.resolve("bench-" + stamp + ".md"), report, StandardCharsets.UTF_8);
        System.out.println("\nwritten to " + ROOT.resolve("latest.md") + " and " + ROOT.resolve("bench-" + stamp + ".md"));
    }

    private static String header(Options options, Machine machine, LoadGenerator load, String flags,
                                 Settings settings, Store store, String loadAtStart, String loadAtEnd) {
        return String.join("\n",
                "restauth bench, " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE)
                        + (options.quick() ? " (--quick: a smoke run, not a measurement)" : ""),
                "",
                "- machine: " + machine,
                "- load average (1, 5, 15 min): " + loadAtStart + " at start, " + loadAtEnd + " at end",
                "- JVM flags of both servers (as `make run`): `" + flags + "`",
                "- load generator: " + load.name() + "; " + Figures.USER_CONNECTIONS
                        + " connections for GET /user/, " + Figures.HASHING_CONNECTIONS
                        + " for login and registration, " + Figures.FLOOD_CONNECTIONS + " for the flood",
                "- " + options.runs() + " run(s); what is compared runs side by side (each server on its own copy of its"
                        + " database) and is measured " + options.measure().toSeconds() + " s per run in alternated "
                        + options.slice().toSeconds() + " s slices: restauth, both baselines and restauth on the other"
                        + " table sizes; logins, and registrations, each with the argon2 bound",
                "- warm-up before measuring: " + options.warmup().toSeconds() + " s of token requests, "
                        + options.hashingWarmup().toSeconds() + " s of logins and of registrations; flood "
                        + options.flood().toSeconds() + " s",
                String.format("- database: %s; %,d users unless said (tokens for all; the load uses %,d of them); "
                        + "tables of %s users", store.describe(), options.mainSize(), Seeder.SAMPLE,
                        options.sizes().stream().map(n -> String.format("%,d", n)).toList()),
                String.format("- argon2id m=%d KiB, t=%d, p=%d; hashing threads: %s",
                        settings.get(Settings.ARGON2_MEMORY_KIB), settings.get(Settings.ARGON2_ITERATIONS),
                        settings.get(Settings.ARGON2_PARALLELISM), settings.get(Settings.HASHING_THREADS) == 0
                                ? "one per core" : settings.get(Settings.HASHING_THREADS)),
                "");
    }

    private static List<Table.Row> rows(Options options, Results results, Settings settings) {
        List<Table.Row> rows = new ArrayList<>();
        rows.add(results.row("GET /user/, restauth", "user.restauth", Unit.REQUESTS, Target.reference(),
                latencies("user.restauth")));
        rows.add(results.row("GET /user/, restauth in JWT mode (Bearer access token)", "user.jwt", Unit.REQUESTS,
                Target.reference(), latencies("user.jwt")));
        rows.add(results.row("GET /user/: JWT mode / token mode", "user.jwt.ratio", Unit.RATIO, Target.atLeast(1.0)));
        rows.add(results.row("token/refresh with rotation and blacklisting (" + Figures.REFRESH_CONNECTIONS
                + " chains)", "refresh", Unit.PER_SECOND, Target.reference()));
        rows.add(results.row("GET /user/, baseline: key → pk map, pk lookup", "user.PK", Unit.REQUESTS,
                Target.reference(), latencies("user.PK")));
        rows.add(results.row("GET /user/, baseline: HMAC of the key, indexed join", "user.KEYED_HASH",
                Unit.REQUESTS, Target.reference(), latencies("user.KEYED_HASH")));
        rows.add(results.row("GET /user/: restauth / baseline (pk)", "user.ratio", Unit.RATIO,
                Target.atLeast(0.9)));
        rows.add(results.row("GET /user/: restauth / baseline (HMAC, indexed join)", "user.ratio.keyed",
                Unit.RATIO, Target.reference()));
        rows.add(results.row("argon2 bound: hashes/s on all cores, beside the logins", "bound.login", Unit.HASHES,
                Target.reference()));
        rows.add(results.row("login", "login", Unit.PER_SECOND, Target.reference(), latencies("login")));
        rows.add(results.row("login / argon2 bound", "login.ratio", Unit.RATIO, Target.atLeast(0.9)));
        rows.add(results.row("argon2 bound: hashes/s on all cores, beside the registrations", "bound.registration",
                Unit.HASHES, Target.reference()));
        rows.add(results.row("registration", "registration", Unit.PER_SECOND, Target.reference(),
                latencies("registration")));
        rows.add(results.row("registration / argon2 bound", "registration.ratio", Unit.RATIO, Target.atLeast(0.9)));
        String flood = "overload (" + Figures.FLOOD_CONNECTIONS + " concurrent logins, "
                + options.flood().toSeconds() + " s): ";
        rows.add(results.row(flood + "logins/s; 429/503 with Retry-After", "overload.logins", Unit.PER_SECOND,
                Target.reference(), new Detail("busy answers", "overload.busy", Unit.COUNT)));
        rows.add(results.row(flood + "5xx (not counting 503 with Retry-After)", "overload.5xx", Unit.COUNT,
                Target.none()));
        rows.add(results.row(flood + "errors other than 429/503 with Retry-After", "overload.unexpected",
                Unit.COUNT, Target.none()));
        rows.add(results.row(flood + "requests unanswered after 2 s", "overload.late", Unit.COUNT, Target.none()));
        rows.add(results.row(flood + "GET /user/ p99 (probe, ~200 req/s)", "overload.probe.p99", Unit.MILLIS,
                Target.atMost(50)));
        rows.add(results.row(flood + "peak RSS", "overload.rss", Unit.MIB, Target.atMost(300)));
        for (int size : options.sizes()) {
            rows.add(results.row(String.format("scale: GET /user/ with %,d users", size), "scale." + size,
                    Unit.REQUESTS, Target.reference()));
        }
        List<Integer> sizes = options.sizes();
        rows.add(results.row(String.format("scale: %,d / %,d users", sizes.get(sizes.size() - 1), sizes.get(0)),
                "scale.ratio", Unit.RATIO, Target.atLeast(0.9)));
        rows.add(results.row("cold start: process start → first 200 (median of " + options.coldStarts() + ")",
                "coldstart", Unit.MILLIS, Target.atMost(1500)));
        rows.add(results.row("memory: RSS idle", "rss.idle", Unit.MIB, Target.atMost(150)));
        rows.add(results.row("memory: RSS under token load (peak)", "rss.token", Unit.MIB, Target.atMost(300)));
        rows.add(results.row("memory: RSS under the login flood (peak)", "overload.rss", Unit.MIB,
                Target.atMost(300)));
        if (options.soakMinutes() > 0) {
            int settled = Math.max(1, options.soakMinutes() / 6);
            rows.add(results.row("memory: RSS after a " + options.soakMinutes() + "-minute soak", "soak.end",
                    Unit.MIB, Target.reference(), new Detail("at minute " + settled, "soak.settled", Unit.MIB)));
            rows.add(results.row("memory: soak growth, minute " + settled + " → " + options.soakMinutes(),
                    "soak.growth", Unit.PERCENT, Target.atMost(5)));
        } else {
            rows.add(Table.Row.notRun("memory: RSS growth over a 30-minute soak", "not run (add `--soak`)",
                    "≤ +5.0%"));
        }
        return rows;
    }

    private static Detail[] latencies(String name) {
        return new Detail[] {new Detail("p50", name + ".p50", Unit.MILLIS), new Detail("p99", name + ".p99",
                Unit.MILLIS)};
    }
}
