package dev.restauth.endpoint;

import static dev.restauth.endpoint.JwtWire.PASSWORD;
import static dev.restauth.endpoint.JwtWire.tokenError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Parallel;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

/**
 * Fifty refreshes of one refresh token at the same instant, with rotation and blacklisting: exactly one gets new
 * tokens; the forty-nine others present a token that was used up, which is reuse, so they are refused and the
 * family is revoked, the winner's new refresh token included. Never a 500. On each database restauth runs on.
 */
class JwtRefreshRaceTest {
    private static final int RACERS = 50;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void oneOfFiftyConcurrentRefreshesWinsAndTheOthersRevokeTheFamily(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind);
             TestServer server = JwtWire.reference(false, new MutableClock(JwtWire.RECORDED))
                     .dataSource(database.dataSource()).start()) {
            server.createUser("alice", "alice@example.com", PASSWORD);
            Http http = server.http();
            String refresh = http.post("/login/", JwtWire.CREDENTIALS).json().get("refresh").getAsString();
            String body = "{\"refresh\": \"" + refresh + "\"}";

            List<Http.Response> responses = Parallel.run(RACERS, i -> http.post("/token/refresh/", body));

            List<Http.Response> won = responses.stream().filter(r -> r.status() == 200).toList();
            assertEquals(1, won.size(), () -> "one winner: " + responses);
            for (Http.Response response : responses) {
                if (response.status() != 200) {
                    assertEquals("401 " + tokenError("Token is blacklisted"), response.toString());
                }
            }
            String successor = won.get(0).json().get("refresh").getAsString();
            assertEquals("401 " + tokenError("Token is blacklisted"),
                    http.post("/token/refresh/", "{\"refresh\": \"" + successor + "\"}").toString(),
                    "the family is revoked, the winner's successor too");
        }
    }
}
