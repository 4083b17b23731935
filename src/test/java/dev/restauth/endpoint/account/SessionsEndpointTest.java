package dev.restauth.endpoint.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /sessions/}: where a user is signed in, ending some of it (others only after a re-authentication),
 * {@code last_seen_at} kept to the minute, and the token and session lifetimes on an injected clock.
 */
class SessionsEndpointTest {
    private static final String PASSWORD = SecurityLogEndpointTest.PASSWORD;
    private static final String INVALID_TOKEN = "{\"detail\":\"Invalid token.\"}";
    private static final String LOGIN = "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private Http start(String... settings) {
        TestServer.Builder builder = TestServer.builder().clock(clock);
        for (int i = 0; i < settings.length; i += 2) {
            builder.setting(settings[i], settings[i + 1]);
        }
        server = builder.start();
        server.createUser("alice", "alice@example.com", PASSWORD);
        return server.http();
    }

    @Test
    void theTokenAndEachSessionAreListedWithWhereAndWhenTheyWereHandedOut() {
        Http http = start();
        Http.Response login = http.post("/login/", LOGIN, "User-Agent", "Firefox/140");
        String key = login.json().get("key").getAsString();
        clock.advance(Duration.ofSeconds(5));
        http.post("/login/", LOGIN, "User-Agent", "curl/8.5");

        JsonArray list = http.get("/sessions/", Http.token(key)).jsonElement().getAsJsonArray();
        assertEquals(List.of(
                "token|2026-03-02T10:00:00Z|2026-03-02T10:00:05Z|127.0.0.1|curl/8.5|true",
                "session|2026-03-02T10:00:00Z|2026-03-02T10:00:00Z|127.0.0.1|Firefox/140|false",
                "session|2026-03-02T10:00:05Z|2026-03-02T10:00:05Z|127.0.0.1|curl/8.5|false"), lines(list));
        JsonObject first = list.get(0).getAsJsonObject();
        assertEquals(List.of("id", "kind", "created_at", "last_seen_at", "ip", "user_agent", "is_current"),
                new ArrayList<>(first.keySet()));
        assertTrue(first.get("id").getAsString().matches("[0-9a-f]{32}"));
        String session = login.cookie("sessionid");
        JsonArray bySession = http.get("/sessions/", "Cookie", "sessionid=" + session).jsonElement().getAsJsonArray();
        assertEquals(List.of(false, true, false), current(bySession));
    }

    @Test
    void endingAnotherSessionNeedsAReauthenticationAndEndsItOnTheSpot() {
        Http http = start();
        Http.Response browser = http.post("/login/", LOGIN);
        String cookie = "sessionid=" + browser.cookie("sessionid");
        clock.advance(Duration.ofSeconds(1));
        String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        JsonArray list = http.get("/sessions/", Http.token(key)).jsonElement().getAsJsonArray();
        String browserId = list.get(1).getAsJsonObject().get("id").getAsString();
        String end = "{\"sessions\":[\"" + browserId + "\"]}";

        Http.Response refused = http.send("DELETE", "/sessions/", "application/json", end, Http.token(key));
        assertEquals(401, refused.status());
        assertEquals(EmailAddressesEndpointTest.REAUTH_REQUIRED, refused.body());
        assertEquals(200, http.get("/user/", "Cookie", cookie).status(), "nothing ended");

        assertEquals(200, http.post("/reauthenticate/", "{\"password\":\"" + PASSWORD + "\"}", Http.token(key))
                .status());
        Http.Response ended = http.send("DELETE", "/sessions/", "application/json", end, Http.token(key));
        assertEquals(200, ended.status(), ended.body());
        // the token's login opened a session of its own too (session_login): it stays
        assertEquals(List.of("token", "session"), kinds(ended.jsonElement().getAsJsonArray()));
        assertTrue(ended.body().indexOf(browserId) < 0);
        assertTrue(http.get("/user/", "Cookie", cookie).status() >= 401, "the session is over");
        assertTrue(SecurityLogEndpointTest.events(server, "alice").contains("alice sessions_ended ok"));
    }

    @Test
    void endingTheCurrentOneIsALogoutAndNeedsNoReauthentication() {
        Http http = start("session_login", "false");
        String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        String id = http.get("/sessions/", Http.token(key)).jsonElement().getAsJsonArray().get(0).getAsJsonObject()
                .get("id").getAsString();
        Http.Response ended = http.send("DELETE", "/sessions/", "application/json",
                "{\"sessions\":[\"" + id + "\",\"unknown\"]}", Http.token(key));
        assertEquals(200, ended.status(), ended.body());
        assertEquals("[]", ended.body());
        assertEquals(INVALID_TOKEN, http.get("/user/", Http.token(key)).body());
        assertEquals("{\"sessions\":[\"This field is required.\"]}", http.send("DELETE", "/sessions/",
                "application/json", "{}", Http.token(SecurityLogEndpointTest.login(http, "alice", PASSWORD))).body());
    }

    @Test
    void lastSeenIsWrittenAtMostOnceAMinute() {
        Http http = start("session_login", "false");
        String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        clock.advance(Duration.ofSeconds(59));
        http.get("/user/", Http.token(key));
        assertEquals("2026-03-02T10:00:00Z", lastSeen(http, key));
        clock.advance(Duration.ofSeconds(2));
        http.get("/user/", Http.token(key));
        assertEquals("2026-03-02T10:01:01Z", lastSeen(http, key));
    }

    /** No authenticated request waits for a write: its use is noted, listed at once, and written later with others. */
    @Test
    void aRequestNotesItsUseWhichIsWrittenLaterWithOthers() {
        Http http = start("session_login", "false");
        String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        long alice = server.app().database().read(tx -> tx.users().findByUsername("alice")).orElseThrow().id();
        clock.advance(Duration.ofSeconds(61));
        assertEquals(200, http.get("/user/", Http.token(key)).status());
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), storedLastSeen(alice), "not written by the request");
        assertEquals("2026-03-02T10:01:01Z", lastSeen(http, key), "listed at once");

        server.app().recentUses().write();
        assertEquals(Instant.parse("2026-03-02T10:01:01Z"), storedLastSeen(alice));
    }

    private Instant storedLastSeen(long userId) {
        return server.app().database().read(tx -> tx.tokens().findDevice(userId)).orElseThrow().lastSeen();
    }

    @Test
    void aTokenIdleTooLongOrTooOldIsInvalid() {
        Http http = start("session_login", "false", "token_idle_timeout", "600", "token_max_age", "3600");
        String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofSeconds(500));
            assertEquals(200, http.get("/user/", Http.token(key)).status(), "in use, " + i);
        }
        clock.advance(Duration.ofSeconds(500));
        assertEquals(INVALID_TOKEN, http.get("/user/", Http.token(key)).body(), "an hour old");

        String idle = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        assertEquals(key, idle, "DRF's one key per user: the same key, but its age counts from its creation");
    }

    @Test
    void aTokenUnusedForLongerThanTheIdleTimeoutIsInvalid() {
        Http http = start("session_login", "false", "token_idle_timeout", "600");
        String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        clock.advance(Duration.ofSeconds(599));
        assertEquals(200, http.get("/user/", Http.token(key)).status());
        clock.advance(Duration.ofSeconds(600));
        assertEquals(INVALID_TOKEN, http.get("/user/", Http.token(key)).body());
    }

    @Test
    void bothLifetimesAreOffByDefault() {
        Http http = start("session_login", "false");
        String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        clock.advance(Duration.ofDays(3650));
        assertEquals(200, http.get("/user/", Http.token(key)).status());
    }

    @Test
    void aSessionIdleTooLongEnds() {
        Http http = start("session_idle_timeout", "600");
        String cookie = "sessionid=" + http.post("/login/", LOGIN).cookie("sessionid");
        clock.advance(Duration.ofSeconds(599));
        assertEquals(200, http.get("/user/", "Cookie", cookie).status());
        clock.advance(Duration.ofSeconds(600));
        assertTrue(http.get("/user/", "Cookie", cookie).status() >= 401);
    }

    @Test
    void inJwtModeEachLoginsRefreshFamilyIsListedAndEndingItStopsItsRefreshToken() {
        Http http = start("use_jwt", "true", "authentication_classes", "jwt", "session_login", "false",
                "jwt_auth_httponly", "false");
        JsonObject login = http.post("/login/", LOGIN, "User-Agent", "App/3.1").json();
        String[] bearer = {"Authorization", "Bearer " + login.get("access").getAsString()};
        String refresh = login.get("refresh").getAsString();
        JsonArray list = http.get("/sessions/", bearer).jsonElement().getAsJsonArray();
        assertEquals(List.of("jwt|2026-03-02T10:00:00Z|2026-03-02T10:00:00Z|127.0.0.1|App/3.1|false"), lines(list));

        assertEquals(200, http.post("/reauthenticate/", "{\"password\":\"" + PASSWORD + "\"}", bearer).status());
        Http.Response ended = http.send("DELETE", "/sessions/", "application/json", "{\"sessions\":[\""
                + list.get(0).getAsJsonObject().get("id").getAsString() + "\"]}", bearer);
        assertEquals("[]", ended.body());
        assertEquals(401, http.post("/token/refresh/", "{\"refresh\":\"" + refresh + "\"}").status());
    }

    @Test
    void withTokenPerDeviceEachLoginHasItsOwnTokenAndLogoutEndsOnlyThatOne() {
        Http http = start("session_login", "false", "token_per_device", "true");
        String phone = http.post("/login/", LOGIN, "User-Agent", "Phone/1.0").json().get("key").getAsString();
        clock.advance(Duration.ofSeconds(1));
        String laptop = http.post("/login/", LOGIN, "User-Agent", "Laptop/2.0").json().get("key").getAsString();
        assertTrue(!phone.equals(laptop) && laptop.matches("[0-9a-f]{40}"));
        assertEquals(List.of(
                "token|2026-03-02T10:00:00Z|2026-03-02T10:00:00Z|127.0.0.1|Phone/1.0|false",
                "token|2026-03-02T10:00:01Z|2026-03-02T10:00:01Z|127.0.0.1|Laptop/2.0|true"),
                lines(http.get("/sessions/", Http.token(laptop)).jsonElement().getAsJsonArray()));

        assertEquals(200, http.send("POST", "/logout/", null, null, Http.token(phone)).status());
        assertEquals(INVALID_TOKEN, http.get("/user/", Http.token(phone)).body());
        assertEquals(200, http.get("/user/", Http.token(laptop)).status(), "the other device stays signed in");

        clock.advance(Duration.ofSeconds(1));
        String tablet = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        assertEquals(200, http.post("/reauthenticate/", "{\"password\":\"" + PASSWORD + "\"}", Http.token(laptop))
                .status());
        JsonArray list = http.get("/sessions/", Http.token(laptop)).jsonElement().getAsJsonArray();
        Http.Response ended = http.send("DELETE", "/sessions/", "application/json", "{\"sessions\":[\""
                + list.get(1).getAsJsonObject().get("id").getAsString() + "\"]}", Http.token(laptop));
        assertEquals(200, ended.status(), ended.body());
        assertEquals(INVALID_TOKEN, http.get("/user/", Http.token(tablet)).body());
        assertEquals(200, http.get("/user/", Http.token(laptop)).status());
    }

    private static String lastSeen(Http http, String key) {
        return http.get("/sessions/", Http.token(key)).jsonElement().getAsJsonArray().get(0).getAsJsonObject()
                .get("last_seen_at").getAsString();
    }

    private static List<String> lines(JsonArray list) {
        List<String> lines = new ArrayList<>();
        for (JsonElement element : list) {
            JsonObject e = element.getAsJsonObject();
            lines.add(String.join("|", e.get("kind").getAsString(), e.get("created_at").getAsString(),
                    e.get("last_seen_at").getAsString(), e.get("ip").getAsString(), e.get("user_agent").getAsString(),
                    Boolean.toString(e.get("is_current").getAsBoolean())));
        }
        return lines;
    }

    private static List<Boolean> current(JsonArray list) {
        List<Boolean> current = new ArrayList<>();
        list.forEach(e -> current.add(e.getAsJsonObject().get("is_current").getAsBoolean()));
        return current;
    }

    private static List<String> kinds(JsonArray list) {
        List<String> kinds = new ArrayList<>();
        list.forEach(e -> kinds.add(e.getAsJsonObject().get("kind").getAsString()));
        return kinds;
    }
}
