package dev.restauth.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoginSmokeTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.createUser("alice", "alice@example.com", "Tr0ub4dor&3x");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginByUsernameReturnsAFortyHexKey() {
        Http.Response response = server.http().post("/login/", "{\"username\": \"alice\", \"password\": \"Tr0ub4dor&3x\"}");
        assertEquals(200, response.status());
        assertTrue(response.body().matches("\\{\"key\":\"[0-9a-f]{40}\"}"), response.body());
        assertEquals("application/json", response.header("Content-Type"));
    }
}
