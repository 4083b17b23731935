package dev.restauth.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire contract's assertions, shared by the endpoint tests: the exact status, body bytes and the headers that
 * matter, as the transcript of the reference dj-rest-auth records them ({@code wire-transcript.md}).
 */
final class Wire {
    /** The one Content-Type of every JSON answer: no charset parameter. */
    static final String JSON = "application/json";
    /** {@code Vary} of an answer the token decided. */
    static final String VARY_ACCEPT = "Accept";
    /** {@code Vary} of an answer that depended on the session cookie (read or written). */
    static final String VARY_COOKIE = "Accept, Cookie";
    /** {@code Allow} of login, logout and password change. */
    static final String ALLOW_POST = "POST, OPTIONS";
    /** {@code Allow} of user details. */
    static final String ALLOW_USER = "GET, PUT, PATCH, HEAD, OPTIONS";
    /** When the transcript was recorded: a clock set here makes cookie expiry dates equal the transcript's. */
    static final Instant RECORDED = Instant.parse("2026-11-29T00:16:00Z");
    /** {@code expires} of a {@code csrftoken} set at {@link #RECORDED} (one year less a day later). */
    static final String CSRF_EXPIRES = "Sun, 28 Nov 2027 00:16:00 GMT";
    /** {@code expires} of a {@code sessionid} set at {@link #RECORDED} (two weeks later). */
    static final String SESSION_EXPIRES = "Sun, 13 Dec 2026 00:16:00 GMT";
    /** What Django's {@code delete_cookie} sends for the session cookie. */
    static final String SESSION_DELETED =
            "sessionid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";

    static final String NOT_PROVIDED = "{\"detail\":\"Authentication credentials were not provided.\"}";
    static final String INVALID_TOKEN = "{\"detail\":\"Invalid token.\"}";
    static final String CANNOT_LOG_IN = "{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}";
    static final String CSRF_FAILED = "{\"detail\":\"CSRF Failed: CSRF token missing or incorrect.\"}";
    static final String UNSUPPORTED_TEXT_PLAIN = "{\"detail\":\"Unsupported media type \\\"text/plain\\\" in request.\"}";
    static final String JSON_PARSE_ERROR_PREFIX = "{\"detail\":\"JSON parse error - ";

    private static final Pattern KEY = Pattern.compile("\\{\"key\":\"([0-9a-f]{40})\"}");
    private static final Pattern CSRF_COOKIE = Pattern.compile(
            "csrftoken=([A-Za-z0-9]{64}); expires=" + CSRF_EXPIRES + "; Max-Age=31449600; Path=/; SameSite=Lax");
    private static final Pattern SESSION_COOKIE = Pattern.compile(
            "sessionid=([a-z0-9]{32}); expires=" + SESSION_EXPIRES + "; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax");

    private Wire() {
    }

    /** A session as the client holds it after login: the two cookie values. */
    record Session(String csrfToken, String sessionId) {
        /** The {@code Cookie} request header carrying both, as a browser sends them. */
        String[] cookieHeader() {
            return new String[] {"Cookie", "csrftoken=" + csrfToken + "; sessionid=" + sessionId};
        }

        /** The cookies plus {@code X-CSRFToken}, for unsafe methods. */
        String[] withCsrfHeader() {
            return headers(cookieHeader(), new String[] {"X-CSRFToken", csrfToken});
        }

        Session withSessionId(String newId) {
            return new Session(csrfToken, newId);
        }
    }

    /**
     * Asserts a JSON answer: status, {@code Content-Type: application/json}, the exact body and its length,
     * {@code Vary}, {@code Allow}, and {@code WWW-Authenticate: Token} on a 401 and on nothing else.
     */
    static void assertAnswer(Http.Response response, int status, String body, String vary, String allow) {
        assertStatusAndHeaders(response, status, vary, allow);
        assertEquals(body, response.body(), "body");
        assertEquals(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length), response.header("Content-Length"),
                "Content-Length");
    }

    /** {@link #assertAnswer} for a body whose tail is implementation wording: only its start is compared. */
    static void assertAnswerStartsWith(Http.Response response, int status, String prefix, String vary, String allow) {
        assertStatusAndHeaders(response, status, vary, allow);
        assertTrue(response.body().startsWith(prefix), () -> "body should start with " + prefix + ": " + response);
        assertTrue(response.body().endsWith("\"}"), () -> "body should be one detail: " + response);
    }

    /** {@link #assertAnswer} with no {@code Set-Cookie} at all. */
    static void assertAnswerWithoutCookies(Http.Response response, int status, String body, String vary,
                                           String allow) {
        assertAnswer(response, status, body, vary, allow);
        assertNoCookies(response);
    }

    static void assertNoCookies(Http.Response response) {
        assertEquals(List.of(), response.setCookies(), "Set-Cookie");
    }

    /**
     * Asserts a successful login, {@code 200 {"key":"<40 hex>"}}, and returns the key.
     *
     * @param vary the expected {@code Vary}
     */
    static String assertKey(Http.Response response, String vary) {
        Matcher key = KEY.matcher(response.body());
        assertTrue(key.matches(), () -> "expected {\"key\":\"<40 hex>\"}: " + response);
        assertAnswer(response, 200, "{\"key\":\"" + key.group(1) + "\"}", vary, ALLOW_POST);
        return key.group(1);
    }

    /**
     * Asserts the two cookies a session login sets, in Django's order and spelling, for a server whose clock stands
     * at {@link #RECORDED}, and returns their values.
     */
    static Session assertSessionCookies(Http.Response response) {
        List<String> cookies = response.setCookies();
        assertEquals(2, cookies.size(), () -> "two Set-Cookie headers expected: " + cookies);
        Matcher csrf = CSRF_COOKIE.matcher(cookies.get(0));
        assertTrue(csrf.matches(), () -> "csrftoken cookie: " + cookies.get(0));
        String sessionId = assertSessionIdCookie(cookies.get(1));
        return new Session(csrf.group(1), sessionId);
    }

    /** Asserts one {@code sessionid} cookie as Django writes it at {@link #RECORDED} and returns its value. */
    static String assertSessionIdCookie(String setCookie) {
        Matcher session = SESSION_COOKIE.matcher(setCookie);
        assertTrue(session.matches(), () -> "sessionid cookie: " + setCookie);
        return session.group(1);
    }

    /** Logs in with a JSON body and returns the key, asserting success. */
    static String login(Http http, String username, String password) {
        return assertKey(http.post("/login/", credentials(username, password)), VARY_COOKIE);
    }

    /** Logs in and returns the session the cookies carry. */
    static Session loginSession(Http http, String username, String password) {
        Http.Response response = http.post("/login/", credentials(username, password));
        assertKey(response, VARY_COOKIE);
        return assertSessionCookies(response);
    }

    /** {@code {"username": ..., "password": ...}} spaced as the transcript's client sent it. */
    static String credentials(String username, String password) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}";
    }

    /** Header pairs joined into one {@code name, value, ...} array. */
    static String[] headers(String[]... groups) {
        List<String> all = new ArrayList<>();
        for (String[] group : groups) {
            all.addAll(Arrays.asList(group));
        }
        return all.toArray(new String[0]);
    }

    private static void assertStatusAndHeaders(Http.Response response, int status, String vary, String allow) {
        assertEquals(status, response.status(), () -> "status of " + response);
        assertEquals(JSON, response.header("Content-Type"), "Content-Type");
        assertEquals(vary, response.header("Vary"), "Vary");
        assertEquals(allow, response.header("Allow"), "Allow");
        if (status == 401) {
            assertEquals("Token", response.header("WWW-Authenticate"), "WWW-Authenticate");
        } else {
            assertNull(response.header("WWW-Authenticate"), "WWW-Authenticate");
        }
    }
}
