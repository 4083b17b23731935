package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.CANNOT_LOG_IN;
import static dev.restauth.endpoint.Wire.VARY_ACCEPT;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.account.CreateUser;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Section 1 of the wire transcript: {@code POST /rest-auth/login/}. */
class LoginEndpointTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String BOB_PASSWORD = "c0rrect-h0rse-b4ttery";

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.builder().clock(new MutableClock(Wire.RECORDED)).start();
        http = server.http();
        server.createUser("alice", "alice@example.com", PASSWORD);
        server.createUser("bob", "Bob@Example.COM", BOB_PASSWORD);
        server.app().useCases().createUser().run(new CreateUser.NewAccount("carol", "carol@example.com", PASSWORD, false, false,
                false));
        User inactive = server.createUser("inactive", "inactive@example.com", BOB_PASSWORD);
        server.app().database().useTransaction(c -> c.users().updateActive(inactive.id(), false));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unverifiedAddressWithTheRightPasswordIsReportedAfterTheCredentials() {
        assertAnswerWithoutCookies(http.post("/login/", Wire.credentials("carol", PASSWORD)), 400,
                "{\"non_field_errors\":[\"E-mail is not verified.\"]}", VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void unverifiedAddressWithAWrongPasswordGetsTheCredentialsError() {
        assertAnswerWithoutCookies(http.post("/login/", Wire.credentials("carol", "wrong-" + PASSWORD)), 400,
                CANNOT_LOG_IN, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void getIsNotAllowed() {
        assertAnswerWithoutCookies(http.get("/login/"), 405, "{\"detail\":\"Method \\\"GET\\\" not allowed.\"}",
                VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void emptyObjectAsksForThePassword() {
        assertAnswerWithoutCookies(http.post("/login/", "{}"), 400, "{\"password\":[\"This field is required.\"]}",
                VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void usernameOnlyAsksForThePassword() {
        assertAnswerWithoutCookies(http.post("/login/", "{\"username\": \"alice\"}"), 400,
                "{\"password\":[\"This field is required.\"]}", VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void blankUsernameAndPasswordReportOnlyTheBlankPassword() {
        assertAnswerWithoutCookies(http.post("/login/", "{\"username\": \"\", \"password\": \"\"}"), 400,
                "{\"password\":[\"This field may not be blank.\"]}", VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void passwordOnlyMustIncludeAUsernameOrAnEmail() {
        assertAnswerWithoutCookies(http.post("/login/", "{\"password\": \"" + PASSWORD + "\"}"), 400,
                "{\"non_field_errors\":[\"Must include either \\\"username\\\" or \\\"email\\\" and \\\"password\\\".\"]}",
                VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void blankUsernameAndBlankEmailMustIncludeAUsernameOrAnEmail() {
        assertAnswerWithoutCookies(http.post("/login/",
                        "{\"username\": \"\", \"email\": \"\", \"password\": \"" + PASSWORD + "\"}"), 400,
                "{\"non_field_errors\":[\"Must include either \\\"username\\\" or \\\"email\\\" and \\\"password\\\".\"]}",
                VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        assertAnswerWithoutCookies(http.post("/login/", Wire.credentials("alice", "wrong-password")), 400,
                CANNOT_LOG_IN, VARY_COOKIE, ALLOW_POST);
        assertAnswerWithoutCookies(http.post("/login/", Wire.credentials("nobody", PASSWORD)), 400,
                CANNOT_LOG_IN, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void anInvalidEmailIsAFieldError() {
        assertAnswerWithoutCookies(http.post("/login/",
                        "{\"email\": \"not-an-email\", \"password\": \"" + PASSWORD + "\"}"), 400,
                "{\"email\":[\"Enter a valid email address.\"]}", VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void successByUsernameReturnsOnlyTheKeyAndOpensASession() {
        Http.Response response = http.post("/login/", Wire.credentials("alice", PASSWORD));
        Wire.assertKey(response, VARY_COOKIE);
        Wire.assertSessionCookies(response);
    }

    @Test
    void everyWayOfLoggingInReturnsTheSameKey() {
        String key = Wire.login(http, "alice", PASSWORD);
        assertEquals(key, Wire.login(http, "alice", PASSWORD), "again by username");
        assertEquals(key, loginWith("{\"email\": \"alice@example.com\", \"password\": \"" + PASSWORD + "\"}"),
                "by e-mail");
        assertEquals(key, loginWith("{\"email\": \"ALICE@EXAMPLE.COM\", \"password\": \"" + PASSWORD + "\"}"),
                "by e-mail in upper case");
        assertEquals(key, Wire.login(http, "ALICE", PASSWORD), "by username in upper case");
    }

    @Test
    void theEmailWinsOverAWrongUsername() {
        String key = Wire.login(http, "alice", PASSWORD);
        assertEquals(key, loginWith("{\"username\": \"nobody\", \"email\": \"alice@example.com\", \"password\": \""
                + PASSWORD + "\"}"));
    }

    @Test
    void aRightUsernameWithAWrongEmailUsesTheEmailAndFails() {
        assertAnswerWithoutCookies(http.post("/login/", "{\"username\": \"alice\", \"email\": \"nobody@example.com\", "
                + "\"password\": \"" + PASSWORD + "\"}"), 400, CANNOT_LOG_IN, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void aFormEncodedBodyLogsInByTheLowerCasedFormOfAMixedCaseEmail() {
        Http.Response response = http.postForm("/login/", "email=bob%40example.com&password=" + BOB_PASSWORD);
        String key = Wire.assertKey(response, VARY_COOKIE);
        Wire.assertSessionCookies(response);
        assertEquals(key, Wire.login(http, "bob", BOB_PASSWORD));
    }

    @Test
    void aMultipartBodyIsReadLikeJson() {
        String boundary = "restauth-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"username\"\r\n\r\nbob\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"password\"\r\n\r\n" + BOB_PASSWORD + "\r\n"
                + "--" + boundary + "--\r\n";
        Http.Response response = http.send("POST", "/login/", "multipart/form-data; boundary=" + boundary, body);
        assertEquals(Wire.login(http, "bob", BOB_PASSWORD), Wire.assertKey(response, VARY_COOKIE));
    }

    @Test
    void malformedJsonIsAParseError() {
        Http.Response response = http.post("/login/", "{\"username\": ");
        Wire.assertAnswerStartsWith(response, 400, Wire.JSON_PARSE_ERROR_PREFIX, VARY_COOKIE, ALLOW_POST);
        Wire.assertNoCookies(response);
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        assertAnswerWithoutCookies(http.send("POST", "/login/", "text/plain", "hello"), 415,
                Wire.UNSUPPORTED_TEXT_PLAIN, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void aJsonArrayIsNotADictionary() {
        assertAnswerWithoutCookies(http.post("/login/", "[]"), 400,
                "{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}", VARY_COOKIE,
                ALLOW_POST);
    }

    @Test
    void aJsonNullBodyHasNoData() {
        assertAnswerWithoutCookies(http.post("/login/", "null"), 400, "{\"non_field_errors\":[\"No data provided\"]}",
                VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void anUnknownCharsetIsTheClientsError() {
        assertAnswerWithoutCookies(http.send("POST", "/login/", "application/x-www-form-urlencoded; charset=bogus",
                        "username=alice&password=x"), 400, "{\"detail\":\"Unsupported charset \\\"bogus\\\" in request.\"}",
                VARY_COOKIE, ALLOW_POST);
        assertAnswerWithoutCookies(http.send("POST", "/login/", "application/json; charset=bogus", "{}"), 400,
                "{\"detail\":\"Unsupported charset \\\"bogus\\\" in request.\"}", VARY_COOKIE, ALLOW_POST);
        assertAnswerWithoutCookies(http.send("POST", "/login/", "multipart/form-data; boundary=b; charset=bogus",
                        "--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nalice\r\n--b--\r\n"), 400,
                "{\"detail\":\"Unsupported charset \\\"bogus\\\" in request.\"}", VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void validCredentialsWithAnInvalidTokenHeaderAreUnauthorized() {
        assertAnswerWithoutCookies(http.post("/login/", Wire.credentials("alice", PASSWORD),
                        Http.token("0000000000000000000000000000000000000000")), 401, Wire.INVALID_TOKEN, VARY_ACCEPT,
                ALLOW_POST);
    }

    @Test
    void anInactiveUserWithTheRightPasswordLooksLikeWrongCredentials() {
        assertAnswerWithoutCookies(http.post("/login/", Wire.credentials("inactive", BOB_PASSWORD)), 400,
                CANNOT_LOG_IN, VARY_COOKIE, ALLOW_POST);
    }

    private static String loginWith(String json) {
        return Wire.assertKey(http.post("/login/", json), VARY_COOKIE);
    }
}
