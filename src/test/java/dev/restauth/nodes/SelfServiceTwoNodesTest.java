package dev.restauth.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Account self-service on two nodes sharing one database: each lists the sessions the other opened, a
 * re-authentication on one counts on the other, a session ended on one is over on the other at once, and the
 * security log shows what both did.
 */
class SelfServiceTwoNodesTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String LOGIN = "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void eachNodeListsAndEndsTheSessionsTheOtherOpened(TestDatabase.Kind kind) {
        try (TestDatabase database = TestDatabase.create(kind);
             TestServer a = node(database);
             TestServer b = node(database)) {
            a.createUser("alice", "alice@example.com", PASSWORD);
            Http.Response phone = a.http().post("/login/", LOGIN, "User-Agent", "Phone/1.0");
            assertEquals(200, phone.status(), phone.body());
            String phoneCookie = "sessionid=" + phone.cookie("sessionid");
            String key = b.http().post("/login/", LOGIN, "User-Agent", "Laptop/2.0").json().get("key").getAsString();

            JsonArray listedOnB = b.http().get("/sessions/", Http.token(key)).jsonElement().getAsJsonArray();
            assertEquals(List.of("token Laptop/2.0", "session Phone/1.0", "session Laptop/2.0"), describe(listedOnB));
            String phoneId = listedOnB.get(1).getAsJsonObject().get("id").getAsString();
            JsonArray listedOnA = a.http().get("/sessions/", Http.token(key)).jsonElement().getAsJsonArray();
            assertEquals(listedOnB.toString(), listedOnA.toString(), "both nodes list the same, with the same ids");

            String end = "{\"sessions\":[\"" + phoneId + "\"]}";
            assertEquals(401, a.http().send("DELETE", "/sessions/", "application/json", end, Http.token(key))
                    .status());
            assertEquals(200, b.http().post("/reauthenticate/", "{\"password\":\"" + PASSWORD + "\"}",
                    Http.token(key)).status());
            Http.Response ended = a.http().send("DELETE", "/sessions/", "application/json", end, Http.token(key));
            assertEquals(200, ended.status(), ended.body());
            assertEquals(List.of("token Laptop/2.0", "session Laptop/2.0"),
                    describe(ended.jsonElement().getAsJsonArray()));
            assertTrue(b.http().get("/user/", "Cookie", phoneCookie).status() >= 401, "over on the other node");

            JsonArray log = a.http().get("/security-log/", Http.token(key)).json().getAsJsonArray("results");
            List<String> events = new ArrayList<>();
            log.forEach(e -> events.add(e.getAsJsonObject().get("event").getAsString()));
            assertEquals(List.of("sessions_ended", "reauthenticate", "login", "login"), events);
        }
    }

    private static TestServer node(TestDatabase database) {
        return TestServer.builder()
                .setting("database_url", database.jdbcUrl())
                .setting("database_user", database.user())
                .start();
    }

    /** Each listed session as "kind user-agent", in the order listed. */
    private static List<String> describe(JsonArray sessions) {
        List<String> described = new ArrayList<>();
        for (JsonElement element : sessions) {
            JsonObject session = element.getAsJsonObject();
            described.add(session.get("kind").getAsString() + " " + session.get("user_agent").getAsString());
        }
        return described;
    }
}
