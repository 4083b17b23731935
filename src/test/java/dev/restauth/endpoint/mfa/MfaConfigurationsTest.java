package dev.restauth.endpoint.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;

import dev.restauth.testing.AuthenticatorApp;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.OidcServer;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two-factor login in the other configurations a login answers in (session cookies, JWT mode), and the rules
 * around it: codes rate-limited per user across IPs, a password reset that does not bypass the second factor, and
 * social login gated only with {@code mfa_required_for_social}.
 */
class MfaConfigurationsTest {
    private static final String PASSWORD = MfaLoginTest.PASSWORD;
    private static final String CREDENTIALS = "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void withSessionLoginTheSecondStepOpensTheSessionAndTheFirstOpensNothing() {
        try (TestServer server = TestServer.builder().clock(clock).setting("mfa_enabled", "true")
                .setting("authentication_classes", "session").start()) {
            server.createUser("alice", "alice@example.com", PASSWORD);
            Http.Response first = server.http().post("/login/", CREDENTIALS);
            String cookies = "sessionid=" + first.cookie("sessionid") + "; csrftoken=" + first.cookie("csrftoken");
            AuthenticatorApp app = AuthenticatorApp.activate(server.http(), clock, "Cookie", cookies, "X-CSRFToken",
                    first.cookie("csrftoken"));
            Http.Response login = server.http().post("/login/", CREDENTIALS);
            assertEquals(List.of(), login.setCookies());
            Http.Response verified = verify(server, login.json().get("ephemeral_token").getAsString(), app.code());
            assertEquals(200, verified.status(), verified.toString());
            assertNotNull(verified.cookie("sessionid"), verified.setCookies().toString());
            assertNotNull(verified.cookie("csrftoken"), verified.setCookies().toString());
            assertEquals(200, server.http().get("/user/", "Cookie", "sessionid=" + verified.cookie("sessionid"))
                    .status());
        }
    }

    @Test
    void inJwtModeTheSecondStepAnswersTheJwtPairAndItsCookies() {
        try (TestServer server = TestServer.builder().clock(clock).setting("mfa_enabled", "true")
                .setting("use_jwt", "true").setting("authentication_classes", "jwt")
                .setting("session_login", "false").setting("jwt_auth_cookie", "jwt-auth")
                .setting("jwt_auth_refresh_cookie", "jwt-refresh").start()) {
            server.createUser("alice", "alice@example.com", PASSWORD);
            String access = server.http().post("/login/", CREDENTIALS).json().get("access").getAsString();
            AuthenticatorApp app = AuthenticatorApp.activate(server.http(), clock, "Authorization",
                    "Bearer " + access);
            Http.Response login = server.http().post("/login/", CREDENTIALS);
            assertTrue(login.body().matches("\\{\"ephemeral_token\":\"[A-Za-z0-9]{43}\",\"mfa_required\":true}"),
                    login.body());
            assertEquals(List.of(), login.setCookies());
            Http.Response verified = verify(server, login.json().get("ephemeral_token").getAsString(), app.code());
            assertTrue(verified.body().matches("\\{\"access\":\"[\\w-]+\\.[\\w-]+\\.[\\w-]+\",\"refresh\":\"\","
                    + "\"user\":\\{\"pk\":1,\"username\":\"alice\",\"email\":\"alice@example.com\",\"first_name\":\"\","
                    + "\"last_name\":\"\"}}"), verified.body());
            assertNotNull(verified.cookie("jwt-auth"), verified.setCookies().toString());
            assertNotNull(verified.cookie("jwt-refresh"), verified.setCookies().toString());
            assertEquals(200, server.http().get("/user/", "Authorization", "Bearer "
                    + verified.json().get("access").getAsString()).status());
        }
    }

    @Test
    void wrongCodesAreCountedPerUserAcrossAddresses() {
        try (TestServer server = TestServer.builder().clock(clock).setting("mfa_enabled", "true")
                .setting("throttle_enabled", "true").setting("trusted_proxies", "1")
                .setting("throttle_mfa_failed", "3/h").start()) {
            server.createUser("alice", "alice@example.com", PASSWORD);
            String key = server.login("alice", PASSWORD);
            AuthenticatorApp app = AuthenticatorApp.activate(server.http(), clock, Http.token(key));
            String token = server.http().post("/login/", CREDENTIALS).json().get("ephemeral_token").getAsString();
            for (int i = 1; i <= 3; i++) {
                assertEquals("400 {\"code\":[\"Invalid code.\"]}",
                        verify(server, token, "000000", "X-Forwarded-For", "203.0.113." + i).toString());
            }
            Http.Response locked = verify(server, token, app.code(), "X-Forwarded-For", "198.51.100.7");
            assertEquals(429, locked.status(), locked.toString());
            assertEquals("3600", locked.header("Retry-After"));
            assertEquals(429, server.http().post("/mfa/totp/deactivate/", "{\"code\":\"" + app.code() + "\"}",
                    Http.token(key)).status(), "deactivation counts on the same per-user counter");
            clock.advance(Duration.ofHours(1));
            String fresh = server.http().post("/login/", CREDENTIALS).json().get("ephemeral_token").getAsString();
            assertEquals(200, verify(server, fresh, app.code()).status());
        }
    }

    @Test
    void aPasswordResetDoesNotBypassTheSecondFactor() {
        try (Smtp smtp = Smtp.start(); TestServer server = TestServer.builder().clock(clock)
                .setting("mfa_enabled", "true").mailTo(smtp.port()).start()) {
            server.createUser("alice", "alice@example.com", PASSWORD);
            String key = server.login("alice", PASSWORD);
            AuthenticatorApp.activate(server.http(), clock, Http.token(key));
            assertEquals(200, server.http().post("/password/reset/", "{\"email\":\"alice@example.com\"}").status());
            server.app().outboxSender().deliverDue();
            Matcher link = Pattern.compile("/password-reset/confirm/([0-9a-z]+)/([0-9a-z]+-[0-9a-f]{32})/")
                    .matcher(Smtp.text(smtp.messages().get(0)));
            assertTrue(link.find());
            String newPassword = "R3set-N3w-Tr0ub4dor&3x";
            assertEquals(200, server.http().post("/password/reset/confirm/", "{\"uid\":\"" + link.group(1)
                    + "\",\"token\":\"" + link.group(2) + "\",\"new_password1\":\"" + newPassword
                    + "\",\"new_password2\":\"" + newPassword + "\"}").status());
            Http.Response login = server.http().post("/login/", "{\"username\":\"alice\",\"password\":\""
                    + newPassword + "\"}");
            assertTrue(login.body().matches("\\{\"ephemeral_token\":\"[A-Za-z0-9]{43}\",\"mfa_required\":true}"),
                    login.body());
        }
    }

    @Test
    void socialLoginAsksForTheSecondFactorOnlyWhenConfiguredTo() {
        try (OidcServer oidc = OidcServer.start()) {
            for (boolean required : new boolean[] {false, true}) {
                try (TestServer server = TestServer.builder().clock(clock).setting("mfa_enabled", "true")
                        .setting("mfa_required_for_social", Boolean.toString(required))
                        .setting("social_providers", "keycloak")
                        .setting("social.keycloak.client_id", "restauth-client")
                        .setting("social.keycloak.issuer", oidc.issuer()).start()) {
                    SignedJWT id = oidc.idToken(OidcServer.ISSUER_ID, "kim-" + required, List.of("restauth-client"),
                            Map.of("email", "kim-" + required + "@idp.example.com", "email_verified", true), 3600);
                    String body = "{\"id_token\":\"" + id.serialize() + "\"}";
                    String key = server.http().post("/keycloak/", body).json().get("key").getAsString();
                    AuthenticatorApp app = AuthenticatorApp.activate(server.http(), clock, Http.token(key));
                    Http.Response again = server.http().post("/keycloak/", body);
                    if (!required) {
                        assertEquals("200 {\"key\":\"" + key + "\"}", again.toString());
                        continue;
                    }
                    String token = again.json().get("ephemeral_token").getAsString();
                    assertEquals("200 {\"key\":\"" + key + "\"}", verify(server, token, app.code()).toString());
                }
            }
        }
    }

    private static Http.Response verify(TestServer server, String token, String code, String... headers) {
        return server.http().post("/mfa/verify/", "{\"ephemeral_token\":\"" + token + "\",\"code\":\"" + code
                + "\"}", headers);
    }
}
