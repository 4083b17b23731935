package dev.restauth.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two restauth nodes on one database enforce one limit: the counters live in the database, so failures on either
 * node count against the same budget, sequentially and when both nodes are hit at once.
 */
class SharedThrottleTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String WRONG = "wrong-Tr0ub4dor&3x";

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void failuresOnEitherNodeCountAgainstOneLimit(TestDatabase.Kind kind) {
        MutableClock clock = MutableClock.startingNow();
        try (TestDatabase database = TestDatabase.create(kind);
             TestServer first = node(database, clock);
             TestServer second = node(database, clock)) {
            first.createUser("alice", "alice@example.com", PASSWORD);
            Http[] nodes = {first.http(), second.http()};
            for (int i = 0; i < 5; i++) {
                assertEquals(400, login(nodes[i % 2], WRONG).status());
            }
            assertEquals(429, login(nodes[1], PASSWORD).status());
            assertEquals(429, login(nodes[0], PASSWORD).status());
            clock.advance(Duration.ofMinutes(5));
            assertEquals(200, login(nodes[1], PASSWORD).status());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void bothNodesFloodedAtOnceLetExactlyTheLimitThrough(TestDatabase.Kind kind) throws Exception {
        MutableClock clock = MutableClock.startingNow();
        try (TestDatabase database = TestDatabase.create(kind);
             TestServer first = node(database, clock);
             TestServer second = node(database, clock)) {
            first.createUser("alice", "alice@example.com", PASSWORD);
            Http[] nodes = {first.http(), second.http()};
            int racers = 60;
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            CountDownLatch gate = new CountDownLatch(1);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    Http node = nodes[i % 2];
                    statuses.add(pool.submit(() -> {
                        gate.await();
                        return login(node, WRONG).status();
                    }));
                }
                gate.countDown();
                int passed = 0;
                int throttled = 0;
                for (Future<Integer> status : statuses) {
                    passed += status.get() == 400 ? 1 : 0;
                    throttled += status.get() == 429 ? 1 : 0;
                }
                assertEquals(5, passed);
                assertEquals(racers - 5, throttled);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** A node with its own connection pool, as a separate process would have. */
    private static TestServer node(TestDatabase database, MutableClock clock) {
        return TestServer.builder().clock(clock)
                .setting("database_url", database.jdbcUrl())
                .setting("database_user", database.user())
                .setting("throttle_enabled", "true").start();
    }

    private static Http.Response login(Http node, String password) {
        return node.post("/login/", Wire.credentials("alice", password));
    }
}
