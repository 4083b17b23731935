package dev.restauth.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * How long each kind of refused login takes over HTTP, with the real argon2 parameters (19 MiB, t=2, p=1): wrong
 * password, unknown user and inactive user must take the same time (one hash each), and a locked login the same
 * time whether or not its account exists. Not part of {@code make test} (its name does not end in {@code Test} and
 * timings are not asserted); run it by hand:
 * <pre>
 * mvn -q test -Dtest=LoginTimingBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Requests of all kinds are interleaved, in a new random order each round, so drift in the machine's load hits
 * every kind alike.
 */
class LoginTimingBenchmark {
    private static final int WARM_UP = 50;
    private static final int ROUNDS = 400;
    private static final String PASSWORD = "Tr0ub4dor&3x";

    @Test
    void refusedLoginsTakeTheSameTime() {
        // Failures are measured with the lockout off (so nothing locks), locked logins on a server locking at once.
        try (TestServer open = server("off"); TestServer locking = server("1/h")) {
            for (TestServer server : List.of(open, locking)) {
                server.createUser("alice", "alice@example.com", PASSWORD);
                User inactive = server.createUser("inactive", "inactive@example.com", PASSWORD);
                server.app().database().useTransaction(c -> c.users().updateActive(inactive.id(), false));
            }
            assertEquals(400, login(locking.http(), "alice", "wrong", 0).status());
            assertEquals(400, login(locking.http(), "nobody", "wrong", 0).status());

            Map<String, IntFunction<Http.Response>> kinds = new LinkedHashMap<>();
            kinds.put("wrong password", i -> login(open.http(), "alice", "wrong-" + PASSWORD, i));
            kinds.put("unknown user", i -> login(open.http(), "nobody", PASSWORD, i));
            kinds.put("inactive user", i -> login(open.http(), "inactive", PASSWORD, i));
            kinds.put("locked, account exists", i -> login(locking.http(), "alice", PASSWORD, i));
            kinds.put("locked, no such account", i -> login(locking.http(), "nobody", PASSWORD, i));

            Map<String, List<Long>> nanos = new LinkedHashMap<>();
            kinds.keySet().forEach(kind -> nanos.put(kind, new ArrayList<>()));
            List<Map.Entry<String, IntFunction<Http.Response>>> order = new ArrayList<>(kinds.entrySet());
            Random random = new Random(7);
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                // A new order each round: a request right after a hash runs on caches the hash has flushed, and no
                // kind should always be the one that follows a hash.
                Collections.shuffle(order, random);
                for (Map.Entry<String, IntFunction<Http.Response>> kind : order) {
                    long start = System.nanoTime();
                    Http.Response response = kind.getValue().apply(round);
                    long took = System.nanoTime() - start;
                    int expected = kind.getKey().startsWith("locked") ? 429 : 400;
                    assertEquals(expected, response.status(), kind.getKey());
                    if (round >= WARM_UP) {
                        nanos.get(kind.getKey()).add(took);
                    }
                }
            }
            System.out.printf("%n%-26s %9s %9s %9s %9s   (%d rounds, ms)%n", "login", "median", "p10", "p90",
                    "mean", ROUNDS);
            nanos.forEach((kind, samples) -> System.out.printf("%-26s %9.2f %9.2f %9.2f %9.2f%n", kind,
                    percentile(samples, 50), percentile(samples, 10), percentile(samples, 90),
                    samples.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6));
        }
    }

    private static TestServer server(String lockout) {
        return TestServer.builder()
                .setting("argon2_memory_kib", "19456")
                .setting("argon2_iterations", "2")
                .setting("throttle_enabled", "true")
                .setting("trusted_proxies", "1")
                .setting("throttle_login", "off")
                .setting("throttle_login_failed", "off")
                .setting("throttle_login_lockout", lockout)
                .start();
    }

    /** Each round from its own IP, as an attacker spreading guesses would. */
    private static Http.Response login(Http http, String username, String password, int round) {
        return http.post("/login/", Wire.credentials(username, password),
                "X-Forwarded-For", "198.51." + (100 + round / 250) + "." + (1 + round % 250));
    }

    private static double percentile(List<Long> samples, int percent) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
    }
}
