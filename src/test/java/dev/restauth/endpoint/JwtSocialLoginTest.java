package dev.restauth.endpoint;

import static dev.restauth.endpoint.JwtWire.ACCESS_EXPIRATION;
import static dev.restauth.endpoint.JwtWire.ALLOW_POST;
import static dev.restauth.endpoint.JwtWire.IAT;
import static dev.restauth.endpoint.JwtWire.PASSWORD;
import static dev.restauth.endpoint.JwtWire.REFRESH_EXPIRATION;
import static dev.restauth.endpoint.JwtWire.accessCookie;
import static dev.restauth.endpoint.JwtWire.assertAnswer;
import static dev.restauth.endpoint.JwtWire.assertToken;
import static dev.restauth.endpoint.JwtWire.bearer;
import static dev.restauth.endpoint.JwtWire.refreshCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.OidcServer;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Social login and connect in JWT mode, against a real OpenID Connect provider: both answer as login does
 * (dj-rest-auth's {@code SocialLoginView} and {@code SocialConnectView} extend {@code LoginView}), with the JWT body
 * and cookies.
 */
class JwtSocialLoginTest {
    private static final String CLIENT_ID = "restauth-client";

    private static OidcServer oidc;
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        oidc = OidcServer.start();
        server = JwtWire.reference(true, new MutableClock(JwtWire.RECORDED))
                .setting("social_providers", "keycloak")
                .setting("social.keycloak.client_id", CLIENT_ID)
                .setting("social.keycloak.secret", "restauth-secret")
                .setting("social.keycloak.issuer", oidc.issuer())
                .setting("social.keycloak.callback_url", "http://127.0.0.1:3000/callback")
                .customize(builder -> builder.backgroundWork(false))
                .start();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
        oidc.close();
    }

    @Test
    void aSocialLoginAnswersTheJwtBodyAndCookies() {
        String idToken = oidc.idToken(OidcServer.ISSUER_ID, "jwt-social", List.of(CLIENT_ID),
                Map.of("email", "jwt-social@idp.example.com", "email_verified", true), 3600).serialize();
        Http.Response response = http.post("/keycloak/", "{\"id_token\": \"" + idToken + "\"}");
        assertEquals(200, response.status(), response::toString);
        String access = response.json().get("access").getAsString();
        String refresh = response.cookie("jwt-refresh");
        long pk = response.json().getAsJsonObject("user").get("pk").getAsLong();
        assertAnswer(response, 200, "{\"access\":\"" + access + "\",\"refresh\":\"\",\"user\":"
                + response.json().getAsJsonObject("user") + ",\"access_expiration\":\"" + ACCESS_EXPIRATION
                + "\",\"refresh_expiration\":\"" + REFRESH_EXPIRATION + "\"}", "Accept", ALLOW_POST, null);
        assertEquals(List.of(accessCookie(access, true), refreshCookie(refresh, true)), response.setCookies());
        assertToken(access, "access", IAT + 300, IAT, pk);
        assertEquals(200, http.get("/user/", bearer(access)).status());
    }

    @Test
    void connectingAnAccountAnswersAsALogin() {
        server.createUser("carol", "carol@example.com", PASSWORD);
        Http.Response login = http.post("/login/", "{\"username\": \"carol\", \"password\": \"" + PASSWORD + "\"}");
        String idToken = oidc.idToken(OidcServer.ISSUER_ID, "jwt-connect", List.of(CLIENT_ID),
                Map.of("email", "carol@idp.example.com"), 3600).serialize();
        Http.Response response = http.post("/keycloak/connect/", "{\"id_token\": \"" + idToken + "\"}",
                bearer(login.json().get("access").getAsString()));
        assertEquals(200, response.status(), response::toString);
        assertEquals("carol", response.json().getAsJsonObject("user").get("username").getAsString());
        assertEquals("", response.json().get("refresh").getAsString());
        assertEquals(2, response.setCookies().size());
    }
}
