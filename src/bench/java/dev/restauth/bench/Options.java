package dev.restauth.bench;

import java.time.Duration;
import java.util.List;

/**
 * The bench's command line ({@code make bench ARGS="..."}):
 * <pre>
 *   --runs N          runs of every figure (default 3; --quick: 1)
 *   --duration S      seconds each contender of a throughput figure is measured per run, in alternated slices
 *                     of 5 s (default 15; --quick: 5, in slices of 1 s)
 *   --quick           a smoke run in about three minutes: small tables, short loads, 3 cold starts
 *   --soak            add the soak: mixed load for 30 minutes, then the RSS growth
 *   --soak-minutes M  the soak's length (implies --soak)
 *   --load wrk|builtin  the load generator (default: wrk when installed)
 *   --database h2|postgresql  where restauth and the baselines keep their data (default h2: embedded files);
 *                     postgresql: the server of BENCH_POSTGRES_URL (default the local one), without the 1M table
 * </pre>
 *
 * @param warmup        load on a fresh server before it is measured
 * @param hashingWarmup the same for logins and registrations, whose code paths, at a hundred requests a second, take
 *                      minutes to be compiled (C2 compiles a method after some 5,000 to 15,000 calls): with 45 s,
 *                      the compiler threads still took 5% of the CPU from the hashes while the logins were measured
 *                      (3% two minutes in; async-profiler, 2026-12-03), so the bound was compared with a server
 *                      still warming up
 * @param measure       how long each contender is measured in a run, in alternated slices
 * @param slice         one turn of a contender (see {@link Alternation})
 * @param sizes         user counts of the scale figure, smallest first; {@code mainSize} is one of them
 * @param mainSize      the database restauth and the baseline are compared on
 * @param database      one of {@link Store#NAMES}
 */
record Options(int runs, boolean quick, Duration warmup, Duration hashingWarmup, Duration measure, Duration slice,
               Duration flood, int coldStarts, List<Integer> sizes, int mainSize, String load, int soakMinutes,
               String database) {
    static final String USAGE = "usage: make bench ARGS=\"[--runs N] [--duration S] [--quick] [--soak] "
            + "[--soak-minutes M] [--load wrk|builtin] [--database h2|postgresql]\"";

    static Options parse(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        int runs = quick ? 1 : 3;
        int measure = quick ? 5 : 15;
        int soakMinutes = 0;
        String load = "auto";
        String database = Store.NAMES.get(0);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                    // read above: it sets the defaults the other options override
                }
                case "--runs" -> runs = positive(args, ++i);
                case "--duration" -> measure = positive(args, ++i);
                case "--soak" -> soakMinutes = Math.max(soakMinutes, 30);
                case "--soak-minutes" -> soakMinutes = positive(args, ++i);
                case "--load" -> load = value(args, ++i);
                case "--database" -> database = value(args, ++i);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (!List.of("auto", "wrk", "builtin").contains(load)) {
            throw new IllegalArgumentException("--load takes wrk or builtin\n" + USAGE);
        }
        if (!Store.NAMES.contains(database)) {
            throw new IllegalArgumentException("--database takes h2 or postgresql\n" + USAGE);
        }
        // A PostgreSQL database is seeded again by every bench: a million users would take most of its time.
        List<Integer> sizes = quick || !database.equals("h2") ? List.of(1_000, 100_000)
                : List.of(1_000, 100_000, 1_000_000);
        return new Options(runs, quick, Duration.ofSeconds(quick ? 2 : 10), Duration.ofSeconds(quick ? 3 : 120),
                Duration.ofSeconds(measure), Duration.ofSeconds(Math.min(measure, quick ? 1 : 5)),
                Duration.ofSeconds(quick ? 8 : 20), quick ? 3 : 5, sizes, quick ? 1_000 : 100_000, load, soakMinutes,
                database);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int positive(String[] args, int i) {
        String value = value(args, i);
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(args[i - 1] + " takes a positive whole number, not " + value + "\n"
                + USAGE);
    }
}
