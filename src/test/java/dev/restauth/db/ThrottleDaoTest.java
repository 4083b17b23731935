package dev.restauth.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Parallel;
import dev.restauth.testing.TestDatabase;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The rate-limit counters' upsert on each database: exact counts, windows that end, and races. */
class ThrottleDaoTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant END = T0.plusSeconds(60);
    private static final String KEY = "a".repeat(64);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void hitsCountUpWithinAWindowAndStartOverAfterIt(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            assertEquals(new ThrottleDao.Counter(1, END), hit(database, "login", KEY, T0, END));
            assertEquals(new ThrottleDao.Counter(2, END), hit(database, "login", KEY, T0.plusSeconds(30),
                    T0.plusSeconds(90)));
            assertEquals(new ThrottleDao.Counter(3, END), hit(database, "login", KEY, END.minusMillis(1),
                    END.plusSeconds(60)));
            // Another limit with the same key is another counter.
            assertEquals(new ThrottleDao.Counter(1, END), hit(database, "signup", KEY, T0, END));
            // At the window's end a new one opens with this hit.
            assertEquals(new ThrottleDao.Counter(1, END.plusSeconds(60)), hit(database, "login", KEY, END,
                    END.plusSeconds(60)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRefundTakesBackOneHitOfItsOwnWindowOnly(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            hit(database, "login_lockout", KEY, T0, END);
            hit(database, "login_lockout", KEY, T0, END);
            database.useTransaction(c -> c.throttle().refund("login_lockout", KEY, END));
            assertEquals(2, hit(database, "login_lockout", KEY, T0, END).hits());
            // A refund for a window that has been replaced changes nothing.
            database.useTransaction(c -> c.throttle().refund("login_lockout", KEY,
                    END.minusSeconds(600)));
            assertEquals(3, hit(database, "login_lockout", KEY, T0, END).hits());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deletingForgetsOneCounterAndTheSweepEveryEndedOne(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            hit(database, "login", KEY, T0, END);
            hit(database, "login", "b".repeat(64), T0, END.plusSeconds(60));
            hit(database, "login_failed", KEY, T0, END);
            database.useTransaction(c -> c.throttle().delete("login_failed", KEY));
            assertEquals(1, hit(database, "login_failed", KEY, T0, END).hits());
            assertEquals(2, (int) database.inTransaction(c -> c.throttle()
                    .deleteExpired(END)));
            assertEquals(List.of("login"), database.inTransaction(c -> Sql.list(c,
                    "SELECT name FROM restauth_throttle", row -> row.getString(1))));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void racingHitsOnANewCounterEachSeeADifferentCount(TestDatabase.Kind kind) throws Exception {
        int threads = 40;
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            List<Integer> counts = Parallel.run(threads, i -> {
                for (int attempt = 1; ; attempt++) {
                    try {
                        return hit(database, "race", KEY, T0, END).hits();
                    } catch (DuplicateKeyException raced) {
                        // H2's MERGE can lose the insert race; the row exists now (Throttle retries the same way).
                        if (attempt == 5) {
                            throw raced;
                        }
                    }
                }
            });
            Set<Integer> distinct = new TreeSet<>(counts);
            assertEquals(threads, distinct.size(), () -> "counts: " + counts);
            assertEquals(threads, (int) ((TreeSet<Integer>) distinct).last());
        }
    }

    private static ThrottleDao.Counter hit(Database database, String name, String key, Instant now, Instant end) {
        return database.inTransaction(c -> c.throttle().hit(name, key, now, end));
    }

    private static Database migrated(TestDatabase test) {
        Database database = Database.of(test.dataSource());
        new Migrator(database, Clock.systemUTC()).migrate();
        return database;
    }
}
