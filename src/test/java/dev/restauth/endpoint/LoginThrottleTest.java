package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.CANNOT_LOG_IN;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Rate limits and lockout of {@code POST /login/}, with the defaults (allauth's) unless a test says otherwise, on a
 * clock the test moves: each limit is hit, answered with DRF's 429, and recovered from when its window ends.
 */
class LoginThrottleTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String WRONG = "wrong-Tr0ub4dor&3x";

    private final MutableClock clock = MutableClock.startingNow();
    private final List<TestServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(TestServer::close);
    }

    @Test
    void fiveFailuresFromOneIpForOneLoginLockThatPairForFiveMinutesAlsoForTheRightPassword() {
        Http http = server().http();
        for (int i = 0; i < 5; i++) {
            Wire.assertAnswer(login(http, "alice", WRONG), 400, CANNOT_LOG_IN, VARY_COOKIE, ALLOW_POST);
        }
        assertThrottled(login(http, "alice", WRONG), 300);
        assertThrottled(login(http, "alice", PASSWORD), 300);
        clock.advance(Duration.ofSeconds(299));
        assertThrottled(login(http, "alice", PASSWORD), 1);
        clock.advance(Duration.ofSeconds(1));
        Wire.assertKey(login(http, "alice", PASSWORD), VARY_COOKIE);
    }

    @Test
    void thirtyLoginsPerMinuteFromOneIpRightOrWrong() {
        Http http = server().http();
        for (int i = 0; i < 30; i++) {
            assertEquals(200, login(http, "alice", PASSWORD).status());
        }
        clock.advance(Duration.ofSeconds(45));
        assertThrottled(login(http, "alice", PASSWORD), 15);
        assertThrottled(login(http, "bob", WRONG), 15);
        clock.advance(Duration.ofSeconds(15));
        assertEquals(200, login(http, "alice", PASSWORD).status());
    }

    @Test
    void aSuccessfulLoginForgivesThatIpsFailures() {
        Http http = server().http();
        for (int i = 0; i < 4; i++) {
            assertEquals(400, login(http, "alice", WRONG).status());
        }
        assertEquals(200, login(http, "alice", PASSWORD).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(400, login(http, "alice", WRONG).status());
        }
        assertThrottled(login(http, "alice", WRONG), 300);
    }

    @Test
    void twentyFailuresFromTwentyIpsLockTheLoginForAnHourWhateverIpComesNext() {
        Http http = server("trusted_proxies", "1").http();
        for (int i = 1; i <= 20; i++) {
            assertEquals(400, login(http, "alice", WRONG, from("198.51.100." + i)).status());
            clock.advance(Duration.ofSeconds(1));
        }
        assertThrottled(login(http, "alice", WRONG, from("198.51.100.21")), 3600 - 20);
        assertThrottled(login(http, "alice", PASSWORD, from("203.0.113.1")), 3600 - 20);
        // Another login is not locked.
        assertEquals(400, login(http, "bob", WRONG, from("198.51.100.21")).status());
        clock.advance(Duration.ofSeconds(3600 - 20));
        Wire.assertKey(login(http, "alice", PASSWORD, from("203.0.113.1")), VARY_COOKIE);
    }

    @Test
    void aLockedLoginAnswersTheSameWhetherOrNotItsAccountExists() {
        Http http = server("trusted_proxies", "1", "throttle_login_lockout", "3/h").http();
        for (int i = 1; i <= 3; i++) {
            login(http, "alice", WRONG, from("198.51.100." + i));
            login(http, "nobody", WRONG, from("198.51.100." + i));
        }
        clock.advance(Duration.ofMinutes(10));
        Http.Response existing = login(http, "alice", PASSWORD, from("203.0.113.1"));
        Http.Response unknown = login(http, "nobody", PASSWORD, from("203.0.113.1"));
        assertThrottled(existing, 3000);
        assertThrottled(unknown, 3000);
        assertEquals(existing.body(), unknown.body());
        assertEquals(existing.header("Retry-After"), unknown.header("Retry-After"));
    }

    @Test
    void oneIpsSuccessLeavesTheLockoutFailuresOfOtherIpsCounted() {
        Http http = server("trusted_proxies", "1", "throttle_login_lockout", "5/h").http();
        for (int i = 1; i <= 4; i++) {
            assertEquals(400, login(http, "alice", WRONG, from("198.51.100." + i)).status());
        }
        assertEquals(200, login(http, "alice", PASSWORD, from("203.0.113.1")).status());
        assertEquals(400, login(http, "alice", WRONG, from("198.51.100.5")).status());
        assertThrottled(login(http, "alice", PASSWORD, from("203.0.113.1")), 3600);
    }

    @Test
    void changingTheLetterCaseOrWidthOfTheLoginDoesNotBypassTheLimit() {
        Http http = server().http();
        for (String spelling : List.of("alice", "ALICE", "Alice", "\uff41\uff4c\uff49\uff43\uff45", " aLiCe ")) {
            assertEquals(400, login(http, spelling, WRONG).status(), spelling);
        }
        assertThrottled(login(http, "alicE", WRONG), 300);
        for (String spelling : List.of("alice@example.com", "ALICE@example.com", "Alice@Example.COM",
                "alice@EXAMPLE.com", "alice@example.coM")) {
            assertEquals(400, http.post("/login/", "{\"email\": \"" + spelling + "\", \"password\": \"" + WRONG
                    + "\"}").status(), spelling);
        }
        assertThrottled(http.post("/login/", "{\"email\": \"ALICE@EXAMPLE.COM\", \"password\": \"" + PASSWORD
                + "\"}"), 300);
    }

    @Test
    void withoutTrustedProxiesASpoofedForwardedForIsIgnored() {
        Http http = server().http();
        for (int i = 1; i <= 5; i++) {
            assertEquals(400, login(http, "alice", WRONG, from("198.51.100." + i)).status());
        }
        assertThrottled(login(http, "alice", WRONG, from("198.51.100.6")), 300);
        assertThrottled(login(http, "alice", PASSWORD, from("198.51.100.6, 198.51.100.7")), 300);
    }

    @Test
    void behindOneTrustedProxyTheAddressItAppendedIsTheClientAndWhatTheClientWroteIsNot() {
        Http http = server("trusted_proxies", "1").http();
        for (int i = 1; i <= 5; i++) {
            // The client put a different fake address in front each time; the proxy appended the real one.
            assertEquals(400, login(http, "alice", WRONG, from("10.9.9." + i + ", 198.51.100.1")).status());
        }
        assertThrottled(login(http, "alice", WRONG, from("10.9.9.6, 198.51.100.1")), 300);
        assertThrottled(login(http, "alice", WRONG, from("198.51.100.1")), 300);
        // Another client behind the same proxy has its own count.
        assertEquals(400, login(http, "alice", WRONG, from("198.51.100.2")).status());
    }

    @Test
    void throttleEnabledFalseLimitsNothing() {
        Http http = server("throttle_enabled", "false").http();
        for (int i = 0; i < 40; i++) {
            assertEquals(400, login(http, "alice", WRONG).status());
        }
        assertEquals(200, login(http, "alice", PASSWORD).status());
    }

    @Test
    void everyLimitCanBeChangedOrTurnedOff() {
        Http http = server("throttle_login_failed", "2/10s", "throttle_login", "off").http();
        login(http, "alice", WRONG);
        login(http, "alice", WRONG);
        assertThrottled(login(http, "alice", PASSWORD), 10);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 40; i++) {
            assertEquals(200, login(http, "alice", PASSWORD).status());
        }
    }

    /** A server with rate limits on (the defaults, plus {@code settings} as key, value pairs) and alice and bob. */
    private TestServer server(String... settings) {
        TestServer.Builder builder = TestServer.builder().clock(clock).setting("throttle_enabled", "true");
        for (int i = 0; i < settings.length; i += 2) {
            builder.setting(settings[i], settings[i + 1]);
        }
        TestServer server = builder.start();
        servers.add(server);
        server.createUser("alice", "alice@example.com", PASSWORD);
        server.createUser("bob", "bob@example.com", PASSWORD);
        return server;
    }

    private static Http.Response login(Http http, String login, String password, String... headers) {
        return http.post("/login/", Wire.credentials(login, password), headers);
    }

    private static String[] from(String forwardedFor) {
        return new String[] {"X-Forwarded-For", forwardedFor};
    }

    /** DRF's 429: the exact body, {@code Retry-After} in whole seconds, and login's usual headers. */
    static void assertThrottled(Http.Response response, long seconds) {
        Wire.assertAnswer(response, 429, "{\"detail\":\"Request was throttled. Expected available in " + seconds
                + (seconds == 1 ? " second.\"}" : " seconds.\"}"), VARY_COOKIE, ALLOW_POST);
        assertEquals(Long.toString(seconds), response.header("Retry-After"), "Retry-After");
        Wire.assertNoCookies(response);
    }
}
