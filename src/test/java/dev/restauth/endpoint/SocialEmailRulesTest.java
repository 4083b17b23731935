package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static dev.restauth.endpoint.Wire.assertKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.nimbusds.jwt.SignedJWT;

import dev.restauth.account.CreateUser;
import dev.restauth.testing.Http;
import dev.restauth.testing.OidcServer;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a first social login does with an address a local account has already, and with none at all: refused by
 * default; joined to that account only with {@code social_connect_by_verified_email}, a provider-verified address
 * and an account that confirmed it too.
 */
class SocialEmailRulesTest {
    private static final String CLIENT_ID = "restauth-client";
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String EMAIL_TAKEN =
            "{\"non_field_errors\":[\"User is already registered with this e-mail address.\"]}";

    private static OidcServer oidc;

    @BeforeAll
    static void startProvider() {
        oidc = OidcServer.start();
    }

    @AfterAll
    static void stopProvider() {
        oidc.close();
    }

    private static TestServer server(String... settings) {
        TestServer.Builder builder = TestServer.builder()
                .setting("social_providers", "idp")
                .setting("social.idp.client_id", CLIENT_ID)
                .setting("social.idp.issuer", oidc.issuer())
                .customize(app -> app.backgroundWork(false));
        for (int i = 0; i < settings.length; i += 2) {
            builder.setting(settings[i], settings[i + 1]);
        }
        return builder.start();
    }

    @Test
    void anAddressOfALocalAccountIsRefusedEvenWhenTheProviderVerifiedIt() {
        try (TestServer server = server()) {
            String email = unique() + "@example.com";
            server.createUser(unique(), email, PASSWORD);
            assertAnswerWithoutCookies(login(server, unique(), email.toUpperCase(), true), 400, EMAIL_TAKEN,
                    VARY_COOKIE, ALLOW_POST);
        }
    }

    @Test
    void withTheSettingAVerifiedAddressJoinsTheAccountThatConfirmedIt() {
        try (TestServer server = server("social_connect_by_verified_email", "true")) {
            String email = unique() + "@example.com";
            String username = unique();
            server.createUser(username, email, PASSWORD);
            String localKey = server.login(username, PASSWORD);
            String subject = unique();
            assertEquals(localKey, assertKey(login(server, subject, email, true), VARY_COOKIE));
            Http.Response accounts = server.http().get("/socialaccounts/", Http.token(localKey));
            assertEquals(subject, accounts.jsonElement().getAsJsonArray().get(0).getAsJsonObject().get("uid")
                    .getAsString());
        }
    }

    @Test
    void withTheSettingAnAddressTheProviderDidNotVerifyIsStillRefused() {
        try (TestServer server = server("social_connect_by_verified_email", "true")) {
            String email = unique() + "@example.com";
            server.createUser(unique(), email, PASSWORD);
            assertAnswerWithoutCookies(login(server, unique(), email, false), 400, EMAIL_TAKEN, VARY_COOKIE,
                    ALLOW_POST);
        }
    }

    @Test
    void withTheSettingAnAccountThatNeverConfirmedTheAddressIsNotJoined() {
        try (TestServer server = server("social_connect_by_verified_email", "true")) {
            String email = unique() + "@example.com";
            // Whoever registered the address first without confirming it must not share the victim's login.
            server.app().useCases().createUser().run(new CreateUser.NewAccount(unique(), email, PASSWORD, false, false, false));
            assertAnswerWithoutCookies(login(server, unique(), email, true), 400, EMAIL_TAKEN, VARY_COOKIE,
                    ALLOW_POST);
        }
    }

    @Test
    void withoutUniqueAddressesANewUserSharesTheAddress() {
        try (TestServer server = server("unique_email", "false")) {
            String email = unique() + "@example.com";
            String username = unique();
            server.createUser(username, email, PASSWORD);
            String socialKey = assertKey(login(server, unique(), email, true), VARY_COOKIE);
            assertNotEquals(server.login(username, PASSWORD), socialKey);
        }
    }

    @Test
    void aProviderSharingNoAddressIsRefusedWhileAnAddressIsRequired() {
        try (TestServer server = server()) {
            assertAnswerWithoutCookies(login(server, unique(), null, false), 400, "{\"non_field_errors\":[\"The "
                    + "provider did not share an e-mail address, and an e-mail address is required.\"]}",
                    VARY_COOKIE, ALLOW_POST);
        }
        try (TestServer server = server("email_required", "false")) {
            String key = assertKey(login(server, unique(), null, false), VARY_COOKIE);
            assertEquals("", server.http().get("/user/", Http.token(key)).json().get("email").getAsString());
        }
    }

    private static Http.Response login(TestServer server, String subject, String email, boolean verified) {
        Map<String, Object> claims = email == null ? Map.of("given_name", "Pat")
                : Map.of("email", email, "email_verified", verified, "given_name", "Pat");
        SignedJWT token = oidc.idToken(OidcServer.ISSUER_ID, subject, List.of(CLIENT_ID), claims, 3600);
        return server.http().post("/idp/", "{\"id_token\": \"" + token.serialize() + "\"}");
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
