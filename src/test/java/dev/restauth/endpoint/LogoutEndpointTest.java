package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.ALLOW_USER;
import static dev.restauth.endpoint.Wire.INVALID_TOKEN;
import static dev.restauth.endpoint.Wire.NOT_PROVIDED;
import static dev.restauth.endpoint.Wire.VARY_ACCEPT;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswer;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Section 2 of the wire transcript: {@code POST /rest-auth/logout/}. */
class LogoutEndpointTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String LOGGED_OUT = "{\"detail\":\"Successfully logged out.\"}";
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
    void getIsNotAllowedEvenWithAToken() {
        String key = Wire.login(http, newUser(), PASSWORD);
        assertAnswerWithoutCookies(http.get("/logout/", Http.token(key)), 405,
                "{\"detail\":\"Method \\\"GET\\\" not allowed.\"}", VARY_ACCEPT, ALLOW_POST);
        assertEquals(200, http.get("/user/", Http.token(key)).status(), "the token still works");
    }

    @Test
    void postWithoutCredentialsSucceeds() {
        assertAnswerWithoutCookies(http.post("/logout/"), 200, LOGGED_OUT, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void postWithAnUnknownTokenIsUnauthorized() {
        assertAnswerWithoutCookies(http.send("POST", "/logout/", null, null,
                        Http.token("eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")), 401, INVALID_TOKEN, VARY_ACCEPT,
                ALLOW_POST);
    }

    @Test
    void postWithTheTokenDeletesItAndTheNextLoginIssuesANewOne() {
        String username = newUser();
        String key = Wire.login(http, username, PASSWORD);

        assertAnswerWithoutCookies(http.send("POST", "/logout/", null, null, Http.token(key)), 200, LOGGED_OUT,
                VARY_COOKIE, ALLOW_POST);

        assertAnswerWithoutCookies(http.get("/user/", Http.token(key)), 401, INVALID_TOKEN, VARY_ACCEPT, ALLOW_USER);
        assertAnswerWithoutCookies(http.send("POST", "/logout/", null, null, Http.token(key)), 401, INVALID_TOKEN,
                VARY_ACCEPT, ALLOW_POST);
        assertNotEquals(key, Wire.login(http, username, PASSWORD));
    }

    @Test
    void logoutThroughTheSessionEndsItDropsTheCookieAndDeletesTheToken() {
        String username = newUser();
        String key = Wire.login(http, username, PASSWORD);
        Wire.Session session = Wire.loginSession(http, username, PASSWORD);

        Http.Response response = http.send("POST", "/logout/", null, null, session.withCsrfHeader());
        assertAnswer(response, 200, LOGGED_OUT, VARY_COOKIE, ALLOW_POST);
        assertEquals(List.of(Wire.SESSION_DELETED), response.setCookies());

        assertAnswerWithoutCookies(http.get("/user/", session.cookieHeader()), 401, NOT_PROVIDED, VARY_COOKIE,
                ALLOW_USER);
        assertAnswerWithoutCookies(http.get("/user/", Http.token(key)), 401, INVALID_TOKEN, VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void logoutByTokenAlsoEndsTheSessionTheClientSendsAlong() {
        String username = newUser();
        Wire.Session session = Wire.loginSession(http, username, PASSWORD);
        String key = Wire.login(http, username, PASSWORD);

        Http.Response response = http.send("POST", "/logout/", null, null,
                Wire.headers(Http.token(key), session.cookieHeader()));
        assertAnswer(response, 200, LOGGED_OUT, VARY_COOKIE, ALLOW_POST);
        assertEquals(List.of(Wire.SESSION_DELETED), response.setCookies());

        assertAnswerWithoutCookies(http.get("/user/", session.cookieHeader()), 401, NOT_PROVIDED, VARY_COOKIE,
                ALLOW_USER);
    }

    @Test
    void logoutWithASessionCookieButNoCsrfTokenIsForbidden() {
        String username = newUser();
        Wire.Session session = Wire.loginSession(http, username, PASSWORD);

        assertAnswerWithoutCookies(http.send("POST", "/logout/", null, null, session.cookieHeader()), 403,
                Wire.CSRF_FAILED, VARY_COOKIE, ALLOW_POST);
        assertEquals(200, http.get("/user/", session.cookieHeader()).status(), "the session is still open");
    }

    private static String newUser() {
        String username = "logout" + USERS.incrementAndGet();
        server.createUser(username, username + "@example.com", PASSWORD);
        return username;
    }
}
