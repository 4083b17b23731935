package dev.restauth.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Drives a server on 127.0.0.1 with a {@link Workload} over a fixed number of keep-alive connections for a fixed
 * time (a closed loop: each connection sends its next request when the answer is in). {@code wrk} when it is
 * installed, otherwise {@link BuiltinLoad}; restauth and the baseline always get the same one.
 */
interface LoadGenerator {
    /** A request without an answer after this long counts as a timeout (the overload target's "over 2 s"). */
    Duration TIMEOUT = Duration.ofSeconds(2);

    /** Runs the load and waits for it to end. */
    LoadResult run(int port, Workload workload, int connections, Duration duration);

    /** How the table names it. */
    String name();

    /**
     * {@code wrk} if it is on the {@code PATH} and not refused by {@code preference} ({@code builtin}), else the
     * built-in generator.
     *
     * @param scripts where {@code wrk}'s Lua scripts are written
     */
    static LoadGenerator choose(String preference, Path scripts) {
        if (!preference.equals("builtin")) {
            Optional<Path> wrk = onPath("wrk");
            if (wrk.isPresent()) {
                return new Wrk(wrk.get(), scripts);
            }
            if (preference.equals("wrk")) {
                throw new IllegalArgumentException("--load wrk, but wrk is not on the PATH");
            }
        }
        return new BuiltinLoad();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
