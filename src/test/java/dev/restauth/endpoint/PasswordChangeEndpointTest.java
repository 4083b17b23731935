package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.ALLOW_USER;
import static dev.restauth.endpoint.Wire.CANNOT_LOG_IN;
import static dev.restauth.endpoint.Wire.NOT_PROVIDED;
import static dev.restauth.endpoint.Wire.VARY_ACCEPT;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

/** Section 4 of the wire transcript: {@code POST /rest-auth/password/change/}. */
class PasswordChangeEndpointTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String NEW_PASSWORD = "N3w-Tr0ub4dor&3x";
    private static final String SAVED = "{\"detail\":\"New password has been saved.\"}";
    private static final AtomicInteger USERS = new AtomicInteger();

    private static TestServer server;
    private static Http http;
    /** A user whose password no test changes: every request of these tests fails validation. */
    private static String aliceKey;

    @BeforeAll
    static void start() {
        server = TestServer.builder().clock(new MutableClock(Wire.RECORDED)).start();
        http = server.http();
        server.createUser("alice_pw", "alice_pw@example.com", PASSWORD);
        aliceKey = server.login("alice_pw", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void getWithoutCredentialsIsUnauthorizedBeforeTheMethodIsChecked() {
        assertAnswerWithoutCookies(http.get("/password/change/"), 401, NOT_PROVIDED, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void getWithATokenIsNotAllowed() {
        assertAnswerWithoutCookies(http.get("/password/change/", Http.token(aliceKey)), 405,
                "{\"detail\":\"Method \\\"GET\\\" not allowed.\"}", VARY_ACCEPT, ALLOW_POST);
    }

    @Test
    void postWithoutCredentialsIsUnauthorized() {
        assertAnswerWithoutCookies(http.post("/password/change/", "{\"new_password1\": \"x\", \"new_password2\": \"x\"}"),
                401, NOT_PROVIDED, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void anEmptyObjectRequiresBothNewPasswords() {
        assertRefused("{}", "{\"new_password1\":[\"This field is required.\"],"
                + "\"new_password2\":[\"This field is required.\"]}");
    }

    @Test
    void blankFieldsAreReportedTogether() {
        assertRefused("{\"new_password1\": \"\", \"new_password2\": \"\"}",
                "{\"new_password1\":[\"This field may not be blank.\"],"
                        + "\"new_password2\":[\"This field may not be blank.\"]}");
    }

    @Test
    void aMismatchIsReportedUnderTheSecondPasswordWithATypographicApostrophe() {
        assertRefused(passwords("N3w-pass-word-1", "N3w-pass-word-2"),
                "{\"new_password2\":[\"The two password fields didn\u2019t match.\"]}");
    }

    @Test
    void aTooShortPasswordIsRefused() {
        assertRefused(passwords("a1b2c", "a1b2c"),
                "{\"new_password2\":[\"This password is too short. It must contain at least 8 characters.\"]}");
    }

    @Test
    void aCommonPasswordIsRefused() {
        assertRefused(passwords("password", "password"), "{\"new_password2\":[\"This password is too common.\"]}");
    }

    @Test
    void aNumericPasswordIsRefused() {
        assertRefused(passwords("83920174655", "83920174655"),
                "{\"new_password2\":[\"This password is entirely numeric.\"]}");
    }

    @Test
    void aPasswordSimilarToTheUsernameIsRefused() {
        assertRefused(passwords("alice_pw", "alice_pw"),
                "{\"new_password2\":[\"The password is too similar to the username.\"]}");
    }

    @Test
    void passwordsOver128CharactersAreBothRefused() {
        String long129 = "x".repeat(129);
        assertRefused(passwords(long129, long129),
                "{\"new_password1\":[\"Ensure this field has no more than 128 characters.\"],"
                        + "\"new_password2\":[\"Ensure this field has no more than 128 characters.\"]}");
    }

    @Test
    void successIgnoresTheOldPasswordSetsNoCookieAndKeepsTheToken() {
        String username = newUser();
        String key = Wire.login(http, username, PASSWORD);

        assertAnswerWithoutCookies(http.post("/password/change/", "{\"old_password\": \"definitely-wrong\", "
                        + "\"new_password1\": \"" + NEW_PASSWORD + "\", \"new_password2\": \"" + NEW_PASSWORD + "\"}",
                Http.token(key)), 200, SAVED, VARY_COOKIE, ALLOW_POST);

        assertEquals(200, http.get("/user/", Http.token(key)).status(), "the token still works");
        assertAnswerWithoutCookies(http.post("/login/", Wire.credentials(username, PASSWORD)), 400, CANNOT_LOG_IN,
                VARY_COOKIE, ALLOW_POST);
        assertEquals(key, Wire.login(http, username, NEW_PASSWORD), "the key is not rotated");
    }

    @Test
    void aChangeByTokenEndsTheUsersSessions() {
        String username = newUser();
        Wire.Session session = Wire.loginSession(http, username, PASSWORD);
        String key = Wire.login(http, username, PASSWORD);

        assertEquals(200, http.post("/password/change/", passwords(NEW_PASSWORD, NEW_PASSWORD), Http.token(key))
                .status());

        assertAnswerWithoutCookies(http.get("/user/", session.cookieHeader()), 401, NOT_PROVIDED, VARY_COOKIE,
                ALLOW_USER);
    }

    private static void assertRefused(String body, String errors) {
        assertAnswerWithoutCookies(http.post("/password/change/", body, Http.token(aliceKey)), 400, errors,
                VARY_ACCEPT, ALLOW_POST);
    }

    private static String passwords(String first, String second) {
        return "{\"new_password1\": \"" + first + "\", \"new_password2\": \"" + second + "\"}";
    }

    private static String newUser() {
        String username = "changer" + USERS.incrementAndGet();
        User user = server.createUser(username, username + "@example.com", PASSWORD);
        return user.username();
    }
}
