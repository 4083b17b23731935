package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.ALLOW_USER;
import static dev.restauth.endpoint.Wire.CSRF_FAILED;
import static dev.restauth.endpoint.Wire.NOT_PROVIDED;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswer;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Section 11 of the wire transcript: the session cookie and its CSRF token (DRF's SessionAuthentication). */
class SessionCsrfTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String NEW_PASSWORD = "N3w-Tr0ub4dor&3x";
    private static final AtomicInteger USERS = new AtomicInteger();

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.builder().clock(new MutableClock(Wire.RECORDED)).start();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSessionCookieAloneAuthenticatesAGet() {
        Account account = newAccount();
        assertAnswerWithoutCookies(http.get("/user/", account.session.cookieHeader()), 200, account.json(""),
                VARY_COOKIE, ALLOW_USER);
    }

    @Test
    void aPatchWithoutTheCsrfTokenIsForbidden() {
        Account account = newAccount();
        assertAnswerWithoutCookies(http.patch("/user/", "{\"last_name\": \"S\"}", account.session.cookieHeader()),
                403, CSRF_FAILED, VARY_COOKIE, ALLOW_USER);
        assertEquals(account.json(""), http.get("/user/", account.session.cookieHeader()).body(), "nothing changed");
    }

    @Test
    void aPatchWithTheSessionsCsrfTokenSucceeds() {
        Account account = newAccount();
        assertAnswerWithoutCookies(http.patch("/user/", "{\"last_name\": \"Liddell\"}",
                account.session.withCsrfHeader()), 200, account.json("Liddell"), VARY_COOKIE, ALLOW_USER);
    }

    @Test
    void aPasswordChangeWithoutTheCsrfTokenIsForbidden() {
        Account account = newAccount();
        assertAnswerWithoutCookies(http.post("/password/change/", "{\"new_password1\": \"x\", \"new_password2\": \"x\"}",
                account.session.cookieHeader()), 403, CSRF_FAILED, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void aCsrfTokenFromAnotherSessionIsRefused() {
        Account account = newAccount();
        Account other = newAccount();
        String[] borrowed = Wire.headers(account.session.cookieHeader(),
                new String[] {"X-CSRFToken", other.session.csrfToken()});
        assertAnswerWithoutCookies(http.patch("/user/", "{\"last_name\": \"S\"}", borrowed), 403, CSRF_FAILED,
                VARY_COOKIE, ALLOW_USER);
    }

    @Test
    void anUnknownSessionCookieIsAnonymous() {
        assertAnswerWithoutCookies(http.get("/user/", "Cookie", "sessionid=0123456789abcdefghijklmnopqrstuv"), 401,
                NOT_PROVIDED, VARY_COOKIE, ALLOW_USER);
    }

    @Test
    void aPasswordChangeThroughTheSessionMovesItToANewId() {
        Account account = newAccount();
        Http.Response response = http.post("/password/change/", "{\"new_password1\": \"" + NEW_PASSWORD
                + "\", \"new_password2\": \"" + NEW_PASSWORD + "\"}", account.session.withCsrfHeader());
        assertAnswer(response, 200, "{\"detail\":\"New password has been saved.\"}", VARY_COOKIE, ALLOW_POST);
        List<String> cookies = response.setCookies();
        assertEquals(1, cookies.size(), () -> "only the session cookie is re-issued: " + cookies);
        String newId = Wire.assertSessionIdCookie(cookies.get(0));
        assertNotEquals(account.session.sessionId(), newId);

        assertAnswerWithoutCookies(http.get("/user/", account.session.cookieHeader()), 401, NOT_PROVIDED,
                VARY_COOKIE, ALLOW_USER);
        Wire.Session moved = account.session.withSessionId(newId);
        assertAnswerWithoutCookies(http.get("/user/", moved.cookieHeader()), 200, account.json(""), VARY_COOKIE,
                ALLOW_USER);
        assertAnswerWithoutCookies(http.patch("/user/", "{\"last_name\": \"Liddell\"}", moved.withCsrfHeader()), 200,
                account.json("Liddell"), VARY_COOKIE, ALLOW_USER);
    }

    @Test
    void aPasswordChangeThroughOneSessionEndsTheOthers() {
        Account account = newAccount();
        Wire.Session second = Wire.loginSession(http, account.username, PASSWORD);

        assertEquals(200, http.post("/password/change/", "{\"new_password1\": \"" + NEW_PASSWORD
                + "\", \"new_password2\": \"" + NEW_PASSWORD + "\"}", account.session.withCsrfHeader()).status());

        assertAnswerWithoutCookies(http.get("/user/", second.cookieHeader()), 401, NOT_PROVIDED, VARY_COOKIE,
                ALLOW_USER);
    }

    private static Account newAccount() {
        String username = "session" + USERS.incrementAndGet();
        User user = server.createUser(username, username + "@example.com", PASSWORD);
        return new Account(user.id(), username, Wire.loginSession(http, username, PASSWORD));
    }

    /** A fresh user logged in through a session. */
    private record Account(long pk, String username, Wire.Session session) {
        String json(String lastName) {
            return "{\"pk\":" + pk + ",\"username\":\"" + username + "\",\"email\":\"" + username
                    + "@example.com\",\"first_name\":\"\",\"last_name\":\"" + lastName + "\"}";
        }
    }
}
