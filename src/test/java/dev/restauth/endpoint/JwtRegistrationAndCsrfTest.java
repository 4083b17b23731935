package dev.restauth.endpoint;

import static dev.restauth.endpoint.JwtWire.ALLOW_POST;
import static dev.restauth.endpoint.JwtWire.PASSWORD;
import static dev.restauth.endpoint.JwtWire.assertAnswerWithoutCookies;
import static dev.restauth.endpoint.JwtWire.assertToken;
import static dev.restauth.endpoint.JwtWire.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JWT mode beyond the transcript's exchanges: a registration logged in at once answers dj-rest-auth's
 * {@code RegisterView} body (201, the refresh token in the body, no cookies), and the access cookie's CSRF check.
 */
class JwtRegistrationAndCsrfTest {
    private static final Pattern CSRF = Pattern.compile("csrftoken=([A-Za-z0-9]{64}); expires=Wed, 01 Dec 2027 "
            + "15:00:36 GMT; Max-Age=31449600; Path=/; SameSite=Lax");

    @Test
    void aRegistrationWithoutMandatoryVerificationAnswersTheJwtPairAndNoCookies() {
        try (TestServer server = JwtWire.reference(true, new MutableClock(JwtWire.RECORDED))
                .setting("email_verification", "optional").customize(b -> b.backgroundWork(false)).start()) {
            Http.Response response = server.http().post("/registration/", "{\"username\": \"bob\", \"email\": "
                    + "\"bob@example.com\", \"password1\": \"" + PASSWORD + "\", \"password2\": \"" + PASSWORD + "\"}");
            String access = response.json().get("access").getAsString();
            String refresh = response.json().get("refresh").getAsString();
            assertAnswerWithoutCookies(response, 201, "{\"access\":\"" + access + "\",\"refresh\":\"" + refresh
                    + "\",\"user\":{\"pk\":1,\"username\":\"bob\",\"email\":\"bob@example.com\",\"first_name\":\"\","
                    + "\"last_name\":\"\"}}", "Accept", ALLOW_POST, null);
            assertToken(access, "access", JwtWire.IAT + 300, JwtWire.IAT, 1);
            assertToken(refresh, "refresh", JwtWire.IAT + 86_400, JwtWire.IAT, 1);
            assertEquals(200, server.http().get("/user/", JwtWire.bearer(access)).status());
            assertEquals(200, server.http().post("/token/refresh/", "{\"refresh\": \"" + refresh + "\"}").status());
        }
    }

    @Test
    void withCsrfOnTheAccessCookieNeedsTheCsrfTokenLoginHandsOut() {
        try (TestServer server = JwtWire.reference(true, new MutableClock(JwtWire.RECORDED))
                .setting("jwt_auth_cookie_use_csrf", "true").start()) {
            server.createUser("alice", "alice@example.com", PASSWORD);
            Http http = server.http();
            Http.Response login = http.post("/login/", JwtWire.CREDENTIALS);
            assertEquals(3, login.setCookies().size(), login.setCookies()::toString);
            Matcher csrf = CSRF.matcher(login.setCookies().get(2));
            assertTrue(csrf.matches(), login.setCookies().get(2));
            String access = login.cookie("jwt-auth");
            String token = csrf.group(1);

            assertEquals(200, http.get("/user/", cookie("jwt-auth", access)).status(), "safe methods pass");
            assertAnswerWithoutCookies(http.patch("/user/", "{\"first_name\": \"Alice\"}", cookie("jwt-auth", access)),
                    403, "{\"detail\":\"CSRF Failed: CSRF cookie not set.\"}", "Accept", JwtWire.ALLOW_USER, null);
            assertAnswerWithoutCookies(http.patch("/user/", "{\"first_name\": \"Alice\"}", "Cookie", "jwt-auth="
                    + access + "; csrftoken=" + token, "X-CSRFToken", "x" + token.substring(1)), 403,
                    "{\"detail\":\"CSRF Failed: CSRF token missing or incorrect.\"}", "Accept", JwtWire.ALLOW_USER,
                    null);
            assertEquals(200, http.patch("/user/", "{\"first_name\": \"Alice\"}", "Cookie", "jwt-auth=" + access
                    + "; csrftoken=" + token, "X-CSRFToken", token).status());
            assertEquals(200, http.patch("/user/", "{\"first_name\": \"Alice\"}", JwtWire.bearer(access)).status(),
                    "the Authorization header needs no CSRF token");

            assertEquals(403, http.post("/token/refresh/", "{}", cookie("jwt-refresh", login.cookie("jwt-refresh")))
                    .status(), "refreshing from the cookie is CSRF-checked too");
        }
    }

    @Test
    void enforcingCsrfOnUnauthenticatedRequestsGuardsLoginToo() {
        try (TestServer server = JwtWire.reference(true, new MutableClock(JwtWire.RECORDED))
                .setting("jwt_auth_cookie_enforce_csrf_on_unauthenticated", "true").start()) {
            server.createUser("alice", "alice@example.com", PASSWORD);
            String token = "a".repeat(32);
            assertEquals(403, server.http().post("/login/", JwtWire.CREDENTIALS).status());
            assertEquals(200, server.http().post("/login/", JwtWire.CREDENTIALS, "Cookie", "csrftoken=" + token,
                    "X-CSRFToken", token).status());
        }
    }
}
