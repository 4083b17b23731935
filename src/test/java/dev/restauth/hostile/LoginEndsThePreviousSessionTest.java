package dev.restauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A login from a browser that holds a session already ends that session, as Django's {@code login()} flushes a
 * session of another user and gives the same user's a new key: on a shared computer, the next person to log in
 * never leaves the previous one's session alive behind them.
 */
class LoginEndsThePreviousSessionTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final Pattern COOKIE = Pattern.compile("(csrftoken|sessionid)=([^;]*);.*");
    private static final AtomicInteger USERS = new AtomicInteger();

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anotherUsersLoginEndsTheSessionTheBrowserHeld() {
        String alice = newUser();
        String bob = newUser();
        Browser browser = Browser.of(login(alice, new String[0]));
        assertEquals(alice, username(browser));

        Browser after = Browser.of(login(bob, browser.withCsrf()));

        assertEquals(401, server.http().get("/user/", browser.cookies()).status(), "alice's session ended");
        assertEquals(bob, username(after));
        assertNotEquals(browser.sessionId, after.sessionId);
    }

    @Test
    void theSameUsersLoginReplacesTheSessionWithANewOne() {
        String carol = newUser();
        Browser browser = Browser.of(login(carol, new String[0]));

        Browser after = Browser.of(login(carol, browser.withCsrf()));

        assertNotEquals(browser.sessionId, after.sessionId);
        assertEquals(401, server.http().get("/user/", browser.cookies()).status(), "the old session id is dead");
        assertEquals(carol, username(after));
    }

    @Test
    void aLoginRefusedForItsCsrfTokenLeavesTheSessionAsItWas() {
        String dave = newUser();
        String erin = newUser();
        Browser browser = Browser.of(login(dave, new String[0]));

        Http.Response refused = server.http().post("/login/", credentials(erin), browser.cookies());

        assertEquals(403, refused.status(), refused.toString());
        assertEquals(dave, username(browser));
    }

    @Test
    void aFailedLoginLeavesTheSessionAsItWas() {
        String frank = newUser();
        Browser browser = Browser.of(login(frank, new String[0]));

        Http.Response refused = server.http().post("/login/", "{\"username\":\"" + frank
                + "\",\"password\":\"wrong\"}", browser.withCsrf());

        assertEquals(400, refused.status(), refused.toString());
        assertEquals(frank, username(browser));
    }

    private static String newUser() {
        String username = "browser" + USERS.incrementAndGet();
        server.createUser(username, username + "@example.com", PASSWORD);
        return username;
    }

    private static Http.Response login(String username, String[] headers) {
        Http.Response response = server.http().post("/login/", credentials(username), headers);
        assertEquals(200, response.status(), response.toString());
        return response;
    }

    private static String credentials(String username) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    private static String username(Browser browser) {
        Http.Response user = server.http().get("/user/", browser.cookies());
        assertEquals(200, user.status(), user.toString());
        return user.json().get("username").getAsString();
    }

    /** The cookies a browser keeps from a login's answer. */
    private record Browser(String csrfToken, String sessionId) {
        static Browser of(Http.Response login) {
            String csrf = null;
            String session = null;
            for (String cookie : login.setCookies()) {
                Matcher matcher = COOKIE.matcher(cookie);
                assertTrue(matcher.matches(), cookie);
                if (matcher.group(1).equals("csrftoken")) {
                    csrf = matcher.group(2);
                } else {
                    session = matcher.group(2);
                }
            }
            assertTrue(csrf != null && session != null, login.setCookies().toString());
            return new Browser(csrf, session);
        }

        String[] cookies() {
            return new String[] {"Cookie", "csrftoken=" + csrfToken + "; sessionid=" + sessionId};
        }

        String[] withCsrf() {
            return new String[] {"Cookie", "csrftoken=" + csrfToken + "; sessionid=" + sessionId,
                "X-CSRFToken", csrfToken};
        }
    }
}
