package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.FakeGraph;
import dev.restauth.testing.OidcServer;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;

/**
 * A provider that is down or hangs: the login answers a JSON 502 or 504 once the configured timeouts have passed,
 * and the request thread is free again; nothing is created.
 */
class SocialProviderOutageTest {
    private static final String UNREACHABLE =
            "{\"detail\":\"The login provider could not be reached. Try again later.\"}";
    private static final String TIMED_OUT =
            "{\"detail\":\"The login provider did not answer in time. Try again later.\"}";

    @Test
    void anOpenIdConnectProviderThatRefusesConnectionsIsA502() {
        String issuer = "http://127.0.0.1:" + Smtp.closedPort() + "/default";
        try (TestServer server = TestServer.builder()
                .setting("social_providers", "keycloak")
                .setting("social.keycloak.client_id", "restauth-client")
                .setting("social.keycloak.issuer", issuer)
                .start()) {
            assertAnswerWithoutCookies(server.http().post("/keycloak/", "{\"id_token\": \"a.b.c\"}"), 502,
                    UNREACHABLE, VARY_COOKIE, ALLOW_POST);
            // Answered from memory for a while, without another attempt.
            assertAnswerWithoutCookies(server.http().post("/keycloak/", "{\"id_token\": \"a.b.c\"}"), 502,
                    UNREACHABLE, VARY_COOKIE, ALLOW_POST);
        }
    }

    @Test
    void metadataOfAnotherIssuerAreNotUsed() {
        try (OidcServer oidc = OidcServer.start();
             TestServer server = TestServer.builder()
                     .setting("social_providers", "keycloak")
                     .setting("social.keycloak.client_id", "restauth-client")
                     .setting("social.keycloak.issuer", oidc.issuer("impostor"))
                     .setting("social.keycloak.discovery_url", oidc.issuer() + "/.well-known/openid-configuration")
                     .start()) {
            assertAnswerWithoutCookies(server.http().post("/keycloak/", "{\"id_token\": \"a.b.c\"}"), 502,
                    UNREACHABLE, VARY_COOKIE, ALLOW_POST);
        }
    }

    @Test
    void aGraphApiThatNeverAnswersIsA504AfterTheTimeouts() {
        try (FakeGraph graph = new FakeGraph("v13.0", "1", "s");
             TestServer server = TestServer.builder()
                     .setting("social_providers", "facebook")
                     .setting("social.facebook.client_id", "1")
                     .setting("social.facebook.secret", "s")
                     .setting("social.facebook.graph_url", graph.graphUrl())
                     .setting("social_connect_timeout", "1")
                     .setting("social_read_timeout", "1")
                     .start()) {
            graph.hang();
            assertAnswerWithoutCookies(server.http().post("/facebook/", "{\"access_token\": \"good-1-slow\"}"), 504,
                    TIMED_OUT, VARY_COOKIE, ALLOW_POST);
            assertEquals(1, graph.requests().size());
        }
    }
}
