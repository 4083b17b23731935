package dev.restauth.endpoint;

import static dev.restauth.endpoint.JwtWire.ALICE;
import static dev.restauth.endpoint.JwtWire.ALLOW_POST;
import static dev.restauth.endpoint.JwtWire.ALLOW_USER;
import static dev.restauth.endpoint.JwtWire.CHALLENGE;
import static dev.restauth.endpoint.JwtWire.PASSWORD;
import static dev.restauth.endpoint.JwtWire.assertAnswerWithoutCookies;
import static dev.restauth.endpoint.JwtWire.bearer;
import static dev.restauth.endpoint.JwtWire.cookie;
import static dev.restauth.endpoint.JwtWire.notValid;
import static dev.restauth.endpoint.JwtWire.tokenError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Revocable access tokens ({@code jwt_revoke_on_logout}, on by default): logout, a password change or reset and
 * deactivation make the user's earlier access tokens fail at once, checked against the user's row that
 * authentication reads anyway. The clock stands still, so a token issued just after a revocation and one issued
 * just before it share their second: the millisecond in the {@code jti} tells them apart.
 */
class JwtRevocationTest {
    private static final String BLACKLISTED = notValid("Token is blacklisted");
    private static final String NEW_PASSWORD = "N3w-Tr0ub4dor&3x!";
    private static final Pattern LINK =
            Pattern.compile("/password-reset/confirm/([0-9a-z]+)/([0-9a-z]+-[0-9a-f]{32})/");

    static Smtp smtp;
    TestServer server;
    Http http;

    @BeforeAll
    static void startSmtp() {
        smtp = Smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void start() {
        smtp.purge();
        server = JwtWire.reference(true, new MutableClock(JwtWire.RECORDED)).mailTo(smtp.port()).start();
        server.createUser("alice", "alice@example.com", PASSWORD);
        http = server.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void logoutMakesTheEarlierAccessTokenFailAndANewLoginWorks() {
        JwtWire.Tokens tokens = JwtWire.login(http);
        assertEquals(200, http.post("/logout/", "{}", JwtWire.headers(bearer(tokens.access()),
                cookie("jwt-refresh", tokens.refresh()))).status());

        assertAnswerWithoutCookies(http.get("/user/", bearer(tokens.access())), 401, BLACKLISTED, "Accept",
                ALLOW_USER, CHALLENGE);
        assertAnswerWithoutCookies(http.get("/user/", cookie("jwt-auth", tokens.access())), 401, BLACKLISTED,
                "Accept", ALLOW_USER, CHALLENGE);
        assertAnswerWithoutCookies(http.post("/token/verify/", "{\"token\": \"" + tokens.access() + "\"}"), 400,
                "{\"non_field_errors\":[\"Token is blacklisted\"]}", "Accept", ALLOW_POST, null);

        JwtWire.Tokens again = JwtWire.login(http);
        assertAnswerWithoutCookies(http.get("/user/", bearer(again.access())), 200, ALICE, "Accept", ALLOW_USER,
                null);
    }

    @Test
    void logoutWithoutAnyRefreshTokenStillRevokesTheCallersAccessTokens() {
        JwtWire.Tokens tokens = JwtWire.login(http);
        assertEquals(401, http.post("/logout/", "{}", bearer(tokens.access())).status());
        assertEquals(401, http.get("/user/", bearer(tokens.access())).status());
    }

    @Test
    void logoutEndsEveryRefreshTokenOfItsLoginButNotOtherLogins() {
        try (TestServer keeping = JwtWire.reference(true, new MutableClock(JwtWire.RECORDED))
                .setting("jwt_blacklist_after_rotation", "false").start()) {
            keeping.createUser("alice", "alice@example.com", PASSWORD);
            Http http = keeping.http();
            JwtWire.Tokens first = JwtWire.login(http);
            JwtWire.Tokens other = JwtWire.login(http);
            String successor = http.post("/token/refresh/", "{}", cookie("jwt-refresh", first.refresh()))
                    .cookie("jwt-refresh");

            assertEquals(200, http.post("/logout/", "{}", cookie("jwt-refresh", successor)).status());

            assertAnswerWithoutCookies(http.post("/token/refresh/", "{\"refresh\": \"" + first.refresh() + "\"}"),
                    401, tokenError("Token is blacklisted"), "Accept", ALLOW_POST, CHALLENGE);
            assertEquals(200, http.post("/token/refresh/", "{\"refresh\": \"" + other.refresh() + "\"}").status(),
                    "another login's refresh token still works");
        }
    }

    @Test
    void aPasswordChangeRevokesEarlierAccessTokensAndARefreshBringsAWorkingOne() {
        JwtWire.Tokens tokens = JwtWire.login(http);
        assertEquals(200, http.post("/password/change/", "{\"new_password1\": \"" + NEW_PASSWORD
                + "\", \"new_password2\": \"" + NEW_PASSWORD + "\"}", bearer(tokens.access())).status());

        assertAnswerWithoutCookies(http.get("/user/", bearer(tokens.access())), 401, BLACKLISTED, "Accept",
                ALLOW_USER, CHALLENGE);
        Http.Response refreshed = http.post("/token/refresh/", "{}", cookie("jwt-refresh", tokens.refresh()));
        assertEquals(200, refreshed.status(), refreshed::toString);
        assertAnswerWithoutCookies(http.get("/user/", bearer(refreshed.json().get("access").getAsString())), 200,
                ALICE, "Accept", ALLOW_USER, null);
    }

    @Test
    void aPasswordResetEndsEveryAccessAndRefreshTokenOfTheUser() {
        JwtWire.Tokens tokens = JwtWire.login(http);
        assertEquals(200, http.post("/password/reset/", "{\"email\": \"alice@example.com\"}").status());
        assertEquals(1, server.app().outboxSender().deliverDue());
        Matcher link = LINK.matcher(Smtp.text(smtp.messages().get(0)));
        assertTrue(link.find());
        assertEquals(200, http.post("/password/reset/confirm/", "{\"uid\": \"" + link.group(1) + "\", \"token\": \""
                + link.group(2) + "\", \"new_password1\": \"" + NEW_PASSWORD + "\", \"new_password2\": \""
                + NEW_PASSWORD + "\"}").status());

        assertAnswerWithoutCookies(http.get("/user/", bearer(tokens.access())), 401, BLACKLISTED, "Accept",
                ALLOW_USER, CHALLENGE);
        assertAnswerWithoutCookies(http.post("/token/refresh/", "{}", cookie("jwt-refresh", tokens.refresh())), 401,
                tokenError("Token is blacklisted"), "Accept", ALLOW_POST, CHALLENGE);
    }

    @Test
    void deactivationEndsEveryTokenAndReactivationDoesNotReviveThem() {
        JwtWire.Tokens tokens = JwtWire.login(http);
        assertTrue(server.app().useCases().deactivateUser().run(1));

        assertAnswerWithoutCookies(http.get("/user/", bearer(tokens.access())), 401,
                "{\"detail\":\"User is inactive\",\"code\":\"user_inactive\"}", "Accept", ALLOW_USER, CHALLENGE);
        server.app().database().useTransaction(tx -> tx.users().updateActive(1, true));
        assertAnswerWithoutCookies(http.get("/user/", bearer(tokens.access())), 401, BLACKLISTED, "Accept",
                ALLOW_USER, CHALLENGE);
        assertAnswerWithoutCookies(http.post("/token/refresh/", "{}", cookie("jwt-refresh", tokens.refresh())), 401,
                tokenError("Token is blacklisted"), "Accept", ALLOW_POST, CHALLENGE);
    }

    @Test
    void anInactiveUserCannotRefresh() {
        JwtWire.Tokens tokens = JwtWire.login(http);
        server.app().database().useTransaction(tx -> tx.users().updateActive(1, false));
        assertAnswerWithoutCookies(http.post("/token/refresh/", "{}", cookie("jwt-refresh", tokens.refresh())), 401,
                "{\"detail\":\"No active account found for the given token.\",\"code\":\"no_active_account\"}",
                "Accept", ALLOW_POST, CHALLENGE);
    }
}
