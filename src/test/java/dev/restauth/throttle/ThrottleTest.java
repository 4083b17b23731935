package dev.restauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.db.Sql;
import dev.restauth.auth.Keyring;
import dev.restauth.config.SecretKey;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.Migrator;
import dev.restauth.db.Sweeper;
import dev.restauth.error.ApiException;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Parallel;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The decision point itself, on a real database with a clock the test moves. */
class ThrottleTest {
    private static final String CLIENT = "203.0.113.7";
    private static final String OTHER_CLIENT = "203.0.113.8";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void aFullLimitRefusesWith429AndTheSecondsLeftRoundedUpUntilItsWindowEnds() {
        TestThrottle throttle = throttle(Map.of("throttle_signup", "3/m"));
        for (int i = 0; i < 3; i++) {
            throttle.begin(Action.SIGNUP, CLIENT, null);
        }
        clock.advance(Duration.ofMillis(20_500));
        ApiException refused = assertThrows(ApiException.class, () -> throttle.begin(Action.SIGNUP, CLIENT, null));
        assertEquals(429, refused.status());
        assertEquals("Request was throttled. Expected available in 40 seconds.", refused.getMessage());
        assertEquals(Map.of("Retry-After", "40"), refused.headers());

        clock.advance(Duration.ofMillis(39_000));
        ApiException last = assertThrows(ApiException.class, () -> throttle.begin(Action.SIGNUP, CLIENT, null));
        assertEquals("Request was throttled. Expected available in 1 second.", last.getMessage());
        assertEquals(Map.of("Retry-After", "1"), last.headers());

        // Other clients were never affected; this one recovers when the window ends.
        throttle.begin(Action.SIGNUP, OTHER_CLIENT, null);
        clock.advance(Duration.ofMillis(500));
        throttle.begin(Action.SIGNUP, CLIENT, null);
    }

    @Test
    void aRefusedAttemptCountsOnNoneOfItsCounters() {
        TestThrottle throttle = throttle(Map.of("throttle_login", "3/m", "throttle_login_failed", "2/m"));
        throttle.begin(Action.LOGIN, CLIENT, "alice");
        throttle.begin(Action.LOGIN, CLIENT, "alice");
        for (int i = 0; i < 5; i++) {
            assertThrows(ApiException.class, () -> throttle.begin(Action.LOGIN, CLIENT, "alice"));
        }
        // Had the five refusals counted on the per-IP counter, this one would be refused too.
        throttle.begin(Action.LOGIN, CLIENT, "bob");
        assertThrows(ApiException.class, () -> throttle.begin(Action.LOGIN, CLIENT, "carol"));
    }

    @Test
    void successClearsThisClientsFailuresButOnlyRefundsTheLockoutOthersContributedTo() {
        TestThrottle throttle = throttle(Map.of("throttle_login_failed", "3/m", "throttle_login_lockout", "5/h"));
        throttle.begin(Action.LOGIN, OTHER_CLIENT, "alice");
        throttle.begin(Action.LOGIN, OTHER_CLIENT, "alice");
        throttle.begin(Action.LOGIN, CLIENT, "alice");
        throttle.begin(Action.LOGIN, CLIENT, "alice");
        throttle.begin(Action.LOGIN, CLIENT, "alice").succeeded();

        // This client's failures are forgiven: three more fit under its limit of three...
        throttle.begin(Action.LOGIN, CLIENT, "alice");
        // ...but the lockout still holds the other client's two failures and this client's two: five, full.
        ApiException locked = assertThrows(ApiException.class, () -> throttle.begin(Action.LOGIN, CLIENT, "alice"));
        assertEquals("3600", locked.headers().get("Retry-After"));
    }

    @Test
    void anUndecidedAttemptIsTakenBackFromTheFailureCountersOnly() {
        TestThrottle throttle = throttle(Map.of("throttle_login", "3/m", "throttle_login_failed", "1/m"));
        throttle.begin(Action.LOGIN, CLIENT, "alice").unchecked();
        throttle.begin(Action.LOGIN, CLIENT, "alice").unchecked();
        throttle.begin(Action.LOGIN, CLIENT, "alice");
        // Three attempts were made: the per-IP limit counts them all.
        assertThrows(ApiException.class, () -> throttle.begin(Action.LOGIN, CLIENT, "bob"));
    }

    @Test
    void onlyTheFirstOutcomeOfAnAttemptCounts() {
        TestThrottle throttle = throttle(Map.of("throttle_login_failed", "2/m"));
        throttle.begin(Action.LOGIN, CLIENT, "alice");
        TestAttempt attempt = throttle.begin(Action.LOGIN, CLIENT, "alice");
        attempt.unchecked();
        attempt.unchecked();
        attempt.succeeded();
        throttle.begin(Action.LOGIN, CLIENT, "alice");
        assertThrows(ApiException.class, () -> throttle.begin(Action.LOGIN, CLIENT, "alice"));
    }

    @Test
    void keysAreFoldedSoLetterCaseAndWidthCannotOpenANewCounter() {
        TestThrottle throttle = throttle(Map.of("throttle_login_failed", "3/m"));
        throttle.begin(Action.LOGIN, CLIENT, "Alice");
        throttle.begin(Action.LOGIN, CLIENT, "ALICE");
        throttle.begin(Action.LOGIN, CLIENT, "\uff41\uff4c\uff49\uff43\uff45"); // fullwidth "alice"
        assertThrows(ApiException.class, () -> throttle.begin(Action.LOGIN, CLIENT, "alice"));
        throttle.begin(Action.LOGIN, CLIENT, "alicia");
    }

    @Test
    void theTableNamesNoLoginAndNoAddress() {
        Database database = database(TestDatabase.Kind.H2);
        TestThrottle throttle = throttle(database, Map.of());
        throttle.begin(Action.LOGIN, CLIENT, "alice@example.com");
        List<String> rows = database.inTransaction(c -> Sql.list(c,
                "SELECT name, key_hash FROM restauth_throttle ORDER BY name",
                row -> row.getString(1) + " " + row.getString(2)));
        assertEquals(3, rows.size(), rows::toString);
        for (String row : rows) {
            assertTrue(row.matches("login(_failed|_lockout)? [0-9a-f]{64}"), row);
            assertFalse(row.contains("alice") || row.contains("203.0.113"), row);
        }
    }

    @Test
    void tryHitSaysNoWithoutThrowingOrCounting() {
        TestThrottle throttle = throttle(Map.of("throttle_confirmation_email", "1/3m"));
        assertTrue(throttle.tryHit(Action.ACCOUNT_EXISTS_EMAIL, null, "bob@example.com"));
        assertFalse(throttle.tryHit(Action.ACCOUNT_EXISTS_EMAIL, null, "BOB@example.com"));
        // Its own counter: resend-email's is untouched.
        assertTrue(throttle.tryHit(Action.CONFIRMATION_EMAIL, null, "bob@example.com"));
        clock.advance(Duration.ofMinutes(3));
        assertTrue(throttle.tryHit(Action.ACCOUNT_EXISTS_EMAIL, null, "bob@example.com"));
    }

    @Test
    void offTurnsOneLimitOffAndThrottleEnabledFalseTurnsEveryLimitOff() {
        TestThrottle noSignupLimit = throttle(Map.of("throttle_signup", "off"));
        TestThrottle disabled = throttle(Map.of("throttle_enabled", "false", "throttle_login_failed", "1/m"));
        for (int i = 0; i < 50; i++) {
            noSignupLimit.begin(Action.SIGNUP, CLIENT, null);
            disabled.begin(Action.LOGIN, CLIENT, "alice");
            disabled.begin(Action.LOGIN, CLIENT, "alice").succeeded();
        }
    }

    @Test
    void endedWindowsAreDeletedByTheSweeperWithoutACronJob() {
        Database database = database(TestDatabase.Kind.H2);
        TestThrottle throttle = throttle(database, Map.of("throttle_signup", "1000/m"));
        Sweeper sweeper = new Sweeper(database, Duration.ofMinutes(1),
                List.of(tx -> tx.throttle().deleteExpired(clock.instant())));
        for (int i = 0; i < 10; i++) {
            throttle.tryHit(Action.CONFIRMATION_EMAIL, null, "user" + i + "@example.com");
        }
        clock.advance(Duration.ofMinutes(3));
        throttle.begin(Action.SIGNUP, CLIENT, null);
        assertEquals(11, rows(database));
        sweeper.sweep();
        assertEquals(1, rows(database));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void racingAttemptsGetExactlyTheLimitThroughOnEveryDatabase(TestDatabase.Kind kind) throws Exception {
        int racers = 60;
        TestThrottle throttle = throttle(database(kind), Map.of("throttle_login_failed", "7/5m"));
        List<Integer> statuses = Parallel.run(racers, i -> {
            try {
                throttle.begin(Action.LOGIN, CLIENT, "alice");
                return 400;
            } catch (ApiException e) {
                return e.status();
            }
        });
        int admitted = 0;
        for (int status : statuses) {
            assertTrue(status == 400 || status == 429, "status " + status);
            admitted += status == 400 ? 1 : 0;
        }
        assertEquals(7, admitted);
    }

    private int rows(Database database) {
        return database.inTransaction(c -> Sql.one(c, "SELECT COUNT(*) FROM restauth_throttle",
                row -> row.getInt(1)).orElseThrow());
    }

    private TestThrottle throttle(Map<String, String> settings) {
        return throttle(database(TestDatabase.Kind.H2), settings);
    }

    private TestThrottle throttle(Database database, Map<String, String> settings) {
        Settings values = Settings.defaults().with(settings);
        return new TestThrottle(database,
                new Throttle(database, new Keyring(SecretKey.of(TestServer.SECRET)), clock, values));
    }

    /** The throttle as a use case drives it: each count and each settlement in a transaction of its own. */
    private record TestThrottle(Database database, Throttle throttle) {
        TestAttempt begin(Action action, String client, String key) {
            return new TestAttempt(database, database.inTransaction(tx -> throttle.begin(tx, action, client, key)));
        }

        boolean tryHit(Action action, String client, String key) {
            return database.inTransaction(tx -> throttle.tryHit(tx, action, client, key));
        }
    }

    private record TestAttempt(Database database, Throttle.Attempt attempt) {
        void succeeded() {
            database.useTransaction(attempt::succeeded);
        }

        void unchecked() {
            attempt.unchecked();
        }
    }

    private Database database(TestDatabase.Kind kind) {
        TestDatabase test = TestDatabase.create(kind);
        open.add(test);
        Database database = Database.of(test.dataSource());
        open.add(0, database);
        new Migrator(database, clock).migrate();
        return database;
    }
}
