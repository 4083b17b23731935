package dev.restauth.endpoint.passkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.PackedAuthenticator;

import dev.restauth.config.Settings;
import dev.restauth.config.SettingsException;
import dev.restauth.testing.AuthenticatorApp;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.PasskeyBrowser;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Passkeys over the wire, with webauthn4j's emulated authenticators and browser: registration ({@code none} and
 * {@code packed} attestation), login by username and usernameless, the list and its edits, and the refusals: a
 * cloned authenticator's counter, a foreign origin or RP id, a used challenge, junk of every shape (400, never 500).
 */
class PasskeyTest {
    static final String ORIGIN = "http://localhost:8000";
    static final String PASSWORD = "Tr0ub4dor&3x";
    static final String FAILED = "{\"non_field_errors\":[\"Authentication verification failed.\"]}";

    MutableClock clock;
    TestServer server;
    String key;
    PasskeyBrowser browser;

    static TestServer.Builder passkeyServer(MutableClock clock) {
        return TestServer.builder().clock(clock).setting("passkeys_enabled", "true")
                .setting("passkey_rp_id", "localhost").setting("passkey_rp_name", "Test App")
                .setting("passkey_rp_origins", ORIGIN);
    }

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        server = passkeyServer(clock).setting("mfa_enabled", "true").start();
        server.createUser("alice", "alice@example.com", PASSWORD);
        key = server.login("alice", PASSWORD);
        browser = new PasskeyBrowser(ORIGIN, new NoneAttestationAuthenticator());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theCreationOptionsAreThoseOfTheReference() {
        Http.Response begin = http().post("/passkeys/register/begin/", "{}", Http.token(key));
        assertEquals(200, begin.status());
        assertTrue(begin.body().matches("\\{\"rp\":\\{\"name\":\"Test App\",\"id\":\"localhost\"},\"user\":\\{\"id\":"
                + "\"MQ\",\"name\":\"alice\",\"displayName\":\"alice\"},\"challenge\":\"[A-Za-z0-9_-]{86}\","
                + "\"pubKeyCredParams\":\\[\\{\"type\":\"public-key\",\"alg\":-7},\\{\"type\":\"public-key\",\"alg\":-8},"
                + "\\{\"type\":\"public-key\",\"alg\":-36},\\{\"type\":\"public-key\",\"alg\":-37},\\{\"type\":"
                + "\"public-key\",\"alg\":-38},\\{\"type\":\"public-key\",\"alg\":-39},\\{\"type\":\"public-key\","
                + "\"alg\":-257},\\{\"type\":\"public-key\",\"alg\":-258},\\{\"type\":\"public-key\",\"alg\":-259}],"
                + "\"timeout\":300000,\"excludeCredentials\":\\[],\"authenticatorSelection\":\\{\"residentKey\":"
                + "\"preferred\",\"requireResidentKey\":false,\"userVerification\":\"required\"},"
                + "\"attestation\":\"none\"}"), begin.body());
    }

    @Test
    void aPasskeyWithNoneAttestationIsRegisteredAndListed() {
        Http.Response created = register(browser, "My Key");
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("credential_id").getAsString();
        assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
        assertEquals("{\"id\":1,\"name\":\"My Key\",\"credential_id\":\"" + id + "\",\"created_at\":"
                + "\"2026-03-02T10:00:00Z\",\"last_used_at\":null,\"transports\":[],\"discoverable\":true}",
                created.body());
        assertEquals("200 [" + created.body() + "]", http().get("/passkeys/", Http.token(key)).toString());
        assertEquals("200 " + created.body(), http().get("/passkeys/1/", Http.token(key)).toString());
        Http.Response again = http().post("/passkeys/register/begin/", "{}", Http.token(key));
        assertTrue(again.body().contains("\"excludeCredentials\":[{\"id\":\"" + id + "\",\"type\":\"public-key\"}]"),
                again.body());
    }

    @Test
    void aPasskeyWithPackedAttestationIsRegistered() {
        PasskeyBrowser packed = new PasskeyBrowser(ORIGIN, new PackedAuthenticator());
        Http.Response begin = http().post("/passkeys/register/begin/", "{}", Http.token(key));
        JsonObject credential = packed.create(begin.body(), options -> {
            options.addProperty("attestation", "direct"); // else the browser strips the statement to "none"
            return options;
        });
        assertTrue(credential.toString().contains("attestationObject"));
        assertEquals(201, complete(credential, null).status());
    }

    @Test
    void aNamedUserLogsInWithAPasskeyAndNoSecondFactorStep() {
        register(browser, null);
        AuthenticatorApp.activate(http(), clock, Http.token(key));
        Http.Response begin = http().post("/passkeys/login/begin/", "{\"username\":\"alice\"}");
        String credentialId = server.http().get("/passkeys/", Http.token(key)).jsonElement().getAsJsonArray().get(0)
                .getAsJsonObject().get("credential_id").getAsString();
        assertTrue(begin.body().matches("\\{\"challenge\":\"[A-Za-z0-9_-]{86}\",\"timeout\":300000,\"rpId\":"
                + "\"localhost\",\"allowCredentials\":\\[\\{\"id\":\"" + credentialId + "\",\"type\":\"public-key\"}],"
                + "\"userVerification\":\"required\",\"session_id\":\"[0-9a-f]{32}\"}"), begin.body());
        Http.Response login = loginComplete(browser.get(begin.body()), sessionId(begin));
        assertEquals("200 {\"key\":\"" + key + "\"}", login.toString());
        assertTrue(http().get("/passkeys/1/", Http.token(key)).body().contains("\"last_used_at\":\"2026-03-02T10:01:00Z\""));
    }

    @Test
    void aDiscoverablePasskeyLogsInWithoutAName() {
        register(browser, null);
        Http.Response begin = http().post("/passkeys/login/begin/", "{}");
        assertTrue(begin.body().contains("\"allowCredentials\":[]"), begin.body());
        assertEquals("200 {\"key\":\"" + key + "\"}", loginComplete(browser.get(begin.body()), sessionId(begin))
                .toString());
    }

    @Test
    void anUnknownNameGetsTheSameShapeOfAnswerAsAKnownOne() {
        server.createUser("bob", "bob@example.com", PASSWORD);
        String unknown = http().post("/passkeys/login/begin/", "{\"username\":\"nobody\"}").body();
        String noPasskeys = http().post("/passkeys/login/begin/", "{\"email\":\"bob@example.com\"}").body();
        for (String body : new String[] {unknown, noPasskeys}) {
            assertTrue(body.matches(".*\"allowCredentials\":\\[\\{\"id\":\"[A-Za-z0-9_-]{43}\",\"type\":"
                    + "\"public-key\"}].*"), body);
        }
        String again = http().post("/passkeys/login/begin/", "{\"username\":\"NOBODY\"}").body();
        assertEquals(allowed(unknown), allowed(again));
        assertEquals("400 {\"email\":[\"Enter a valid email address.\"]}",
                http().post("/passkeys/login/begin/", "{\"email\":\"nope\"}").toString());
    }

    @Test
    void aClonedAuthenticatorsRepeatedCounterIsRefused() {
        register(browser, null);
        Http.Response first = http().post("/passkeys/login/begin/", "{}");
        assertEquals(200, loginComplete(browser.get(first.body()), sessionId(first)).status());
        browser.authenticator().setCountUpEnabled(false);
        Http.Response second = http().post("/passkeys/login/begin/", "{}");
        assertEquals("400 " + FAILED, loginComplete(browser.get(second.body()), sessionId(second)).toString());
    }

    @Test
    void anAssertionFromAnotherOriginOrForAnotherRelyingPartyIsRefused() {
        register(browser, null);
        Http.Response begin = http().post("/passkeys/login/begin/", "{}");
        browser.origin("https://evil.example");
        assertEquals("400 " + FAILED, loginComplete(browser.get(begin.body()), sessionId(begin)).toString());
        browser.origin(ORIGIN);
        // a node of another site on the same database: its challenge, signed by an authenticator for this site
        try (TestServer otherSite = TestServer.builder().clock(clock)
                .setting("database_url", server.app().settings().get(Settings.DATABASE_URL))
                .setting("passkeys_enabled", "true").setting("passkey_rp_id", "other.example")
                .setting("passkey_rp_name", "Other").setting("passkey_rp_origins", ORIGIN).start()) {
            Http.Response other = otherSite.http().post("/passkeys/login/begin/", "{}");
            assertTrue(other.body().contains("\"rpId\":\"other.example\""), other.body());
            JsonObject signed = browser.get(other.body(), options -> {
                options.addProperty("rpId", "localhost");
                return options;
            });
            clock.advance(Duration.ofSeconds(30));
            assertEquals("400 " + FAILED, otherSite.http().post("/passkeys/login/complete/", "{\"credential\":"
                    + signed + ",\"session_id\":\"" + sessionId(other) + "\"}").toString());
        }
    }

    @Test
    void aRegistrationFromAnotherOriginOrForAnotherRelyingPartyIsRefused() {
        PasskeyBrowser phished = new PasskeyBrowser("https://evil.example", new NoneAttestationAuthenticator());
        assertEquals("400 {\"non_field_errors\":[\"Registration verification failed.\"]}",
                register(phished, null).toString());
        Http.Response begin = http().post("/passkeys/register/begin/", "{}", Http.token(key));
        JsonObject forged = browser.create(begin.body(), options -> {
            options.getAsJsonObject("rp").addProperty("id", "evil.example");
            return options;
        });
        assertEquals("400 {\"non_field_errors\":[\"Registration verification failed.\"]}",
                complete(forged, null).toString());
    }

    @Test
    void aChallengeIsUsedOnce() {
        register(browser, null);
        Http.Response begin = http().post("/passkeys/login/begin/", "{}");
        JsonObject assertion = browser.get(begin.body());
        assertEquals(200, loginComplete(assertion, sessionId(begin)).status());
        assertEquals("400 {\"non_field_errors\":[\"Authentication challenge has expired. Please start over.\"]}",
                loginComplete(assertion, sessionId(begin)).toString());
        Http.Response late = http().post("/passkeys/login/begin/", "{}");
        clock.advance(Duration.ofSeconds(300));
        assertEquals("400 {\"non_field_errors\":[\"Authentication challenge has expired. Please start over.\"]}",
                loginComplete(browser.get(late.body()), sessionId(late)).toString());
        Http.Response registration = http().post("/passkeys/register/begin/", "{}", Http.token(key));
        JsonObject created = new PasskeyBrowser(ORIGIN, new NoneAttestationAuthenticator()).create(registration.body());
        assertEquals(201, complete(created, null).status());
        assertEquals("400 {\"non_field_errors\":[\"Registration challenge has expired. Please start over.\"]}",
                complete(created, null).toString());
    }

    @Test
    void junkIsAnsweredWithTheReferencesSentencesNeverA500() {
        String[] registrations = {"5", "\"x\"", "{}", "{\"id\":\"x\"}", "{\"response\":{}}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"!!\","
                        + "\"attestationObject\":\"oA\"}}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":"
                        + "\"e30\",\"attestationObject\":\"e30\"},\"clientExtensionResults\":[]}"};
        for (String junk : registrations) {
            assertEquals("400 {\"non_field_errors\":[\"Registration verification failed.\"]}",
                    http().post("/passkeys/register/complete/", "{\"credential\":" + junk + "}", Http.token(key))
                            .toString(), junk);
        }
        assertEquals("400 {\"credential\":[\"This field is required.\"]}",
                http().post("/passkeys/register/complete/", "{}", Http.token(key)).toString());
        String[] assertions = {"5", "{}", "{\"id\":\"x\"}", "{\"id\":\"x\",\"response\":{}}",
                "{\"id\":\"!!\",\"rawId\":\"!!\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\","
                        + "\"authenticatorData\":\"AA\",\"signature\":\"AA\"}}"};
        for (String junk : assertions) {
            Http.Response begin = http().post("/passkeys/login/begin/", "{}");
            assertEquals("400 {\"non_field_errors\":[\"Invalid credential format.\"]}",
                    loginComplete(junk, sessionId(begin)).toString(), junk);
        }
        assertEquals("400 {\"credential\":[\"This field is required.\"],\"session_id\":[\"This value does not match "
                + "the required pattern.\"]}", http().post("/passkeys/login/complete/", "{\"session_id\":\"X\"}")
                .toString());
    }

    @Test
    void anUnknownCredentialIsNotFound() {
        register(browser, null);
        Http.Response other = http().post("/passkeys/login/begin/", "{}");
        JsonObject unknown = browser.get(other.body());
        unknown.addProperty("id", "AAAAAAAAAAAAAAAAAAAAAA");
        unknown.addProperty("rawId", "AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals("400 {\"non_field_errors\":[\"Credential not found.\"]}",
                loginComplete(unknown, sessionId(other)).toString());
    }

    @Test
    void aLoginBegunForOneUserCannotBeFinishedByAnothersPasskey() {
        register(browser, null);
        server.createUser("bob", "bob@example.com", PASSWORD);
        Http.Response begin = http().post("/passkeys/login/begin/", "{\"username\":\"bob\"}");
        JsonObject assertion = browser.get(begin.body(), options -> {
            options.add("allowCredentials", new com.google.gson.JsonArray());
            return options;
        });
        assertEquals("400 {\"non_field_errors\":[\"Credential not found.\"]}",
                loginComplete(assertion, sessionId(begin)).toString());
    }

    @Test
    void anInactiveUsersPasskeyDoesNotLogIn() {
        register(browser, null);
        server.app().useCases().deactivateUser().run(1);
        Http.Response begin = http().post("/passkeys/login/begin/", "{}");
        assertEquals("400 {\"non_field_errors\":[\"User account is disabled.\"]}",
                loginComplete(browser.get(begin.body()), sessionId(begin)).toString());
    }

    @Test
    void aPasskeyIsRenamedAndOthersOrUnknownOnesAreNotFound() {
        register(browser, null);
        assertEquals("200 {\"name\":\"Laptop\"}",
                http().patch("/passkeys/1/", "{\"name\":\"Laptop\"}", Http.token(key)).toString());
        assertEquals("200 {\"name\":\"Phone\"}",
                http().put("/passkeys/1/", "{\"name\":\"Phone\"}", Http.token(key)).toString());
        assertEquals("400 {\"name\":[\"This field may not be blank.\"]}",
                http().patch("/passkeys/1/", "{\"name\":\" \"}", Http.token(key)).toString());
        assertEquals("400 {\"name\":[\"Ensure this field has no more than 255 characters.\"]}",
                http().patch("/passkeys/1/", "{\"name\":\"" + "x".repeat(256) + "\"}", Http.token(key)).toString());
        server.createUser("bob", "bob@example.com", PASSWORD);
        String bob = server.login("bob", PASSWORD);
        String missing = "404 {\"detail\":\"No WebAuthnCredential matches the given query.\"}";
        assertEquals(missing, http().get("/passkeys/1/", Http.token(bob)).toString());
        assertEquals(missing, http().patch("/passkeys/1/", "{\"name\":\"Mine\"}", Http.token(bob)).toString());
        assertEquals(missing, http().delete("/passkeys/1/", Http.token(bob)).toString());
        assertEquals("404 {\"detail\":\"Not found.\"}", http().get("/passkeys/abc/", Http.token(key)).toString());
        assertEquals("200 []", http().get("/passkeys/", Http.token(bob)).toString());
    }

    @Test
    void oneOfSeveralPasskeysIsRemovedAtOnceTheLastOnlyWithASecondFactor() {
        register(browser, null);
        PasskeyBrowser second = new PasskeyBrowser(ORIGIN, new NoneAttestationAuthenticator());
        register(second, null);
        assertEquals(204, http().delete("/passkeys/2/", Http.token(key)).status());
        assertEquals("400 {\"non_field_errors\":[\"Removing your last passkey needs a current second factor: a code, "
                + "or a passkey assertion (session_id and credential).\"]}",
                http().delete("/passkeys/1/", Http.token(key)).toString());
        Http.Response begin = http().post("/passkeys/login/begin/", "{}");
        JsonObject assertion = browser.get(begin.body());
        assertEquals(204, http().send("DELETE", "/passkeys/1/", "application/json", "{\"session_id\":\""
                + sessionId(begin) + "\",\"credential\":" + assertion + "}", Http.token(key)).status());
        assertEquals("200 []", http().get("/passkeys/", Http.token(key)).toString());
    }

    @Test
    void theLastPasskeyGoesWithATotpCode() {
        register(browser, null);
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        assertEquals("400 {\"code\":[\"Invalid code.\"]}", http().send("DELETE", "/passkeys/1/", "application/json",
                "{\"code\":\"000000\"}", Http.token(key)).toString());
        assertEquals(204, http().send("DELETE", "/passkeys/1/", "application/json",
                "{\"code\":\"" + app.code() + "\"}", Http.token(key)).status());
    }

    @Test
    void passkeysNeedTheirRelyingPartyNamedToStart() {
        for (Map.Entry<String, String> missing : Map.of("passkey_rp_id", "'passkey_rp_id'", "passkey_rp_name",
                "'passkey_rp_name'", "passkey_rp_origins", "'passkey_rp_origins'").entrySet()) {
            Settings.Builder builder = Settings.builder().set("passkeys_enabled", "true")
                    .set("passkey_rp_id", "example.com").set("passkey_rp_name", "Example")
                    .set("passkey_rp_origins", "https://example.com");
            builder.set(missing.getKey(), null);
            SettingsException e = assertThrows(SettingsException.class, builder::build);
            assertTrue(e.getMessage().startsWith("setting " + missing.getValue() + " is required when "
                    + "passkeys_enabled is on"), e.getMessage());
        }
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.builder()
                .set("passkey_rp_origins", "example.com").build());
        assertEquals("setting 'passkey_rp_origins': 'example.com' is not valid: 'example.com' is not an origin like "
                + "https://example.com", e.getMessage());
    }

    private Http http() {
        return server.http();
    }

    @Test
    void aPasskeyLoginEndsTheSessionTheBrowserHeld() {
        register(browser, null);
        server.createUser("bob", "bob@example.com", PASSWORD);
        Http.Response bob = http().post("/login/", "{\"username\":\"bob\",\"password\":\"" + PASSWORD + "\"}");
        String bobSession = bob.cookie("sessionid");
        String csrf = bob.cookie("csrftoken");
        String[] bobsBrowser = {"Cookie", "csrftoken=" + csrf + "; sessionid=" + bobSession, "X-CSRFToken", csrf};
        Http.Response begin = http().post("/passkeys/login/begin/", "{}", bobsBrowser);

        clock.advance(Duration.ofSeconds(30));
        Http.Response login = http().post("/passkeys/login/complete/", "{\"credential\":"
                + browser.get(begin.body()) + ",\"session_id\":\"" + sessionId(begin) + "\"}", bobsBrowser);

        assertEquals(200, login.status(), login.toString());
        assertEquals(401, http().get("/user/", "Cookie", "sessionid=" + bobSession).status(), "bob's session ended");
        assertEquals("alice", http().get("/user/", "Cookie", "sessionid=" + login.cookie("sessionid")).json()
                .get("username").getAsString());
    }

    private Http.Response register(PasskeyBrowser who, String name) {
        Http.Response begin = http().post("/passkeys/register/begin/", "{}", Http.token(key));
        assertEquals(200, begin.status(), begin.toString());
        return complete(who.create(begin.body()), name);
    }

    private Http.Response complete(JsonObject credential, String name) {
        return http().post("/passkeys/register/complete/", "{\"credential\":" + credential
                + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}", Http.token(key));
    }

    private Http.Response loginComplete(Object credential, String sessionId) {
        clock.advance(Duration.ofSeconds(30));
        return http().post("/passkeys/login/complete/", "{\"credential\":" + credential + ",\"session_id\":\""
                + sessionId + "\"}");
    }

    private static String sessionId(Http.Response begin) {
        return begin.json().get("session_id").getAsString();
    }

    private static String allowed(String body) {
        return body.substring(body.indexOf("\"allowCredentials\""), body.indexOf("\"userVerification\""));
    }
}
