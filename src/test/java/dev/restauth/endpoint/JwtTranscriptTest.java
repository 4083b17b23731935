package dev.restauth.endpoint;

import static dev.restauth.endpoint.JwtWire.ACCESS_DELETED;
import static dev.restauth.endpoint.JwtWire.ACCESS_EXPIRATION;
import static dev.restauth.endpoint.JwtWire.ALICE;
import static dev.restauth.endpoint.JwtWire.ALLOW_POST;
import static dev.restauth.endpoint.JwtWire.ALLOW_USER;
import static dev.restauth.endpoint.JwtWire.CHALLENGE;
import static dev.restauth.endpoint.JwtWire.CREDENTIALS;
import static dev.restauth.endpoint.JwtWire.IAT;
import static dev.restauth.endpoint.JwtWire.NOT_PROVIDED;
import static dev.restauth.endpoint.JwtWire.PASSWORD;
import static dev.restauth.endpoint.JwtWire.REFRESH_DELETED;
import static dev.restauth.endpoint.JwtWire.REFRESH_EXPIRATION;
import static dev.restauth.endpoint.JwtWire.accessCookie;
import static dev.restauth.endpoint.JwtWire.assertAnswer;
import static dev.restauth.endpoint.JwtWire.assertAnswerWithoutCookies;
import static dev.restauth.endpoint.JwtWire.assertToken;
import static dev.restauth.endpoint.JwtWire.bearer;
import static dev.restauth.endpoint.JwtWire.cookie;
import static dev.restauth.endpoint.JwtWire.notValid;
import static dev.restauth.endpoint.JwtWire.refreshCookie;
import static dev.restauth.endpoint.JwtWire.tokenError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Every exchange of {@code jwt-transcript.md}, in both of its recordings: {@code JWT_AUTH_HTTPONLY} on (the refresh
 * token only in its cookie) and off (in the body too). The servers are set up as the reference, at its recording
 * time, with {@code jwt_revoke_on_logout} off so that the reference's stateless access tokens are reproduced too
 * (revocation has tests of its own).
 */
class JwtTranscriptTest {
    private static final String NEW_PASSWORD = "N3w-Tr0ub4dor&3x!";
    private static final String LOGGED_OUT = "{\"detail\":\"Successfully logged out.\"}";
    private static final String GET_NOT_ALLOWED = "{\"detail\":\"Method \\\"GET\\\" not allowed.\"}";

    @Nested
    class HttpOnlyCookies extends Exchanges {
        HttpOnlyCookies() {
            super(true);
        }

        @Test
        void loginAnswersAnEmptyRefreshAndSetsBothCookies() {
            Http.Response response = http.post("/login/", CREDENTIALS);
            String access = response.json().get("access").getAsString();
            String refresh = response.cookie("jwt-refresh");
            assertAnswer(response, 200, "{\"access\":\"" + access + "\",\"refresh\":\"\",\"user\":" + ALICE
                    + ",\"access_expiration\":\"" + ACCESS_EXPIRATION + "\",\"refresh_expiration\":\""
                    + REFRESH_EXPIRATION + "\"}", "Accept", ALLOW_POST, null);
            assertEquals(List.of(accessCookie(access, true), refreshCookie(refresh, true)), response.setCookies());
            assertNotEquals(assertToken(access, "access", IAT + 300, IAT, 1),
                    assertToken(refresh, "refresh", IAT + 86_400, IAT, 1));
        }

        @Test
        void refreshWithTheCookieRotatesAndKeepsTheNewRefreshTokenInItsCookieOnly() {
            JwtWire.Tokens tokens = JwtWire.login(http);
            Http.Response response = http.post("/token/refresh/", "{}", cookie("jwt-refresh", tokens.refresh()));
            String access = response.json().get("access").getAsString();
            String rotated = response.cookie("jwt-refresh");
            assertAnswer(response, 200, "{\"access\":\"" + access + "\",\"access_expiration\":\"" + ACCESS_EXPIRATION
                    + "\"}", "Accept", ALLOW_POST, null);
            assertEquals(List.of(accessCookie(access, true), refreshCookie(rotated, true)), response.setCookies());
            assertToken(access, "access", IAT + 300, IAT, 1);
            assertToken(rotated, "refresh", IAT + 86_400, IAT, 1);
            assertNotEquals(tokens.refresh(), rotated);

            assertAnswerWithoutCookies(http.post("/token/refresh/", "{\"refresh\": \"" + tokens.refresh() + "\"}"),
                    401, tokenError("Token is blacklisted"), "Accept", ALLOW_POST, CHALLENGE);
        }

        @Test
        void logoutWithoutTheRefreshCookieIsRefusedButDropsTheCookies() {
            JwtWire.Tokens tokens = JwtWire.login(http);
            Http.Response response = http.post("/logout/", "{}", bearer(tokens.access()));
            assertAnswer(response, 401, "{\"detail\":\"Refresh token was not included in cookie data.\"}", "Accept",
                    ALLOW_POST, null);
            assertEquals(List.of(ACCESS_DELETED, REFRESH_DELETED), response.setCookies());
        }

        @Test
        void logoutWithTheRefreshCookieBlacklistsIt() {
            JwtWire.Tokens tokens = JwtWire.login(http);
            Http.Response response = http.post("/logout/", "{}",
                    JwtWire.headers(bearer(tokens.access()), cookie("jwt-refresh", tokens.refresh())));
            assertAnswer(response, 200, LOGGED_OUT, "Accept", ALLOW_POST, null);
            assertEquals(List.of(ACCESS_DELETED, REFRESH_DELETED), response.setCookies());

            Http.Response again = http.post("/logout/", "{}", cookie("jwt-refresh", tokens.refresh()));
            assertAnswer(again, 401, "{\"detail\":\"Token is blacklisted\"}", "Accept", ALLOW_POST, null);
            assertEquals(List.of(ACCESS_DELETED, REFRESH_DELETED), again.setCookies());

            assertAnswerWithoutCookies(http.post("/token/refresh/", "{\"refresh\": \"" + tokens.refresh() + "\"}"),
                    401, tokenError("Token is blacklisted"), "Accept", ALLOW_POST, CHALLENGE);
            assertAnswerWithoutCookies(http.get("/user/", bearer(tokens.access())), 200, ALICE, "Accept", ALLOW_USER,
                    null);
        }

        @Test
        void logoutWithAGarbageRefreshCookieSaysItIsInvalid() {
            Http.Response response = http.post("/logout/", "{}", cookie("jwt-refresh", "garbage"));
            assertAnswer(response, 401, "{\"detail\":\"Token is invalid or expired\"}", "Accept", ALLOW_POST, null);
            assertEquals(List.of(ACCESS_DELETED, REFRESH_DELETED), response.setCookies());
        }
    }

    @Nested
    class RefreshInTheBody extends Exchanges {
        RefreshInTheBody() {
            super(false);
        }

        @Test
        void loginAnswersTheRefreshTokenInTheBodyAndSetsBothCookies() {
            Http.Response response = http.post("/login/", CREDENTIALS);
            String access = response.json().get("access").getAsString();
            String refresh = response.json().get("refresh").getAsString();
            assertAnswer(response, 200, "{\"access\":\"" + access + "\",\"refresh\":\"" + refresh + "\",\"user\":"
                    + ALICE + ",\"access_expiration\":\"" + ACCESS_EXPIRATION + "\",\"refresh_expiration\":\""
                    + REFRESH_EXPIRATION + "\"}", "Accept", ALLOW_POST, null);
            assertEquals(List.of(accessCookie(access, false), refreshCookie(refresh, false)), response.setCookies());
            assertToken(access, "access", IAT + 300, IAT, 1);
            assertToken(refresh, "refresh", IAT + 86_400, IAT, 1);
        }

        @Test
        void refreshWithTheBodyRotatesAndAnswersTheNewRefreshTokenToo() {
            String refresh = http.post("/login/", CREDENTIALS).json().get("refresh").getAsString();
            Http.Response response = http.post("/token/refresh/", "{\"refresh\": \"" + refresh + "\"}");
            String access = response.json().get("access").getAsString();
            String rotated = response.json().get("refresh").getAsString();
            assertAnswer(response, 200, "{\"access\":\"" + access + "\",\"refresh\":\"" + rotated
                    + "\",\"access_expiration\":\"" + ACCESS_EXPIRATION + "\",\"refresh_expiration\":\""
                    + REFRESH_EXPIRATION + "\"}", "Accept", ALLOW_POST, null);
            assertEquals(List.of(accessCookie(access, false), refreshCookie(rotated, false)), response.setCookies());
            assertToken(access, "access", IAT + 300, IAT, 1);
            assertToken(rotated, "refresh", IAT + 86_400, IAT, 1);

            assertAnswerWithoutCookies(http.post("/token/refresh/", "{\"refresh\": \"" + refresh + "\"}"), 401,
                    tokenError("Token is blacklisted"), "Accept", ALLOW_POST, CHALLENGE);
        }

        @Test
        void logoutWithoutARefreshInTheBodyIsRefusedButDropsTheCookies() {
            JwtWire.Tokens tokens = JwtWire.login(http);
            Http.Response response = http.post("/logout/", "{}", bearer(tokens.access()));
            assertAnswer(response, 401, "{\"detail\":\"Refresh token was not included in request data.\"}",
                    "Accept", ALLOW_POST, null);
            assertEquals(List.of(ACCESS_DELETED, REFRESH_DELETED), response.setCookies());
        }

        @Test
        void logoutWithARefreshInTheBodyBlacklistsIt() {
            Http.Response login = http.post("/login/", CREDENTIALS);
            String access = login.json().get("access").getAsString();
            String refresh = login.json().get("refresh").getAsString();
            String body = "{\"refresh\": \"" + refresh + "\"}";
            Http.Response response = http.post("/logout/", body, bearer(access));
            assertAnswer(response, 200, LOGGED_OUT, "Accept", ALLOW_POST, null);
            assertEquals(List.of(ACCESS_DELETED, REFRESH_DELETED), response.setCookies());

            Http.Response again = http.post("/logout/", body);
            assertAnswer(again, 401, "{\"detail\":\"Token is blacklisted\"}", "Accept", ALLOW_POST, null);
            assertEquals(List.of(ACCESS_DELETED, REFRESH_DELETED), again.setCookies());

            assertAnswerWithoutCookies(http.post("/token/refresh/", body), 401, tokenError("Token is blacklisted"),
                    "Accept", ALLOW_POST, CHALLENGE);
            assertAnswerWithoutCookies(http.get("/user/", bearer(access)), 200, ALICE, "Accept", ALLOW_USER, null);
        }

        @Test
        void logoutWithAGarbageRefreshSaysItIsInvalid() {
            Http.Response response = http.post("/logout/", "{\"refresh\": \"garbage\"}");
            assertAnswer(response, 401, "{\"detail\":\"Token is invalid or expired\"}", "Accept", ALLOW_POST, null);
            assertEquals(List.of(ACCESS_DELETED, REFRESH_DELETED), response.setCookies());
        }
    }

    /** The exchanges both recordings share, against a server set up as the reference in one of its two modes. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Exchanges {
        private final boolean httpOnly;
        TestServer server;
        Http http;

        Exchanges(boolean httpOnly) {
            this.httpOnly = httpOnly;
        }

        @BeforeAll
        void start() {
            server = JwtWire.reference(httpOnly, new MutableClock(JwtWire.RECORDED))
                    .setting("jwt_revoke_on_logout", "false").start();
            server.createUser("alice", "alice@example.com", PASSWORD);
            http = server.http();
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void aWrongPasswordIsRefusedWithoutCookies() {
            assertAnswerWithoutCookies(http.post("/login/", "{\"username\": \"alice\", \"password\": "
                            + "\"nope-nope-nope\"}"), 400,
                    "{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}", "Accept", ALLOW_POST,
                    null);
        }

        @Test
        void theAccessTokenAuthenticatesAsBearer() {
            assertAnswerWithoutCookies(http.get("/user/", bearer(JwtWire.login(http).access())), 200, ALICE,
                    "Accept", ALLOW_USER, null);
        }

        @Test
        void theAccessCookieAloneAuthenticates() {
            assertAnswerWithoutCookies(http.get("/user/", cookie("jwt-auth", JwtWire.login(http).access())), 200,
                    ALICE, "Accept", ALLOW_USER, null);
        }

        @Test
        void noCredentialsAreAskedForWithTheBearerChallenge() {
            assertAnswerWithoutCookies(http.get("/user/"), 401, NOT_PROVIDED, "Accept", ALLOW_USER, CHALLENGE);
        }

        @Test
        void aGarbageBearerTokenIsNotValid() {
            assertAnswerWithoutCookies(http.get("/user/", bearer("abc.def.ghi")), 401,
                    notValid("Token is invalid or expired"), "Accept", ALLOW_USER, CHALLENGE);
        }

        @Test
        void theRefreshTokenAsBearerHasTheWrongType() {
            assertAnswerWithoutCookies(http.get("/user/", bearer(JwtWire.login(http).refresh())), 401,
                    notValid("Token has wrong type"), "Accept", ALLOW_USER, CHALLENGE);
        }

        @Test
        void theTokenKeywordIsNoJwtCredential() {
            assertAnswerWithoutCookies(http.get("/user/", "Authorization", "Token " + JwtWire.login(http).access()),
                    401, NOT_PROVIDED, "Accept", ALLOW_USER, CHALLENGE);
        }

        @Test
        void anAlgNoneTokenIsNotValid() {
            String header = base64("{\"alg\": \"none\", \"typ\": \"JWT\"}");
            String payload = base64("{\"token_type\": \"access\", \"exp\": " + (IAT + 300) + ", \"iat\": " + IAT
                    + ", \"jti\": \"22b659096b9040ad8e429180210967f6\", \"user_id\": 1}");
            assertAnswerWithoutCookies(http.get("/user/", bearer(header + "." + payload + ".")), 401,
                    notValid("Token is invalid or expired"), "Accept", ALLOW_USER, CHALLENGE);
        }

        @Test
        void aTamperedPayloadIsNotValid() {
            String[] parts = JwtWire.login(http).access().split("\\.");
            String tampered = base64(JwtWire.payload(parts[0] + "." + parts[1]).replace("\"user_id\":1",
                    "\"user_id\":2"));
            assertAnswerWithoutCookies(http.get("/user/", bearer(parts[0] + "." + tampered + "." + parts[2])), 401,
                    notValid("Token is invalid or expired"), "Accept", ALLOW_USER, CHALLENGE);
        }

        @Test
        void aBadCookieWithoutHeaderIsNotValid() {
            assertAnswerWithoutCookies(http.get("/user/", cookie("jwt-auth", "garbage")), 401,
                    notValid("Token is invalid or expired"), "Accept", ALLOW_USER, CHALLENGE);
        }

        @Test
        void verifyAcceptsTheAccessAndTheRefreshToken() {
            JwtWire.Tokens tokens = JwtWire.login(http);
            assertAnswerWithoutCookies(http.post("/token/verify/", "{\"token\": \"" + tokens.access() + "\"}"), 200,
                    "{}", "Accept", ALLOW_POST, null);
            assertAnswerWithoutCookies(http.post("/token/verify/", "{\"token\": \"" + tokens.refresh() + "\"}"), 200,
                    "{}", "Accept", ALLOW_POST, null);
        }

        @Test
        void verifyRefusesGarbage() {
            assertAnswerWithoutCookies(http.post("/token/verify/", "{\"token\": \"garbage\"}"), 401,
                    tokenError("Token is invalid or expired"), "Accept", ALLOW_POST, CHALLENGE);
        }

        @Test
        void verifyRequiresTheToken() {
            assertAnswerWithoutCookies(http.post("/token/verify/", "{}"), 400,
                    "{\"token\":[\"This field is required.\"]}", "Accept", ALLOW_POST, null);
        }

        @Test
        void verifyAndRefreshAreNotAllowedWithGet() {
            assertAnswerWithoutCookies(http.get("/token/verify/"), 405, GET_NOT_ALLOWED, "Accept", ALLOW_POST, null);
            assertAnswerWithoutCookies(http.get("/token/refresh/"), 405, GET_NOT_ALLOWED, "Accept", ALLOW_POST, null);
        }

        @Test
        void refreshWithNothingFindsNoToken() {
            assertAnswerWithoutCookies(http.post("/token/refresh/", "{}"), 401,
                    tokenError("No valid refresh token found."), "Accept", ALLOW_POST, CHALLENGE);
        }

        @Test
        void refreshWithGarbageIsInvalid() {
            assertAnswerWithoutCookies(http.post("/token/refresh/", "{\"refresh\": \"garbage\"}"), 401,
                    tokenError("Token is invalid or expired"), "Accept", ALLOW_POST, CHALLENGE);
        }

        @Test
        void anAccessTokenAsRefreshHasTheWrongType() {
            assertAnswerWithoutCookies(http.post("/token/refresh/", "{\"refresh\": \"" + JwtWire.login(http).access()
                    + "\"}"), 401, tokenError("Token has wrong type"), "Accept", ALLOW_POST, CHALLENGE);
        }

        @Test
        void aPasswordChangeWithBearerLeavesTheAccessTokenValidWithoutRevocation() {
            String access = JwtWire.login(http).access();
            assertAnswerWithoutCookies(http.post("/password/change/", "{\"new_password1\": \"" + NEW_PASSWORD
                            + "\", \"new_password2\": \"" + NEW_PASSWORD + "\"}", bearer(access)), 200,
                    "{\"detail\":\"New password has been saved.\"}", "Accept, Cookie", ALLOW_POST, null);
            assertAnswerWithoutCookies(http.get("/user/", bearer(access)), 200, ALICE, "Accept", ALLOW_USER, null);
            assertAnswerWithoutCookies(http.post("/password/change/", "{\"new_password1\": \"" + PASSWORD
                            + "\", \"new_password2\": \"" + PASSWORD + "\"}", bearer(access)), 200,
                    "{\"detail\":\"New password has been saved.\"}", "Accept, Cookie", ALLOW_POST, null);
        }

        @Test
        void logoutIsNotAllowedWithGet() {
            assertAnswerWithoutCookies(http.get("/logout/"), 405, GET_NOT_ALLOWED, "Accept", ALLOW_POST, null);
        }

        private static String base64(String json) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
