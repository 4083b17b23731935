package dev.restauth.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.OidcServer;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Social login goes through the same throttle as password login: refused tokens count as failed attempts per
 * (client, provider), a good token clears them, and a provider that cannot be reached counts nothing, since nothing
 * was learnt about the token.
 */
class SocialThrottleTest {
    private static final String CLIENT_ID = "restauth-client";
    private static final String INCORRECT_VALUE = "400 {\"non_field_errors\":[\"Incorrect value\"]}";

    OidcServer oidc;
    MutableClock clock;
    TestServer server;
    Http http;

    @BeforeEach
    void start() {
        oidc = OidcServer.start();
        clock = MutableClock.startingNow();
        server = TestServer.builder()
                .clock(clock)
                .setting("throttle_enabled", "true")
                .setting("throttle_login_failed", "2/5m")
                .setting("social_providers", "keycloak,down")
                .setting("social.keycloak.client_id", CLIENT_ID)
                .setting("social.keycloak.secret", "restauth-secret")
                .setting("social.keycloak.issuer", oidc.issuer())
                .setting("social.down.client_id", CLIENT_ID)
                .setting("social.down.secret", "restauth-secret")
                .setting("social.down.issuer", "http://127.0.0.1:" + Smtp.closedPort() + "/nowhere")
                .start();
        http = server.http();
    }

    @AfterEach
    void stop() {
        server.close();
        oidc.close();
    }

    @Test
    void refusedTokensAreThrottledLikeWrongPasswordsAndTheLimitEndsByItself() {
        assertEquals(INCORRECT_VALUE, login("keycloak", "not-a-token").toString());
        assertEquals(INCORRECT_VALUE, login("keycloak", "still-not-a-token").toString());
        Http.Response refused = login("keycloak", goodToken("grace"));
        assertEquals(429, refused.status(), refused.body());
        assertEquals("{\"detail\":\"Request was throttled. Expected available in 300 seconds.\"}", refused.body());
        assertEquals("300", refused.header("Retry-After"));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(200, login("keycloak", goodToken("grace")).status());
    }

    @Test
    void aGoodTokenClearsTheFailuresBeforeIt() {
        assertEquals(INCORRECT_VALUE, login("keycloak", "not-a-token").toString());
        assertEquals(200, login("keycloak", goodToken("ada")).status());
        assertEquals(INCORRECT_VALUE, login("keycloak", "not-a-token").toString());
        assertEquals(INCORRECT_VALUE, login("keycloak", "not-a-token").toString());
    }

    @Test
    void aProviderThatCannotBeReachedCountsNoFailure() {
        // Twice the limit: a counted failure would turn the third answer into a 429.
        for (int i = 0; i < 4; i++) {
            assertEquals(502, login("down", goodToken("ada")).status());
        }
    }

    private Http.Response login(String provider, String idToken) {
        return http.post("/" + provider + "/", "{\"id_token\": \"" + idToken + "\"}");
    }

    private String goodToken(String subject) {
        return oidc.idToken(OidcServer.ISSUER_ID, subject, List.of(CLIENT_ID),
                Map.of("email", subject + "@idp.example.com", "email_verified", true), 3600).serialize();
    }
}
