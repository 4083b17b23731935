package dev.restauth.endpoint.account;

import static dev.restauth.endpoint.account.SecurityLogEndpointTest.PASSWORD;
import static dev.restauth.endpoint.account.SecurityLogEndpointTest.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;

import dev.restauth.testing.AuthenticatorApp;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.PasskeyBrowser;
import dev.restauth.testing.TestServer;
import dev.restauth.user.SecurityEvent;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The security log of second factors: the second step of a login ({@code mfa/verify/}) refused, rate-limited or
 * finished; TOTP activated and deactivated; recovery codes replaced; passkeys added and removed. A refused change
 * leaves no row, and no row holds a code.
 */
class SecondFactorSecurityLogTest {
    private static final String ORIGIN = "http://localhost:8000";
    private static final String WRONG_CODE = "{\"code\":[\"Invalid code.\"]}";

    private final MutableClock clock = new MutableClock(SecurityLogEndpointTest.T0);

    @Test
    void aWrongCodeAtVerifyIsAFailedLoginAndTheRightOneIsRecordedOnce() {
        try (TestServer server = TestServer.builder().clock(clock).setting("mfa_enabled", "true").start()) {
            Http http = server.http();
            server.createUser("alice", "alice@example.com", PASSWORD);
            String key = server.login("alice", PASSWORD);
            AuthenticatorApp app = AuthenticatorApp.activate(http, clock, Http.token(key));
            String token = ephemeralToken(http, "alice");
            assertEquals("400 " + WRONG_CODE, verify(http, token, "000000").toString());
            assertEquals(200, verify(http, token, app.code()).status());

            assertEquals(List.of(
                    "login|ok|127.0.0.1|Java-http-client|mfa|2026-03-02T10:00:30Z",
                    "login|failed|127.0.0.1|Java-http-client|mfa|2026-03-02T10:00:30Z",
                    "totp_activated|ok|127.0.0.1|Java-http-client||2026-03-02T10:00:00Z",
                    "login|ok|127.0.0.1|Java-http-client|password|2026-03-02T10:00:00Z"),
                    lines(http.get("/security-log/", Http.token(key)).json().getAsJsonArray("results")));
            assertNoCodeIn(server, app.code());
        }
    }

    @Test
    void aVerifyRefusedByTheClientsLimitIsThrottledAndByTheUsersWrongCodesLocked() {
        // The per-IP login counter: the first login, the one that waits for the code, and one wrong code.
        assertRightCodeRefusedAfterAWrongOne("throttle_login", "3/h", "bob", "login throttled mfa");
        // Wrong codes per user across IPs: a lockout.
        assertRightCodeRefusedAfterAWrongOne("throttle_mfa_failed", "1/h", "carol", "login locked mfa");
    }

    /** With {@code limit} at {@code rate}, a wrong code at {@code mfa/verify/} gets the right one refused with 429. */
    private void assertRightCodeRefusedAfterAWrongOne(String limit, String rate, String user, String refusal) {
        try (TestServer server = TestServer.builder().clock(clock).setting("mfa_enabled", "true")
                .setting("throttle_enabled", "true").setting(limit, rate).start()) {
            Http http = server.http();
            server.createUser(user, user + "@example.com", PASSWORD);
            String key = server.login(user, PASSWORD);
            AuthenticatorApp app = AuthenticatorApp.activate(http, clock, Http.token(key));
            String token = ephemeralToken(http, user);
            assertEquals("400 " + WRONG_CODE, verify(http, token, "000000").toString());
            assertEquals(429, verify(http, token, app.code()).status());
            assertEquals(List.of("login ok password", "totp_activated ok", "login failed mfa", refusal),
                    events(server, user));
        }
    }

    @Test
    void totpActivationNewRecoveryCodesAndDeactivationAreRecordedAndWrongCodesChangeNothing() {
        try (TestServer server = TestServer.builder().clock(clock).setting("mfa_enabled", "true").start()) {
            Http http = server.http();
            server.createUser("dave", "dave@example.com", PASSWORD);
            String key = server.login("dave", PASSWORD);
            String proposal = http.get("/mfa/totp/activate/", Http.token(key)).json().get("activation_token")
                    .getAsString();
            assertEquals(400, http.post("/mfa/totp/activate/", "{\"activation_token\":\"" + proposal
                    + "\",\"code\":\"000000\"}", Http.token(key)).status());
            AuthenticatorApp app = AuthenticatorApp.activate(http, clock, Http.token(key));
            assertEquals("400 " + WRONG_CODE, http.post("/mfa/recovery-codes/regenerate/", "{\"code\":\"000000\"}",
                    Http.token(key)).toString());
            Http.Response fresh = http.post("/mfa/recovery-codes/regenerate/", "{\"code\":\"" + app.code()
                    + "\"}", Http.token(key));
            assertEquals(200, fresh.status(), fresh.toString());
            assertEquals("400 " + WRONG_CODE, http.post("/mfa/totp/deactivate/", "{\"code\":\"000000\"}",
                    Http.token(key)).toString());
            String recoveryCode = fresh.json().getAsJsonArray("codes").get(0).getAsString();
            assertEquals(200, http.post("/mfa/totp/deactivate/", "{\"code\":\"" + recoveryCode + "\"}",
                    Http.token(key)).status());

            assertEquals(List.of("login ok password", "totp_activated ok", "recovery_codes_regenerated ok",
                    "totp_deactivated ok"), events(server, "dave"));
            assertNoCodeIn(server, recoveryCode);
        }
    }

    @Test
    void passkeysAddedAndRemovedAreRecordedWithTheirNames() {
        try (TestServer server = TestServer.builder().clock(clock).setting("passkeys_enabled", "true")
                .setting("passkey_rp_id", "localhost").setting("passkey_rp_name", "Test App")
                .setting("passkey_rp_origins", ORIGIN).start()) {
            Http http = server.http();
            server.createUser("erin", "erin@example.com", PASSWORD);
            String key = server.login("erin", PASSWORD);
            PasskeyBrowser laptop = new PasskeyBrowser(ORIGIN, new NoneAttestationAuthenticator());
            PasskeyBrowser phone = new PasskeyBrowser(ORIGIN, new NoneAttestationAuthenticator());
            long laptopId = register(http, key, laptop, "Laptop");
            long phoneId = register(http, key, phone, "Phone");
            assertEquals(204, http.delete("/passkeys/" + phoneId + "/", Http.token(key)).status());
            assertEquals(400, http.delete("/passkeys/" + laptopId + "/", Http.token(key)).status(),
                    "the last one needs a second factor");
            Http.Response begin = http.post("/passkeys/login/begin/", "{}");
            assertEquals(204, http.send("DELETE", "/passkeys/" + laptopId + "/", "application/json",
                    "{\"session_id\":\"" + begin.json().get("session_id").getAsString() + "\",\"credential\":"
                            + laptop.get(begin.body()) + "}", Http.token(key)).status());

            assertEquals(List.of("login ok password", "passkey_added ok Laptop", "passkey_added ok Phone",
                    "passkey_removed ok Phone", "passkey_removed ok Laptop"), events(server, "erin"));
        }
    }

    @Test
    void theLastPasskeyRemovedWithACodeIsRecorded() {
        try (TestServer server = TestServer.builder().clock(clock).setting("mfa_enabled", "true")
                .setting("passkeys_enabled", "true").setting("passkey_rp_id", "localhost")
                .setting("passkey_rp_name", "Test App").setting("passkey_rp_origins", ORIGIN).start()) {
            Http http = server.http();
            server.createUser("frank", "frank@example.com", PASSWORD);
            String key = server.login("frank", PASSWORD);
            long id = register(http, key, new PasskeyBrowser(ORIGIN, new NoneAttestationAuthenticator()), null);
            AuthenticatorApp app = AuthenticatorApp.activate(http, clock, Http.token(key));
            assertEquals(400, http.send("DELETE", "/passkeys/" + id + "/", "application/json",
                    "{\"code\":\"000000\"}", Http.token(key)).status());
            assertEquals(204, http.send("DELETE", "/passkeys/" + id + "/", "application/json",
                    "{\"code\":\"" + app.code() + "\"}", Http.token(key)).status());
            assertEquals(List.of("login ok password", "passkey_added ok Passkey", "totp_activated ok",
                    "passkey_removed ok Passkey"), events(server, "frank"));
        }
    }

    private static long register(Http http, String key, PasskeyBrowser browser, String name) {
        Http.Response begin = http.post("/passkeys/register/begin/", "{}", Http.token(key));
        JsonObject credential = browser.create(begin.body());
        Http.Response created = http.post("/passkeys/register/complete/", "{\"credential\":" + credential
                + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}", Http.token(key));
        assertEquals(201, created.status(), created.toString());
        return created.json().get("id").getAsLong();
    }

    private static String ephemeralToken(Http http, String username) {
        Http.Response login = http.post("/login/", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\"}");
        assertEquals(200, login.status(), login.toString());
        return login.json().get("ephemeral_token").getAsString();
    }

    private static Http.Response verify(Http http, String token, String code) {
        return http.post("/mfa/verify/", "{\"ephemeral_token\":\"" + token + "\",\"code\":\"" + code + "\"}");
    }

    /** The user's events, oldest first, as "event outcome" and the detail when there is one. */
    private static List<String> events(TestServer server, String username) {
        List<String> events = new ArrayList<>();
        for (SecurityEvent e : server.app().useCases().readAuditLog().run(username, Instant.EPOCH)) {
            events.add(e.event() + " " + e.outcome() + (e.detail().isEmpty() ? "" : " " + e.detail()));
        }
        return events;
    }

    private static void assertNoCodeIn(TestServer server, String code) {
        for (SecurityEvent e : server.app().useCases().readAuditLog().run(null, Instant.EPOCH)) {
            assertEquals(false, e.detail().contains(code) || e.detail().contains(code.replace("-", "")),
                    e.toString());
        }
    }
}
