package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_USER;
import static dev.restauth.endpoint.Wire.INVALID_TOKEN;
import static dev.restauth.endpoint.Wire.NOT_PROVIDED;
import static dev.restauth.endpoint.Wire.VARY_ACCEPT;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

/** Section 3 of the wire transcript: {@code GET/PUT/PATCH /rest-auth/user/}. */
class UserDetailsEndpointTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String TAKEN = "{\"username\":[\"A user with that username already exists.\"]}";
    private static final AtomicInteger USERS = new AtomicInteger();

    private static TestServer server;
    private static Http http;
    /** A user nobody changes: for the read-only requests. */
    private static User alice;
    private static String aliceKey;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = server.http();
        alice = server.createUser("alice", "alice@example.com", PASSWORD);
        aliceKey = server.login("alice", PASSWORD);
        server.createUser("bob", "Bob@Example.COM", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void noCredentialsIsUnauthorized() {
        assertAnswerWithoutCookies(http.get("/user/"), 401, NOT_PROVIDED, VARY_COOKIE, ALLOW_USER);
    }

    @Test
    void aValidTokenShowsTheUser() {
        assertAnswerWithoutCookies(http.get("/user/", Http.token(aliceKey)), 200, aliceJson("", ""), VARY_ACCEPT,
                ALLOW_USER);
    }

    @Test
    void anyRunOfWhitespaceSeparatesTheKeywordFromTheKey() {
        // DRF splits the header with bytes.split(): tabs and repeated spaces separate too, edges are ignored.
        assertAnswerWithoutCookies(http.get("/user/", "Authorization", " tOkEn \t  " + aliceKey + "\t"), 200,
                aliceJson("", ""), VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void theTokenKeywordWithoutAKeyIsUnauthorized() {
        assertAnswerWithoutCookies(http.get("/user/", "Authorization", "Token"), 401,
                "{\"detail\":\"Invalid token header. No credentials provided.\"}", VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void aKeyWithASpaceIsUnauthorized() {
        assertAnswerWithoutCookies(http.get("/user/", "Authorization", "Token abc def"), 401,
                "{\"detail\":\"Invalid token header. Token string should not contain spaces.\"}", VARY_ACCEPT,
                ALLOW_USER);
    }

    @Test
    void anUnknownTokenIsUnauthorized() {
        assertAnswerWithoutCookies(http.get("/user/", Http.token("ffffffffffffffffffffffffffffffffffffffff")), 401,
                INVALID_TOKEN, VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void theBearerSchemeIsIgnoredAsNoCredentials() {
        assertAnswerWithoutCookies(http.get("/user/", "Authorization", "Bearer " + aliceKey), 401, NOT_PROVIDED,
                VARY_COOKIE, ALLOW_USER);
    }

    @Test
    void theLowerCaseKeywordIsAccepted() {
        assertAnswerWithoutCookies(http.get("/user/", "Authorization", "token " + aliceKey), 200, aliceJson("", ""),
                VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        Http.Response response = http.send("HEAD", "/user/", null, null, Http.token(aliceKey));
        assertEquals(200, response.status());
        assertEquals("", response.body());
        assertEquals(Wire.JSON, response.header("Content-Type"));
        assertEquals(ALLOW_USER, response.header("Allow"));
    }

    @Test
    void patchFirstNameChangesOnlyIt() {
        Account account = newAccount();
        assertAnswerWithoutCookies(http.patch("/user/", "{\"first_name\": \"Alice\"}", Http.token(account.key)), 200,
                account.json(account.username, "Alice", ""), VARY_ACCEPT, ALLOW_USER);
        assertAnswerWithoutCookies(http.get("/user/", Http.token(account.key)), 200,
                account.json(account.username, "Alice", ""), VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void aMixedCaseEmailIsShownAsTyped() {
        String key = server.login("bob", PASSWORD);
        long pk = server.app().database().inTransaction(c -> c.users().findByUsername("bob"))
                .orElseThrow().id();
        assertAnswerWithoutCookies(http.get("/user/", Http.token(key)), 200, "{\"pk\":" + pk
                + ",\"username\":\"bob\",\"email\":\"Bob@Example.COM\",\"first_name\":\"\",\"last_name\":\"\"}",
                VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void readOnlyFieldsAreIgnored() {
        Account account = newAccount();
        http.patch("/user/", "{\"first_name\": \"Alice\"}", Http.token(account.key));
        assertAnswerWithoutCookies(http.patch("/user/", "{\"email\": \"changed@example.com\", \"pk\": 999999}",
                Http.token(account.key)), 200, account.json(account.username, "Alice", ""), VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void putWithTheUnchangedUsernameSucceeds() {
        Account account = newAccount();
        assertAnswerWithoutCookies(http.put("/user/", "{\"username\": \"" + account.username
                        + "\", \"first_name\": \"Alice\", \"last_name\": \"Liddell\"}", Http.token(account.key)), 200,
                account.json(account.username, "Alice", "Liddell"), VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void putRenamesTheUserAndBackAgain() {
        Account account = newAccount();
        String renamed = account.username + "x";
        assertAnswerWithoutCookies(http.put("/user/", "{\"username\": \"" + renamed
                        + "\", \"first_name\": \"Alice\", \"last_name\": \"L\"}", Http.token(account.key)), 200,
                account.json(renamed, "Alice", "L"), VARY_ACCEPT, ALLOW_USER);
        assertAnswerWithoutCookies(http.put("/user/", "{\"username\": \"" + account.username
                        + "\", \"first_name\": \"Alice\", \"last_name\": \"Liddell\"}", Http.token(account.key)), 200,
                account.json(account.username, "Alice", "Liddell"), VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void putWithoutUsernameRequiresIt() {
        assertAnswerWithoutCookies(http.put("/user/", "{\"first_name\": \"A\"}", Http.token(aliceKey)), 400,
                "{\"username\":[\"This field is required.\"]}", VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void patchToAUsernameTakenByAnotherUserIsRefusedInAnyCase() {
        assertAnswerWithoutCookies(http.patch("/user/", "{\"username\": \"bob\"}", Http.token(aliceKey)), 400, TAKEN,
                VARY_ACCEPT, ALLOW_USER);
        assertAnswerWithoutCookies(http.patch("/user/", "{\"username\": \"BOB\"}", Http.token(aliceKey)), 400, TAKEN,
                VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void patchToAnInvalidUsernameIsRefused() {
        assertAnswerWithoutCookies(http.patch("/user/", "{\"username\": \"bad user!\"}", Http.token(aliceKey)), 400,
                "{\"username\":[\"Enter a valid username. This value may contain only letters, numbers, and "
                        + "@/./+/-/_ characters.\"]}", VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void patchToABlankUsernameIsRefused() {
        assertAnswerWithoutCookies(http.patch("/user/", "{\"username\": \"\"}", Http.token(aliceKey)), 400,
                "{\"username\":[\"This field may not be blank.\"]}", VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void patchWithAFirstNameOf151CharactersIsRefused() {
        assertAnswerWithoutCookies(http.patch("/user/", "{\"first_name\": \"" + "f".repeat(151) + "\"}",
                        Http.token(aliceKey)), 400,
                "{\"first_name\":[\"Ensure this field has no more than 150 characters.\"]}", VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void patchWithMalformedJsonIsAParseError() {
        Http.Response response = http.patch("/user/", "{\"first_name\": ", Http.token(aliceKey));
        Wire.assertAnswerStartsWith(response, 400, Wire.JSON_PARSE_ERROR_PREFIX, VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void patchWithAWrongContentTypeIsUnsupported() {
        assertAnswerWithoutCookies(http.send("PATCH", "/user/", "text/plain", "x", Http.token(aliceKey)), 415,
                Wire.UNSUPPORTED_TEXT_PLAIN, VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void patchWithoutCredentialsIsUnauthorized() {
        assertAnswerWithoutCookies(http.patch("/user/", "{\"first_name\": \"x\"}"), 401, NOT_PROVIDED, VARY_COOKIE,
                ALLOW_USER);
    }

    @Test
    void deleteIsNotAllowed() {
        assertAnswerWithoutCookies(http.delete("/user/", Http.token(aliceKey)), 405,
                "{\"detail\":\"Method \\\"DELETE\\\" not allowed.\"}", VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void postIsNotAllowed() {
        assertAnswerWithoutCookies(http.post("/user/", "{}", Http.token(aliceKey)), 405,
                "{\"detail\":\"Method \\\"POST\\\" not allowed.\"}", VARY_ACCEPT, ALLOW_USER);
    }

    @Test
    void deleteWithoutCredentialsIsUnauthorizedBeforeTheMethodIsChecked() {
        assertAnswerWithoutCookies(http.delete("/user/"), 401, NOT_PROVIDED, VARY_COOKIE, ALLOW_USER);
    }

    private static String aliceJson(String firstName, String lastName) {
        return "{\"pk\":" + alice.id() + ",\"username\":\"alice\",\"email\":\"alice@example.com\",\"first_name\":\""
                + firstName + "\",\"last_name\":\"" + lastName + "\"}";
    }

    private static Account newAccount() {
        String username = "user" + USERS.incrementAndGet();
        User user = server.createUser(username, username + "@example.com", PASSWORD);
        return new Account(user.id(), username, server.login(username, PASSWORD));
    }

    /** A fresh user for a test that changes it. */
    private record Account(long pk, String username, String key) {
        String json(String shownUsername, String firstName, String lastName) {
            return "{\"pk\":" + pk + ",\"username\":\"" + shownUsername + "\",\"email\":\"" + username
                    + "@example.com\",\"first_name\":\"" + firstName + "\",\"last_name\":\"" + lastName + "\"}";
        }
    }
}
