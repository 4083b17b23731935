package dev.restauth.endpoint.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.account.SecurityLog;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;
import dev.restauth.user.SecurityEvent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /security-log/}: what each authentication event leaves in the log, newest first and paged; nothing for
 * a change that did not happen; and the retention sweep.
 */
class SecurityLogEndpointTest {
    static final String PASSWORD = "Tr0ub4dor&3x";
    static final String NEW_PASSWORD = "c0rrect-h0rse-battery";
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);

    private TestServer server(String... settings) {
        TestServer.Builder builder = TestServer.builder().clock(clock);
        for (int i = 0; i < settings.length; i += 2) {
            builder.setting(settings[i], settings[i + 1]);
        }
        return builder.start();
    }

    @Test
    void eachEventIsListedNewestFirstWithItsClientAndOutcome() {
        try (TestServer server = server()) {
            Http http = server.http();
            server.createUser("alice", "alice@example.com", PASSWORD);
            assertEquals(400, http.post("/login/", "{\"username\":\"alice\",\"password\":\"wrong\"}",
                    "User-Agent", "curl/8.5").status());
            clock.advance(Duration.ofSeconds(1));
            String key = login(http, "alice", PASSWORD);
            clock.advance(Duration.ofSeconds(1));
            assertEquals(200, http.post("/password/change/", "{\"new_password1\":\"" + NEW_PASSWORD
                    + "\",\"new_password2\":\"" + NEW_PASSWORD + "\"}", Http.token(key)).status());

            Http.Response response = http.get("/security-log/", Http.token(key));
            assertEquals(200, response.status(), response.body());
            JsonObject body = response.json();
            assertEquals(3, body.get("count").getAsInt());
            assertTrue(body.get("next").isJsonNull());
            assertTrue(body.get("previous").isJsonNull());
            assertEquals(List.of(
                    "password_change|ok|127.0.0.1|Java-http-client||2026-03-02T10:00:02Z",
                    "login|ok|127.0.0.1|Java-http-client|password|2026-03-02T10:00:01Z",
                    "login|failed|127.0.0.1|curl/8.5||2026-03-02T10:00:00Z"), lines(body.getAsJsonArray("results")));
            JsonObject first = body.getAsJsonArray("results").get(0).getAsJsonObject();
            assertEquals(List.of("id", "event", "outcome", "ip", "user_agent", "detail", "created_at"),
                    new ArrayList<>(first.keySet()));
        }
    }

    @Test
    void aRefusedChangeWritesNoRowAndAnUnknownLoginNamesNobody() {
        try (TestServer server = server()) {
            Http http = server.http();
            server.createUser("bob", "bob@example.com", PASSWORD);
            String key = login(http, "bob", PASSWORD);
            assertEquals(400, http.post("/password/change/", "{\"new_password1\":\"" + NEW_PASSWORD
                    + "\",\"new_password2\":\"something-else-entirely\"}", Http.token(key)).status());
            assertEquals(400, http.post("/login/", "{\"username\":\"nobody\",\"password\":\"" + PASSWORD + "\"}")
                    .status());

            List<SecurityEvent> all = server.app().useCases().readAuditLog().run(null, Instant.EPOCH);
            assertEquals(List.of("bob login ok", "null login failed"), all.stream()
                    .map(e -> e.username() + " " + e.event() + " " + e.outcome()).toList());
            assertTrue(all.stream().noneMatch(e -> e.detail().contains(PASSWORD) || e.detail().contains("nobody")));
            assertEquals(List.of("login|ok|127.0.0.1|Java-http-client|password|2026-03-02T10:00:00Z"),
                    lines(http.get("/security-log/", Http.token(key)).json().getAsJsonArray("results")));
        }
    }

    @Test
    void throttledAndLockedLoginsAreToldApart() {
        try (TestServer server = server("throttle_enabled", "true", "throttle_login_failed", "1/h",
                "throttle_login_lockout", "100/h")) {
            Http http = server.http();
            server.createUser("carol", "carol@example.com", PASSWORD);
            String wrong = "{\"username\":\"carol\",\"password\":\"wrong\"}";
            assertEquals(400, http.post("/login/", wrong).status());
            assertEquals(429, http.post("/login/", wrong).status());
            assertEquals(List.of("carol login throttled", "carol login failed"), events(server, "carol"));
        }
        try (TestServer server = server("throttle_enabled", "true", "throttle_login_failed", "100/h",
                "throttle_login_lockout", "1/h")) {
            Http http = server.http();
            server.createUser("dave", "dave@example.com", PASSWORD);
            String wrong = "{\"username\":\"dave\",\"password\":\"wrong\"}";
            assertEquals(400, http.post("/login/", wrong).status());
            assertEquals(429, http.post("/login/", wrong).status());
            assertEquals(List.of("dave login locked", "dave login failed"), events(server, "dave"));
        }
    }

    @Test
    void logoutAndSocialDisconnectAreRecordedAndOthersSeeNothing() {
        try (TestServer server = server()) {
            Http http = server.http();
            server.createUser("erin", "erin@example.com", PASSWORD);
            server.createUser("frank", "frank@example.com", PASSWORD);
            String key = login(http, "erin", PASSWORD);
            assertEquals(200, http.send("POST", "/logout/", null, null, Http.token(key)).status());
            String frank = login(http, "frank", PASSWORD);
            assertEquals(List.of("logout ok", "login ok"), events(server, "erin").stream()
                    .map(e -> e.substring("erin ".length())).toList());
            assertEquals(1, http.get("/security-log/", Http.token(frank)).json().get("count").getAsInt());
        }
    }

    @Test
    void aRegistrationThatSignsTheUserInIsRecordedAsALoginFromRegistration() {
        for (String verification : List.of("none", "optional")) {
            try (TestServer server = server("email_verification", verification, "session_login", "false")) {
                Http.Response response = server.http().post("/registration/", registration("ivy"),
                        "User-Agent", "curl/8.5");
                assertEquals(201, response.status(), response.body());
                String key = response.json().get("key").getAsString();
                assertEquals(List.of("login|ok|127.0.0.1|curl/8.5|registration|2026-03-02T10:00:00Z"),
                        lines(server.http().get("/security-log/", Http.token(key)).json()
                                .getAsJsonArray("results")), verification);
            }
        }
    }

    @Test
    void aRegistrationUnderMandatoryVerificationSignsNobodyInAndRecordsNoLogin() {
        try (TestServer server = server("email_verification", "mandatory")) {
            assertEquals(201, server.http().post("/registration/", registration("jack")).status());
            assertEquals(List.of(), events(server, "jack"));
        }
    }

    @Test
    void deactivatingAUserIsRecordedWithoutAClientAndAnUnknownPkRecordsNothing() {
        try (TestServer server = server()) {
            long id = server.createUser("kim", "kim@example.com", PASSWORD).id();
            clock.advance(Duration.ofSeconds(1));
            assertTrue(server.app().useCases().deactivateUser().run(id));
            assertEquals(false, server.app().useCases().deactivateUser().run(id + 1000));

            List<SecurityEvent> all = server.app().useCases().readAuditLog().run(null, Instant.EPOCH);
            assertEquals(List.of("kim|deactivate|ok||||" + T0.plusSeconds(1)), all.stream()
                    .map(e -> String.join("|", e.username(), e.event(), e.outcome(), e.ip(), e.userAgent(),
                            e.detail(), e.created().toString())).toList());
        }
    }

    @Test
    void pagesOfFiftyLinkToEachOtherAndAPagePastTheLastIsInvalid() {
        try (TestServer server = server()) {
            Http http = server.http();
            server.createUser("gina", "gina@example.com", PASSWORD);
            String key = null;
            for (int i = 0; i < 51; i++) {
                key = login(http, "gina", PASSWORD);
            }
            JsonObject first = http.get("/security-log/", Http.token(key)).json();
            assertEquals(51, first.get("count").getAsInt());
            assertEquals("/rest-auth/security-log/?page=2", first.get("next").getAsString());
            assertEquals(50, first.getAsJsonArray("results").size());
            JsonObject second = http.get("/security-log/?page=2", Http.token(key)).json();
            assertTrue(second.get("next").isJsonNull());
            assertEquals("/rest-auth/security-log/", second.get("previous").getAsString());
            assertEquals(1, second.getAsJsonArray("results").size());
            long oldest = second.getAsJsonArray("results").get(0).getAsJsonObject().get("id").getAsLong();
            long newest = first.getAsJsonArray("results").get(0).getAsJsonObject().get("id").getAsLong();
            assertTrue(oldest < newest, "newest first");

            for (String page : List.of("3", "0", "abc", "")) {
                Http.Response response = http.get("/security-log/?page=" + page, Http.token(key));
                assertEquals(404, response.status(), page);
                assertEquals("{\"detail\":\"Invalid page.\"}", response.body());
            }
        }
    }

    @Test
    void theReadmesTableOfEventsNamesEveryEventAndNoOther() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### The security log"),
                readme.indexOf("### Re-authentication"));
        java.util.Set<String> listed = new java.util.TreeSet<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) { // a row of the table: its first cell names one event or several
                for (String name : line.substring(2, line.indexOf(" |", 2)).split(", ")) {
                    listed.add(name.replace("`", ""));
                }
            }
        }
        java.util.Set<String> events = new java.util.TreeSet<>();
        for (SecurityLog.Event event : SecurityLog.Event.values()) {
            events.add(event.wireName());
        }
        assertEquals(events, listed);
    }

    @Test
    void anonymousRequestsAreRefused() {
        try (TestServer server = server()) {
            Http.Response response = server.http().get("/security-log/");
            assertEquals(401, response.status());
            assertEquals("{\"detail\":\"Authentication credentials were not provided.\"}", response.body());
        }
    }

    @Test
    void theSweeperDeletesEventsOlderThanTheRetention() {
        try (TestServer server = server("audit_retention_days", "30")) {
            Http http = server.http();
            server.createUser("hank", "hank@example.com", PASSWORD);
            login(http, "hank", PASSWORD);
            clock.advance(Duration.ofDays(29));
            String key = login(http, "hank", PASSWORD);
            clock.advance(Duration.ofDays(2));
            server.app().sweeper().sweep();
            JsonObject body = http.get("/security-log/", Http.token(key)).json();
            assertEquals(1, body.get("count").getAsInt());
            assertEquals("2026-03-31T10:00:00Z", body.getAsJsonArray("results").get(0).getAsJsonObject()
                    .get("created_at").getAsString());
        }
    }

    static String login(Http http, String username, String password) {
        Http.Response response = http.post("/login/", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}");
        assertEquals(200, response.status(), response.body());
        return response.json().get("key").getAsString();
    }

    static String registration(String username) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"password1\":\""
                + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}";
    }

    /** The user's events, newest first, as "username event outcome". */
    static List<String> events(TestServer server, String username) {
        List<String> events = new ArrayList<>();
        for (SecurityEvent e : server.app().useCases().readAuditLog().run(username, Instant.EPOCH)) {
            events.add(0, e.username() + " " + e.event() + " " + e.outcome());
        }
        return events;
    }

    /** The user's events, oldest first, as "username event outcome". */
    static List<String> chronological(TestServer server, String username) {
        List<String> events = new ArrayList<>(events(server, username));
        java.util.Collections.reverse(events);
        return events;
    }

    /** Each result as "event|outcome|ip|user agent (up to its first slash for Java's)|detail|created_at". */
    static List<String> lines(JsonArray results) {
        List<String> lines = new ArrayList<>();
        for (JsonElement element : results) {
            JsonObject e = element.getAsJsonObject();
            String agent = e.get("user_agent").getAsString();
            lines.add(String.join("|", e.get("event").getAsString(), e.get("outcome").getAsString(),
                    e.get("ip").getAsString(), agent.startsWith("Java-http-client") ? "Java-http-client" : agent,
                    e.get("detail").getAsString(), e.get("created_at").getAsString()));
        }
        return lines;
    }
}
