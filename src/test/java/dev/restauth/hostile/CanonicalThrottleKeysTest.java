package dev.restauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit counts the value an attempt is about, not its spelling: every spelling the endpoint accepts as one
 * uid or one address shares one counter, so respelling it buys no extra guesses.
 */
class CanonicalThrottleKeysTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String NEW_PASSWORD = "R3set-N3w-Tr0ub4dor&3x";
    private static final Pattern LINK =
            Pattern.compile("/password-reset/confirm/([0-9a-z]+)/([0-9a-z]+-[0-9a-f]{32})/");

    @Test
    void everySpellingOfAUidSharesItsFiveRefusedResetLinks() {
        try (Smtp smtp = Smtp.start();
             TestServer server = TestServer.builder().clock(MutableClock.startingNow())
                     .setting("throttle_enabled", "true").mailTo(smtp.port()).start()) {
            server.createUser("alice", "alice@example.com", PASSWORD);
            Http http = server.http();
            assertEquals(200, http.post("/password/reset/", "{\"email\": \"alice@example.com\"}").status());
            assertEquals(1, server.app().outboxSender().deliverDue());
            Matcher link = LINK.matcher(Smtp.text(smtp.messages().get(0)));
            assertTrue(link.find());
            assertEquals("1", link.group(1));
            String token = link.group(2);
            String tampered = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
            // Each of these names pk 1 to the serializer, so each is a guess at alice's link.
            for (String uid : List.of("\"1\"", "\"01\"", "\"001\"", "\" 1\\t\"", "1")) {
                Http.Response wrong = confirm(http, uid, tampered);
                assertEquals("{\"token\":[\"Invalid value\"]}", wrong.body(), uid);
            }
            for (String uid : List.of("\"0001\"", "\"1\"", "1", "\"\\u00a01\"")) {
                assertEquals(429, confirm(http, uid, token).status(), uid);
            }
        }
    }

    @Test
    void everySpellingOfAnAddressSharesItsFiveResetRequests() {
        try (TestServer server = TestServer.builder().clock(MutableClock.startingNow())
                .setting("throttle_enabled", "true").start()) {
            server.createUser("bob", "bob@example.com", PASSWORD);
            Http http = server.http();
            for (String email : List.of("bob@example.com", "BOB@Example.COM", " bob@example.com ",
                    "bob@\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45.com", "Bob@example.com")) {
                assertEquals(200, reset(http, email).status(), email);
            }
            for (String email : List.of("bob@example.com", "\\tBOB@EXAMPLE.COM",
                    "bob@\uFF25\uFF38\uFF21\uFF2D\uFF30\uFF2C\uFF25.com")) {
                assertEquals(429, reset(http, email).status(), email);
            }
            assertEquals(200, reset(http, "carol@example.com").status(), "another address has its own counter");
        }
    }

    private static Http.Response reset(Http http, String email) {
        return http.post("/password/reset/", "{\"email\": \"" + email + "\"}");
    }

    /** @param uid the uid as JSON (a string or a number) */
    private static Http.Response confirm(Http http, String uid, String token) {
        return http.post("/password/reset/confirm/", "{\"uid\": " + uid + ", \"token\": \"" + token
                + "\", \"new_password1\": \"" + NEW_PASSWORD + "\", \"new_password2\": \"" + NEW_PASSWORD + "\"}");
    }
}
