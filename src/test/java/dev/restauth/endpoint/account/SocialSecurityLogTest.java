package dev.restauth.endpoint.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.SignedJWT;

import dev.restauth.testing.Http;
import dev.restauth.testing.OidcServer;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The security log of social accounts: connected, logged in through, disconnected; a refused connect leaves nothing. */
class SocialSecurityLogTest {
    private static final String CLIENT_ID = "restauth-client";
    private static final String PASSWORD = SecurityLogEndpointTest.PASSWORD;

    @Test
    void connectLoginAndDisconnectAreRecordedWithTheProvider() {
        try (OidcServer oidc = OidcServer.start();
             TestServer server = TestServer.builder()
                     .setting("social_providers", "keycloak")
                     .setting("social.keycloak.client_id", CLIENT_ID)
                     .setting("social.keycloak.secret", "restauth-secret")
                     .setting("social.keycloak.issuer", oidc.issuer())
                     .start()) {
            Http http = server.http();
            server.createUser("alice", "alice@example.com", PASSWORD);
            server.createUser("bob", "bob@example.com", PASSWORD);
            String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
            String bob = SecurityLogEndpointTest.login(http, "bob", PASSWORD);
            SignedJWT token = oidc.idToken(OidcServer.ISSUER_ID, "alice-at-keycloak", List.of(CLIENT_ID), Map.of(),
                    3600);
            String body = "{\"id_token\": \"" + token.serialize() + "\"}";
            assertEquals(200, http.post("/keycloak/connect/", body, Http.token(key)).status());
            assertEquals(400, http.post("/keycloak/connect/", body, Http.token(bob)).status(), "someone else's");
            assertEquals(200, http.post("/keycloak/", body).status());
            long id = http.get("/socialaccounts/", Http.token(key)).jsonElement().getAsJsonArray().get(0)
                    .getAsJsonObject().get("id").getAsLong();
            assertEquals(200, http.post("/socialaccounts/" + id + "/disconnect/", "{}", Http.token(key)).status());

            List<SecurityEventLine> lines = server.app().useCases().readAuditLog().run(null, java.time.Instant.EPOCH)
                    .stream().map(e -> new SecurityEventLine(e.username(), e.event(), e.detail())).toList();
            assertEquals(List.of(
                    new SecurityEventLine("alice", "login", "password"),
                    new SecurityEventLine("bob", "login", "password"),
                    new SecurityEventLine("alice", "social_connect", "keycloak"),
                    new SecurityEventLine("alice", "login", "keycloak"),
                    new SecurityEventLine("alice", "social_disconnect", "keycloak")), lines);
        }
    }

    private record SecurityEventLine(String username, String event, String detail) {
    }
}
