package dev.restauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;

import dev.restauth.testing.AuthenticatorApp;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.OidcServer;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A login from a browser that holds a session already ends that session, as Django's {@code login()} flushes a
 * session of another user and gives the same user's a new key: on a shared computer, the next person to log in
 * never leaves the previous one's session alive behind them. Password, social and second-factor logins alike, and a
 * registration that logs its new user in.
 */
class LoginEndsThePreviousSessionTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final Pattern COOKIE = Pattern.compile("(csrftoken|sessionid)=([^;]*);.*");
    private static final AtomicInteger USERS = new AtomicInteger();

    private static final String CLIENT_ID = "restauth-client";

    private static OidcServer oidc;
    private static TestServer server;

    @BeforeAll
    static void start() {
        oidc = OidcServer.start();
        server = TestServer.builder()
                .setting("social_providers", "idp")
                .setting("social.idp.client_id", CLIENT_ID)
                .setting("social.idp.issuer", oidc.issuer())
                .customize(app -> app.backgroundWork(false))
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
        oidc.close();
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
    void aSocialLoginEndsTheSessionTheBrowserHeld() {
        String gail = newUser();
        Browser browser = Browser.of(login(gail, new String[0]));
        String subject = "social-" + USERS.incrementAndGet();
        SignedJWT idToken = oidc.idToken(OidcServer.ISSUER_ID, subject, List.of(CLIENT_ID),
                Map.of("email", subject + "@example.com", "email_verified", true, "given_name", "Ivy"), 3600);

        Http.Response social = server.http().post("/idp/", "{\"id_token\": \"" + idToken.serialize() + "\"}",
                browser.withCsrf());
        assertEquals(200, social.status(), social.toString());
        Browser after = Browser.of(social);

        assertEquals(401, server.http().get("/user/", browser.cookies()).status(), "gail's session ended");
        assertNotEquals(gail, username(after));
    }

    @Test
    void aLoginFinishedWithASecondFactorEndsTheSessionTheBrowserHeld() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        try (TestServer mfa = TestServer.builder().setting("mfa_enabled", "true").clock(clock).start()) {
            mfa.createUser("jack", "jack@example.com", PASSWORD);
            mfa.createUser("kate", "kate@example.com", PASSWORD);
            AuthenticatorApp app = AuthenticatorApp.activate(mfa.http(), clock,
                    Http.token(mfa.login("kate", PASSWORD)));
            Browser browser = Browser.of(loginAt(mfa, "jack", new String[0]));

            Http.Response first = loginAt(mfa, "kate", browser.withCsrf());
            assertEquals(200, mfa.http().get("/user/", browser.cookies()).status(), "no login yet, nothing ended");
            Http.Response verified = mfa.http().post("/mfa/verify/", "{\"ephemeral_token\":\""
                    + first.json().get("ephemeral_token").getAsString() + "\",\"code\":\"" + app.code() + "\"}",
                    browser.withCsrf());
            assertEquals(200, verified.status(), verified.toString());
            Browser after = Browser.of(verified);

            assertEquals(401, mfa.http().get("/user/", browser.cookies()).status(), "jack's session ended");
            assertEquals("kate", mfa.http().get("/user/", after.cookies()).json().get("username").getAsString());
        }
    }

    @Test
    void aRegistrationThatLogsItsUserInEndsTheSessionTheBrowserHeld() {
        try (TestServer optional = TestServer.builder().setting("email_verification", "optional").start()) {
            optional.createUser("hank", "hank@example.com", PASSWORD);
            Browser browser = Browser.of(loginAt(optional, "hank", new String[0]));

            Http.Response registered = optional.http().post("/registration/", registration("ivan"),
                    browser.withCsrf());
            assertEquals(204, registered.status(), registered.toString());
            Browser after = Browser.of(registered);

            assertEquals(401, optional.http().get("/user/", browser.cookies()).status(), "hank's session ended");
            assertEquals("ivan", optional.http().get("/user/", after.cookies()).json().get("username")
                    .getAsString());
        }
    }

    /** Under mandatory verification a sign-up logs nobody in, as allauth's does: the browser's session stays. */
    @Test
    void aRegistrationAwaitingVerificationLeavesTheSessionAsItWas() {
        String lena = newUser();
        Browser browser = Browser.of(login(lena, new String[0]));

        Http.Response registered = server.http().post("/registration/", registration("mira"), browser.withCsrf());

        assertEquals(201, registered.status(), registered.toString());
        assertEquals(lena, username(browser));
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
        return loginAt(server, username, headers);
    }

    private static Http.Response loginAt(TestServer at, String username, String[] headers) {
        Http.Response response = at.http().post("/login/", credentials(username), headers);
        assertEquals(200, response.status(), response.toString());
        return response;
    }

    private static String registration(String username) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"password1\":\""
                + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}";
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
