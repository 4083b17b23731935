package dev.restauth.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JWT transcript's assertions ({@code jwt-transcript.md}, dj-rest-auth 7.1.1 with simplejwt 5.2.2), shared by the
 * JWT tests: exact bodies, statuses, headers and cookies, and the tokens decoded.
 */
final class JwtWire {
    /** When the transcript's login happened, to the microsecond of its {@code access_expiration}. */
    static final Instant RECORDED = Instant.parse("2026-12-02T15:00:36.298764Z");
    static final long IAT = 1796223636;
    static final String ACCESS_EXPIRES = "Wed, 02 Dec 2026 15:05:36 GMT";
    static final String REFRESH_EXPIRES = "Thu, 03 Dec 2026 15:00:36 GMT";
    static final String ACCESS_EXPIRATION = "2026-12-02T15:05:36.298764Z";
    static final String REFRESH_EXPIRATION = "2026-12-03T15:00:36.298764Z";
    static final String CHALLENGE = "Bearer realm=\"api\"";
    static final String ALLOW_POST = "POST, OPTIONS";
    static final String ALLOW_USER = "GET, PUT, PATCH, HEAD, OPTIONS";
    static final String PASSWORD = "Tr0ub4dor&3-horse";
    static final String NOT_PROVIDED = "{\"detail\":\"Authentication credentials were not provided.\"}";
    static final String ALICE = "{\"pk\":1,\"username\":\"alice\",\"email\":\"alice@example.com\",\"first_name\":\"\","
            + "\"last_name\":\"\"}";
    static final String ACCESS_DELETED =
            "jwt-auth=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";
    static final String REFRESH_DELETED =
            "jwt-refresh=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";
    static final String HEADER_HS256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    static final String CREDENTIALS = "{\"username\": \"alice\", \"password\": \"" + PASSWORD + "\"}";

    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private JwtWire() {
    }

    /** A login's tokens as the client holds them afterwards. */
    record Tokens(String access, String refresh) {
    }

    /**
     * A server set up as the transcript's reference: cookies {@code jwt-auth} and {@code jwt-refresh}, expirations
     * returned, 300 s and 86400 s, rotation with blacklisting, session login off, at {@link #RECORDED}; alice is
     * user 1.
     */
    static TestServer.Builder reference(boolean httpOnly, MutableClock clock) {
        return TestServer.builder()
                .clock(clock)
                .setting("use_jwt", "true")
                .setting("authentication_classes", "jwt")
                .setting("session_login", "false")
                .setting("jwt_auth_cookie", "jwt-auth")
                .setting("jwt_auth_refresh_cookie", "jwt-refresh")
                .setting("jwt_auth_httponly", Boolean.toString(httpOnly))
                .setting("jwt_auth_return_expiration", "true")
                .setting("jwt_rotate_refresh_tokens", "true")
                .setting("jwt_blacklist_after_rotation", "true");
    }

    /** 401 of authentication for a token no token class accepts, for this reason. */
    static String notValid(String reason) {
        return "{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\",\"messages\":"
                + "[{\"token_class\":\"AccessToken\",\"token_type\":\"access\",\"message\":\"" + reason + "\"}]}";
    }

    /** 401 of the token views. */
    static String tokenError(String reason) {
        return "{\"detail\":\"" + reason + "\",\"code\":\"token_not_valid\"}";
    }

    /**
     * Status, {@code Content-Type}, exact body and its length, {@code Vary}, {@code Allow}, and the
     * {@code WWW-Authenticate} challenge (null: none).
     */
    static void assertAnswer(Http.Response response, int status, String body, String vary, String allow,
                             String challenge) {
        assertEquals(status, response.status(), () -> "status of " + response);
        assertEquals("application/json", response.header("Content-Type"), "Content-Type");
        assertEquals(vary, response.header("Vary"), "Vary");
        assertEquals(allow, response.header("Allow"), "Allow");
        assertEquals(challenge, response.header("WWW-Authenticate"), "WWW-Authenticate");
        assertEquals(body, response.body(), "body");
        assertEquals(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length), response.header("Content-Length"),
                "Content-Length");
    }

    /** {@link #assertAnswer} with no {@code Set-Cookie}. */
    static void assertAnswerWithoutCookies(Http.Response response, int status, String body, String vary,
                                           String allow, String challenge) {
        assertAnswer(response, status, body, vary, allow, challenge);
        assertEquals(List.of(), response.setCookies(), "Set-Cookie");
    }

    /** The access cookie as dj-rest-auth sets it at {@link #RECORDED}. */
    static String accessCookie(String token, boolean httpOnly) {
        return "jwt-auth=" + token + "; expires=" + ACCESS_EXPIRES + (httpOnly ? "; HttpOnly" : "")
                + "; Max-Age=300; Path=/; SameSite=Lax";
    }

    /** The refresh cookie as dj-rest-auth sets it at {@link #RECORDED}. */
    static String refreshCookie(String token, boolean httpOnly) {
        return "jwt-refresh=" + token + "; expires=" + REFRESH_EXPIRES + (httpOnly ? "; HttpOnly" : "")
                + "; Max-Age=86400; Path=/; SameSite=Lax";
    }

    /** The decoded header of a compact token. */
    static String header(String token) {
        return decode(token.split("\\.")[0]);
    }

    /** The decoded payload of a compact token. */
    static String payload(String token) {
        return decode(token.split("\\.")[1]);
    }

    /**
     * Asserts a token signed as simplejwt signs: HS256 header, and the payload {@code token_type, exp, iat, jti,
     * user_id} in that order, compact, with a 32-hex jti. Returns the jti.
     */
    static String assertToken(String token, String type, long exp, long iat, long userId) {
        assertTrue(JWT.matcher(token).matches(), () -> "a compact JWS: " + token);
        assertEquals(HEADER_HS256, header(token));
        Matcher payload = Pattern.compile("\\{\"token_type\":\"" + type + "\",\"exp\":" + exp + ",\"iat\":" + iat
                + ",\"jti\":\"([0-9a-f]{32})\",\"user_id\":" + userId + "}").matcher(payload(token));
        assertTrue(payload.matches(), () -> "payload of a " + type + " token: " + payload(token));
        return payload.group(1);
    }

    /** Logs alice in, asserting the answer, and returns the tokens (the refresh token from its cookie). */
    static Tokens login(Http http) {
        Http.Response response = http.post("/login/", CREDENTIALS);
        assertEquals(200, response.status(), response::toString);
        return new Tokens(response.json().get("access").getAsString(), response.cookie("jwt-refresh"));
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    static String[] cookie(String name, String value) {
        return new String[] {"Cookie", name + "=" + value};
    }

    /** Header pairs joined into one {@code name, value, ...} array. */
    static String[] headers(String[]... groups) {
        return Wire.headers(groups);
    }

    static void assertNoChallenge(Http.Response response) {
        assertNull(response.header("WWW-Authenticate"), "WWW-Authenticate");
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
