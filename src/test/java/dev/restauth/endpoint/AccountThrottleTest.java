package dev.restauth.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rate limits of the endpoints other than login, each hit and recovered from on a clock the test moves:
 * registration, password reset, resend-email, reset confirmation and password change.
 */
class AccountThrottleTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String NEW_PASSWORD = "R3set-N3w-Tr0ub4dor&3x";
    private static final String ALLOW_POST = "POST, OPTIONS";
    private static final Pattern LINK =
            Pattern.compile("/password-reset/confirm/([0-9a-z]+)/([0-9a-z]+-[0-9a-f]{32})/");

    private static Smtp smtp;
    private final MutableClock clock = MutableClock.startingNow();
    private TestServer server;

    @BeforeAll
    static void startSmtp() {
        smtp = Smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void twentySignUpsPerMinuteFromOneIpValidOrNot() {
        Http http = start().http();
        for (int i = 0; i < 10; i++) {
            assertEquals(201, signUp(http, "user" + i).status());
            assertEquals(400, http.post("/registration/", "{}").status());
        }
        clock.advance(Duration.ofSeconds(20));
        assertThrottled(http.post("/registration/", "{}"), 40);
        assertThrottled(signUp(http, "user99"), 40);
        clock.advance(Duration.ofSeconds(40));
        assertEquals(201, signUp(http, "user99").status());
    }

    @Test
    void fiveResetRequestsPerMinutePerAddressKnownOrNotAndTwentyPerIp() {
        Http http = start().http();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, reset(http, "alice@example.com").status());
            assertEquals(200, reset(http, "nobody@example.com").status());
        }
        Http.Response known = reset(http, "Alice@Example.com");
        Http.Response unknown = reset(http, "NOBODY@example.com");
        assertThrottled(known, 60);
        assertThrottled(unknown, 60);
        assertEquals(known.body(), unknown.body());
        for (int i = 0; i < 10; i++) {
            assertEquals(200, reset(http, "other" + i + "@example.com").status());
        }
        assertThrottled(reset(http, "other10@example.com"), 60);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, reset(http, "alice@example.com").status());
    }

    @Test
    void oneResentConfirmationPerAddressEveryThreeMinutesInAnyLetterCase() {
        Http http = start().http();
        assertEquals(201, signUp(http, "carol").status());
        assertEquals(200, resend(http, "carol@example.com").status());
        clock.advance(Duration.ofSeconds(60));
        assertThrottled(resend(http, "CAROL@example.com"), 120);
        assertThrottled(resend(http, "carol@example.com"), 120);
        // Unknown addresses are limited alike, so the limit tells nothing about them.
        assertEquals(200, resend(http, "nobody@example.com").status());
        assertThrottled(resend(http, "nobody@example.com"), 180);
        clock.advance(Duration.ofSeconds(120));
        assertEquals(200, resend(http, "carol@example.com").status());
    }

    @Test
    void fiveRefusedResetLinksPerIpAndUidThenEvenTheRightOneWaits() {
        Http http = start().http();
        String[] link = requestReset(http);
        String last = link[1].substring(link[1].length() - 1);
        String tampered = link[1].substring(0, link[1].length() - 1) + ("0".equals(last) ? "1" : "0");
        for (int i = 0; i < 5; i++) {
            Http.Response wrong = confirm(http, link[0], tampered);
            assertEquals(400, wrong.status());
            assertEquals("{\"token\":[\"Invalid value\"]}", wrong.body());
        }
        assertThrottled(confirm(http, link[0], link[1]), 300);
        // A uid that is no user counts alike, under its own key.
        for (int i = 0; i < 5; i++) {
            assertEquals("{\"uid\":[\"Invalid value\"]}", confirm(http, "zzzz", link[1]).body());
        }
        assertThrottled(confirm(http, "zzzz", link[1]), 300);
        clock.advance(Duration.ofMinutes(5));
        assertEquals("{\"detail\":\"Password has been reset with the new password.\"}",
                confirm(http, link[0], link[1]).body());
    }

    @Test
    void aConfirmationRefusedOnlyForItsNewPasswordIsNoGuess() {
        Http http = start().http();
        String[] link = requestReset(http);
        for (int i = 0; i < 8; i++) {
            Http.Response weak = http.post("/password/reset/confirm/", "{\"uid\": \"" + link[0] + "\", \"token\": \""
                    + link[1] + "\", \"new_password1\": \"12345678\", \"new_password2\": \"12345678\"}");
            assertEquals(400, weak.status());
            assertTrue(weak.body().startsWith("{\"new_password2\":"), weak.body());
        }
        assertEquals(200, confirm(http, link[0], link[1]).status());
    }

    @Test
    void twentyResetConfirmationsPerMinuteFromOneIp() {
        Http http = start().http();
        for (int i = 0; i < 20; i++) {
            assertEquals(400, confirm(http, Integer.toString(i, 36), "x-0").status());
        }
        assertThrottled(confirm(http, "zz", "x-0"), 60);
    }

    @Test
    void fiveWrongOldPasswordsPerUserThenThePasswordChangeWaits() {
        TestServer started = start("old_password_field_enabled", "true");
        String key = started.login("alice", PASSWORD);
        Http http = started.http();
        for (int i = 0; i < 5; i++) {
            Http.Response wrong = change(http, key, "wrong-" + i);
            assertEquals(400, wrong.status());
            assertTrue(wrong.body().startsWith("{\"old_password\":"), wrong.body());
        }
        Http.Response refused = change(http, key, PASSWORD);
        assertThrottled(refused, 300);
        // Other fields refused alone are no guess at the old password and do not count.
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 8; i++) {
            assertEquals(400, http.post("/password/change/", "{\"old_password\": \"" + PASSWORD
                    + "\", \"new_password1\": \"a\", \"new_password2\": \"b\"}", Http.token(key)).status());
        }
        assertEquals(200, change(http, key, PASSWORD).status());
    }

    private TestServer start(String... settings) {
        smtp.purge();
        TestServer.Builder builder = TestServer.builder()
                .clock(clock)
                .setting("throttle_enabled", "true")
                .mailTo(smtp.port());
        for (int i = 0; i < settings.length; i += 2) {
            builder.setting(settings[i], settings[i + 1]);
        }
        server = builder.start();
        server.createUser("alice", "alice@example.com", PASSWORD);
        return server;
    }

    private static Http.Response signUp(Http http, String username) {
        return http.post("/registration/", "{\"username\": \"" + username + "\", \"email\": \"" + username
                + "@example.com\", \"password1\": \"" + PASSWORD + "\", \"password2\": \"" + PASSWORD + "\"}");
    }

    private static Http.Response reset(Http http, String email) {
        return http.post("/password/reset/", "{\"email\": \"" + email + "\"}");
    }

    private static Http.Response resend(Http http, String email) {
        return http.post("/registration/resend-email/", "{\"email\": \"" + email + "\"}");
    }

    private static Http.Response confirm(Http http, String uid, String token) {
        return http.post("/password/reset/confirm/", "{\"uid\": \"" + uid + "\", \"token\": \"" + token
                + "\", \"new_password1\": \"" + NEW_PASSWORD + "\", \"new_password2\": \"" + NEW_PASSWORD + "\"}");
    }

    private static Http.Response change(Http http, String key, String oldPassword) {
        return http.post("/password/change/", "{\"old_password\": \"" + oldPassword + "\", \"new_password1\": \""
                + NEW_PASSWORD + "\", \"new_password2\": \"" + NEW_PASSWORD + "\"}", Http.token(key));
    }

    /** Requests a reset for alice and returns the uid and token of the link in her mail. */
    private String[] requestReset(Http http) {
        smtp.purge();
        assertEquals(200, reset(http, "alice@example.com").status());
        assertEquals(1, server.app().outboxSender().deliverDue());
        Matcher link = LINK.matcher(Smtp.text(smtp.messages().get(0)));
        assertTrue(link.find());
        return new String[] {link.group(1), link.group(2)};
    }

    private static void assertThrottled(Http.Response response, long seconds) {
        assertEquals(429, response.status(), response::toString);
        assertEquals("{\"detail\":\"Request was throttled. Expected available in " + seconds + " seconds.\"}",
                response.body());
        assertEquals(Long.toString(seconds), response.header("Retry-After"));
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals(ALLOW_POST, response.header("Allow"));
    }
}
