package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.ALLOW_USER;
import static dev.restauth.endpoint.Wire.NOT_PROVIDED;
import static dev.restauth.endpoint.Wire.VARY_ACCEPT;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Section 12 of the wire transcript, where restauth does the sane thing instead of the reference's quirks: a JSON
 * 404 for unknown paths, paths served without their trailing slash, and a small DRF-style {@code OPTIONS} answer.
 */
class MiscellaneousTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = server.http();
        server.createUser("alice", "alice@example.com", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnknownPathUnderThePrefixIsAJsonNotFound() {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            Http.Response response = http.send(method, "/nope/", null, null);
            assertEquals(404, response.status(), method);
            assertEquals(Wire.JSON, response.header("Content-Type"), method);
            assertEquals("{\"detail\":\"Not found.\"}", response.body(), method);
        }
    }

    @Test
    void aBodySentToAnUnknownPathIsDroppedAndTheConnectionKept() {
        Http.Response response = http.post("/nope/", "{\"username\": \"alice\"}");
        assertEquals(404, response.status());
        assertEquals(null, response.header("Connection"));
        assertEquals(200, http.post("/login/", Wire.credentials("alice", PASSWORD)).status(), "the next request");
    }

    @Test
    void aPathBelowAKnownOneIsNotFound() {
        Http.Response response = http.get("/user/extra/");
        assertEquals(404, response.status());
        assertEquals("{\"detail\":\"Not found.\"}", response.body());
    }

    @Test
    void optionsDescribesTheLoginEndpoint() {
        Http.Response response = http.send("OPTIONS", "/login/", null, null);
        assertEquals(200, response.status());
        assertEquals(Wire.JSON, response.header("Content-Type"));
        assertEquals(ALLOW_POST, response.header("Allow"));
        assertEquals(VARY_COOKIE, response.header("Vary"));
        JsonObject metadata = response.json();
        assertEquals("Login", metadata.get("name").getAsString());
        assertTrue(metadata.get("description").isJsonPrimitive(), "description is text");
        assertTrue(metadata.getAsJsonArray("renders").contains(new JsonPrimitive(Wire.JSON)), "renders JSON");
        JsonArray parses = new JsonArray();
        parses.add("application/json");
        parses.add("application/x-www-form-urlencoded");
        parses.add("multipart/form-data");
        assertEquals(parses, metadata.getAsJsonArray("parses"));
    }

    @Test
    void optionsOfAProtectedEndpointNeedsCredentialsLikeAnyOtherMethod() {
        Wire.assertAnswerWithoutCookies(http.send("OPTIONS", "/user/", null, null), 401, NOT_PROVIDED, VARY_COOKIE,
                ALLOW_USER);
        String key = server.login("alice", PASSWORD);
        Http.Response response = http.send("OPTIONS", "/user/", null, null, Http.token(key));
        assertEquals(200, response.status());
        assertEquals(ALLOW_USER, response.header("Allow"));
        assertEquals(VARY_ACCEPT, response.header("Vary"));
        assertEquals("User Details", response.json().get("name").getAsString());
        assertEquals("Password Change",
                http.send("OPTIONS", "/password/change/", null, null, Http.token(key)).json().get("name")
                        .getAsString());
    }

    @Test
    void aPathWithoutItsTrailingSlashIsServedDirectly() {
        Http.Response response = http.post("/login", Wire.credentials("alice", PASSWORD));
        String key = Wire.assertKey(response, VARY_COOKIE);
        assertEquals(key, server.login("alice", PASSWORD));
        assertEquals(200, http.get("/user", Http.token(key)).status());
    }
}
