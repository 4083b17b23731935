package dev.restauth.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;

import dev.restauth.auth.crypto.Base32;
import dev.restauth.auth.crypto.Totp;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.PasskeyBrowser;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

/**
 * Second factors and passkeys on two nodes sharing one database: every ceremony begun on one node is finished on the
 * other (a TOTP activation, a two-factor login, a passkey registration and a passkey login), and a code used on one
 * is refused on the other.
 */
class MfaTwoNodesTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String ORIGIN = "http://localhost:8000";
    private static final String CREDENTIALS = "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB", "H2_SERVER"})
    void eitherNodeFinishesWhatTheOtherBegan(TestDatabase.Kind kind) {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        try (TestDatabase database = TestDatabase.create(kind);
             TestServer a = node(database, clock);
             TestServer b = node(database, clock)) {
            a.createUser("alice", "alice@example.com", PASSWORD);
            String key = a.login("alice", PASSWORD);
            Totp totp = new Totp(Totp.Algorithm.SHA1, 6, 30);

            JsonObject proposal = a.http().get("/mfa/totp/activate/", Http.token(key)).json();
            byte[] secret = Base32.decode(proposal.get("secret").getAsString());
            assertEquals(200, b.http().post("/mfa/totp/activate/", "{\"activation_token\":\""
                    + proposal.get("activation_token").getAsString() + "\",\"code\":\""
                    + totp.code(secret, totp.step(clock.instant())) + "\"}", Http.token(key)).status());

            clock.advance(Duration.ofSeconds(30));
            String code = totp.code(secret, totp.step(clock.instant()));
            String token = a.http().post("/login/", CREDENTIALS).json().get("ephemeral_token").getAsString();
            assertEquals("200 {\"key\":\"" + key + "\"}", verify(b, token, code).toString());
            String second = b.http().post("/login/", CREDENTIALS).json().get("ephemeral_token").getAsString();
            assertEquals("400 {\"code\":[\"Invalid code.\"]}", verify(a, second, code).toString());

            PasskeyBrowser browser = new PasskeyBrowser(ORIGIN, new NoneAttestationAuthenticator());
            String options = a.http().post("/passkeys/register/begin/", "{}", Http.token(key)).body();
            Http.Response created = b.http().post("/passkeys/register/complete/", "{\"credential\":"
                    + browser.create(options) + "}", Http.token(key));
            assertEquals(201, created.status(), created.toString());

            Http.Response begin = b.http().post("/passkeys/login/begin/", "{\"email\":\"alice@example.com\"}");
            Http.Response login = a.http().post("/passkeys/login/complete/", "{\"credential\":"
                    + browser.get(begin.body()) + ",\"session_id\":\"" + begin.json().get("session_id").getAsString()
                    + "\"}");
            assertEquals("200 {\"key\":\"" + key + "\"}", login.toString());
            assertTrue(a.http().get("/passkeys/", Http.token(key)).body().contains("\"last_used_at\":\"2026-03-02"));
        }
    }

    private static TestServer node(TestDatabase database, MutableClock clock) {
        return TestServer.builder().clock(clock)
                .setting("database_url", database.jdbcUrl())
                .setting("database_user", database.user())
                .setting("mfa_enabled", "true")
                .setting("passkeys_enabled", "true")
                .setting("passkey_rp_id", "localhost")
                .setting("passkey_rp_name", "Test App")
                .setting("passkey_rp_origins", ORIGIN)
                .start();
    }

    private static Http.Response verify(TestServer node, String token, String code) {
        return node.http().post("/mfa/verify/", "{\"ephemeral_token\":\"" + token + "\",\"code\":\"" + code + "\"}");
    }
}
