package dev.restauth.endpoint;

import static dev.restauth.endpoint.JwtWire.ALLOW_POST;
import static dev.restauth.endpoint.JwtWire.CHALLENGE;
import static dev.restauth.endpoint.JwtWire.PASSWORD;
import static dev.restauth.endpoint.JwtWire.assertAnswerWithoutCookies;
import static dev.restauth.endpoint.JwtWire.cookie;
import static dev.restauth.endpoint.JwtWire.tokenError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refresh-token reuse detection (RFC 9700 §4.14.2), with rotation and blacklisting on: a rotated-away refresh token
 * that comes back was stolen, so every token of its login is revoked, and neither the thief nor the victim can
 * refresh again. Both are told what simplejwt tells them, "Token is blacklisted". Other logins are untouched.
 */
class JwtReuseDetectionTest {
    private static final String BLACKLISTED = tokenError("Token is blacklisted");

    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = JwtWire.reference(false, new MutableClock(JwtWire.RECORDED)).start();
        server.createUser("alice", "alice@example.com", PASSWORD);
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aThiefReplayingARotatedTokenLocksOutTheVictimsNewToken() {
        String stolen = JwtWire.login(http).refresh();
        String victims = refresh(stolen);

        assertAnswerWithoutCookies(http.post("/token/refresh/", body(stolen)), 401, BLACKLISTED, "Accept",
                ALLOW_POST, CHALLENGE);
        assertAnswerWithoutCookies(http.post("/token/refresh/", body(victims)), 401, BLACKLISTED, "Accept",
                ALLOW_POST, CHALLENGE);
    }

    @Test
    void aVictimReplayingAfterTheThiefRefreshedLocksOutTheThief() {
        String shared = JwtWire.login(http).refresh();
        String thiefs = refresh(shared);

        assertAnswerWithoutCookies(http.post("/token/refresh/", "{}", cookie("jwt-refresh", shared)), 401,
                BLACKLISTED, "Accept", ALLOW_POST, CHALLENGE);
        assertAnswerWithoutCookies(http.post("/token/refresh/", body(thiefs)), 401, BLACKLISTED, "Accept",
                ALLOW_POST, CHALLENGE);
        assertAnswerWithoutCookies(http.post("/token/verify/", "{\"token\": \"" + thiefs + "\"}"), 400,
                "{\"non_field_errors\":[\"Token is blacklisted\"]}", "Accept", ALLOW_POST, null);
    }

    @Test
    void reuseRevokesOnlyTheFamilyOfItsLogin() {
        String other = JwtWire.login(http).refresh();
        String stolen = JwtWire.login(http).refresh();
        refresh(stolen);
        assertEquals(401, http.post("/token/refresh/", body(stolen)).status());

        String next = refresh(other);
        assertEquals(200, http.post("/token/refresh/", body(next)).status(), "another login refreshes on");
    }

    @Test
    void aChainOfRotationsStaysValidWhileNoTokenComesBack() {
        String token = JwtWire.login(http).refresh();
        for (int i = 0; i < 5; i++) {
            token = refresh(token);
        }
        assertEquals(200, http.post("/token/verify/", "{\"token\": \"" + token + "\"}").status());
    }

    /** Refreshes with a token in the body and returns its successor. */
    private static String refresh(String token) {
        Http.Response response = http.post("/token/refresh/", body(token));
        assertEquals(200, response.status(), response::toString);
        return response.json().get("refresh").getAsString();
    }

    private static String body(String token) {
        return "{\"refresh\": \"" + token + "\"}";
    }
}
