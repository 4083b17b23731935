package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.CANNOT_LOG_IN;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.CountingHasher;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A login must not tell whether its account exists: a wrong password, an unknown user and an inactive user get the
 * same answer at the cost of exactly one password hash each (counted, as Django's {@code test_authentication_timing}
 * does, so the test is deterministic), and a locked login gets the same 429 at no hash whether or not its account
 * exists.
 */
class LoginEnumerationTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String WRONG = "wrong-Tr0ub4dor&3x";

    private final CountingHasher hasher = new CountingHasher();
    private final MutableClock clock = MutableClock.startingNow();
    private TestServer server;
    private Http http;

    @BeforeEach
    void start() {
        server = TestServer.builder().clock(clock)
                .setting("throttle_enabled", "true")
                .setting("trusted_proxies", "1")
                .setting("throttle_login_lockout", "3/h")
                .customize(app -> app.passwordHasher(hasher))
                .start();
        http = server.http();
        server.createUser("alice", "alice@example.com", PASSWORD);
        User inactive = server.createUser("inactive", "inactive@example.com", PASSWORD);
        server.app().database().useTransaction(c -> c.users().updateActive(inactive.id(), false));
        // The first unknown login makes the dummy hash it checks against; from then on each costs one check.
        login("warm-up", PASSWORD, "192.0.2.1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void wrongPasswordUnknownUserAndInactiveUserCostOneHashEachAndAnswerAlike() {
        for (String[] attempt : new String[][] {
                {"alice", WRONG}, {"nobody", PASSWORD}, {"nobody@example.com", PASSWORD}, {"inactive", PASSWORD},
                {"inactive", WRONG}}) {
            Http.Response response = counted(1, () -> login(attempt[0], attempt[1], "192.0.2.2"));
            Wire.assertAnswer(response, 400, CANNOT_LOG_IN, VARY_COOKIE, ALLOW_POST);
            Wire.assertNoCookies(response);
        }
    }

    @Test
    void aLockedLoginCostsNoHashAndAnswersAlikeWhetherOrNotItsAccountExists() {
        for (int i = 1; i <= 3; i++) {
            String client = "198.51.100." + i;
            counted(1, () -> login("alice", WRONG, client));
            counted(1, () -> login("nobody", WRONG, client));
            counted(1, () -> login("inactive", WRONG, client));
        }
        clock.advance(Duration.ofMinutes(1));
        Http.Response existing = counted(0, () -> login("alice", PASSWORD, "203.0.113.1"));
        Http.Response unknown = counted(0, () -> login("nobody", PASSWORD, "203.0.113.1"));
        Http.Response inactive = counted(0, () -> login("inactive", PASSWORD, "203.0.113.1"));
        for (Http.Response response : new Http.Response[] {existing, unknown, inactive}) {
            LoginThrottleTest.assertThrottled(response, 3540);
        }
    }

    @Test
    void aLoginOverTheFailureLimitCostsNoHash() {
        for (int i = 0; i < 3; i++) {
            counted(1, () -> login("alice", WRONG, "192.0.2.3"));
        }
        // The lockout (3/h) is full now; the per-IP failure limit (5/5m) would follow the same way.
        counted(0, () -> login("alice", PASSWORD, "192.0.2.3"));
    }

    private Http.Response counted(int expectedHashes, Supplier<Http.Response> request) {
        hasher.reset();
        Http.Response response = request.get();
        assertEquals(expectedHashes, hasher.hashes(), () -> "password hashes for " + response);
        return response;
    }

    private Http.Response login(String login, String password, String client) {
        String field = login.contains("@") ? "email" : "username";
        return http.post("/login/", "{\"" + field + "\": \"" + login + "\", \"password\": \"" + password + "\"}",
                "X-Forwarded-For", client);
    }
}
