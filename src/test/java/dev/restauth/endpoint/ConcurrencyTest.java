package dev.restauth.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.Parallel;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;







/**
 * Requests of one user racing each other: every request is released by one start gate, so they hit the server
 * together. Races must resolve as sequential requests would, never as a 500.
 */
class ConcurrencyTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void parallelFirstLoginsOfOneUserAllGetTheSameKey() throws Exception {
        server.createUser("racer", "racer@example.com", PASSWORD);

        List<Http.Response> responses = Parallel.run(32, i -> http.post("/login/", Wire.credentials("racer", PASSWORD)));

        Set<String> keys = new TreeSet<>();
        for (Http.Response response : responses) {
            keys.add(Wire.assertKey(response, Wire.VARY_COOKIE));
        }
        assertEquals(1, keys.size(), () -> "one key for all: " + keys);
        assertEquals(keys.iterator().next(), Wire.login(http, "racer", PASSWORD));
    }

    @Test
    void parallelPasswordChangesLeaveExactlyOneOfTheNewPasswords() throws Exception {
        server.createUser("changer", "changer@example.com", PASSWORD);
        String key = server.login("changer", PASSWORD);

        List<Http.Response> responses = Parallel.run(16, i -> http.post("/password/change/",
                "{\"new_password1\": \"" + newPassword(i) + "\", \"new_password2\": \"" + newPassword(i) + "\"}",
                Http.token(key)));

        for (Http.Response response : responses) {
            assertTrue(response.status() == 200 || response.status() == 400, () -> "200 or 400: " + response);
            assertEquals(Wire.JSON, response.header("Content-Type"));
        }
        List<String> working = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Http.Response login = http.post("/login/", Wire.credentials("changer", newPassword(i)));
            if (login.status() == 200) {
                working.add(newPassword(i));
            } else {
                assertEquals(Wire.CANNOT_LOG_IN, login.body());
            }
        }
        assertEquals(1, working.size(), () -> "exactly one new password works: " + working);
        assertEquals(Wire.CANNOT_LOG_IN, http.post("/login/", Wire.credentials("changer", PASSWORD)).body());
    }

    private static String newPassword(int i) {
        return "N3w-Tr0ub4dor&3x-" + i;
    }
}
