package dev.restauth.endpoint;

import static dev.restauth.endpoint.JwtWire.ALICE;
import static dev.restauth.endpoint.JwtWire.ALLOW_POST;
import static dev.restauth.endpoint.JwtWire.ALLOW_USER;
import static dev.restauth.endpoint.JwtWire.CHALLENGE;
import static dev.restauth.endpoint.JwtWire.PASSWORD;
import static dev.restauth.endpoint.JwtWire.assertAnswerWithoutCookies;
import static dev.restauth.endpoint.JwtWire.bearer;
import static dev.restauth.endpoint.JwtWire.notValid;
import static dev.restauth.endpoint.JwtWire.tokenError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.db.Sql;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * Lifetimes on a clock the test moves: an access token lives {@code jwt_access_token_lifetime} seconds, a refresh
 * token {@code jwt_refresh_token_lifetime}, give or take {@code jwt_leeway}; the sweeper deletes the rows of expired
 * refresh tokens and their families, without a cron job.
 */
class JwtExpiryTest {
    private static final String EXPIRED = notValid("Token is invalid or expired");

    @Test
    void anAccessTokenWorksForItsLifetimeAndNotASecondLonger() {
        MutableClock clock = new MutableClock(JwtWire.RECORDED);
        try (TestServer server = start(clock, "0")) {
            Http http = server.http();
            JwtWire.Tokens tokens = JwtWire.login(http);
            clock.advance(Duration.ofMillis(299_701)); // 15:05:35.999..., one tick before exp
            assertAnswerWithoutCookies(http.get("/user/", bearer(tokens.access())), 200, ALICE, "Accept", ALLOW_USER,
                    null);
            clock.advance(Duration.ofMillis(1)); // 15:05:36, exp itself
            assertAnswerWithoutCookies(http.get("/user/", bearer(tokens.access())), 401, EXPIRED, "Accept",
                    ALLOW_USER, CHALLENGE);
            assertAnswerWithoutCookies(http.post("/token/verify/", "{\"token\": \"" + tokens.access() + "\"}"), 401,
                    tokenError("Token is invalid or expired"), "Accept", ALLOW_POST, CHALLENGE);

            Http.Response refreshed = http.post("/token/refresh/", "{\"refresh\": \"" + tokens.refresh() + "\"}");
            assertEquals(200, refreshed.status(), "the refresh token outlives the access token");
            assertEquals(200, http.get("/user/", bearer(refreshed.json().get("access").getAsString())).status());
        }
    }

    @Test
    void theLeewayExtendsEveryExpiry() {
        MutableClock clock = new MutableClock(JwtWire.RECORDED);
        try (TestServer server = start(clock, "30")) {
            JwtWire.Tokens tokens = JwtWire.login(server.http());
            clock.advance(Duration.ofSeconds(325));
            assertEquals(200, server.http().get("/user/", bearer(tokens.access())).status());
            clock.advance(Duration.ofSeconds(5));
            assertEquals(401, server.http().get("/user/", bearer(tokens.access())).status());
        }
    }

    @Test
    void anExpiredRefreshTokenIsRefusedAndItsRowsAreSwept() {
        MutableClock clock = new MutableClock(JwtWire.RECORDED);
        try (TestServer server = start(clock, "0")) {
            Http http = server.http();
            JwtWire.Tokens tokens = JwtWire.login(http);
            JwtWire.login(http);
            assertEquals(2, count(server, "restauth_refresh_family"));
            clock.advance(Duration.ofSeconds(86_400));
            assertAnswerWithoutCookies(http.post("/token/refresh/", "{\"refresh\": \"" + tokens.refresh() + "\"}"),
                    401, tokenError("Token is invalid or expired"), "Accept", ALLOW_POST, CHALLENGE);

            clock.advance(Duration.ofSeconds(1));
            JwtWire.login(http); // a live login whose rows must stay
            server.app().sweeper().sweep();
            assertEquals(1, count(server, "restauth_refresh_family"));
            assertEquals(1, count(server, "restauth_refresh_token"));
        }
    }

    private static TestServer start(MutableClock clock, String leeway) {
        TestServer server = JwtWire.reference(true, clock).setting("jwt_leeway", leeway)
                .customize(builder -> builder.backgroundWork(false)).start();
        server.createUser("alice", "alice@example.com", PASSWORD);
        return server;
    }

    private static long count(TestServer server, String table) {
        return server.app().database().read(tx -> Sql.one(tx, "SELECT COUNT(*) FROM " + table,
                row -> row.getLong(1)).orElseThrow());
    }
}
