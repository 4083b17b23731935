package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static dev.restauth.endpoint.Wire.assertKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import dev.restauth.user.EmailAddress;
import dev.restauth.testing.FakeGitHub;
import dev.restauth.testing.Http;
import dev.restauth.testing.StandIn;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/** GitHub login against a stand-in of GitHub's OAuth endpoints and REST API that records what restauth sent. */
class SocialGitHubLoginTest {
    private static final String CLIENT_ID = "Iv1.restauth0test";
    private static final String SECRET = "github-secret-for-tests";
    private static final String INCORRECT_VALUE = "{\"non_field_errors\":[\"Incorrect value\"]}";

    private static FakeGitHub github;
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        github = new FakeGitHub(CLIENT_ID, SECRET);
        server = TestServer.builder()
                .setting("social_providers", "github")
                .setting("social.github.client_id", CLIENT_ID)
                .setting("social.github.secret", SECRET)
                .setting("social.github.api_url", github.apiUrl())
                .setting("social.github.oauth_url", github.oauthUrl())
                .setting("social.github.callback_url", "https://app.example.com/github/callback")
                .customize(app -> app.backgroundWork(false))
                .start();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
        github.close();
    }

    @BeforeEach
    void forget() {
        github.forget();
    }

    @Test
    void aCodeIsExchangedWithTheAppsCredentialsAndThePrimaryVerifiedAddressIsTaken() {
        String key = assertKey(http.post("/github/", "{\"code\": \"code-octocat\", \"code_verifier\": \""
                + "x".repeat(43) + "\"}"), VARY_COOKIE);

        List<StandIn.Recorded> exchange = github.requests("/login/oauth/access_token");
        assertEquals(1, exchange.size());
        String form = exchange.get(0).body();
        for (String part : List.of("grant_type=authorization_code", "code=code-octocat",
                "redirect_uri=https%3A%2F%2Fapp.example.com%2Fgithub%2Fcallback", "client_id=Iv1.restauth0test",
                "client_secret=" + SECRET, "code_verifier=" + "x".repeat(43))) {
            assertTrue(form.contains(part), () -> part + " missing from " + form);
        }
        assertEquals("Bearer gho_octocat", github.requests("/api/user").get(0).authorization());
        assertEquals("Bearer gho_octocat", github.requests("/api/user/emails").get(0).authorization());
        assertEquals(List.of(), github.requests("/api/applications/" + CLIENT_ID + "/token"),
                "a token restauth redeemed needs no check");

        JsonObject user = http.get("/user/", Http.token(key)).json();
        assertEquals("octocat@example.com", user.get("email").getAsString());
        assertEquals("octo", user.get("username").getAsString(), "allauth's order: first name first");
        assertEquals("Cat", user.get("last_name").getAsString());
        assertEquals(List.of(true), verifiedFlags(user.get("pk").getAsLong()));
        assertEquals(key, assertKey(http.post("/github/", "{\"code\": \"code-octocat\"}"), VARY_COOKIE));
    }

    @Test
    void anUnverifiedPrimaryAddressIsRecordedUnverified() {
        String key = assertKey(http.post("/github/", "{\"code\": \"code-newbie\"}"), VARY_COOKIE);
        JsonObject user = http.get("/user/", Http.token(key)).json();
        assertEquals("newbie@example.com", user.get("email").getAsString());
        assertEquals("newbie", user.get("username").getAsString(), "no name: the address's local part");
        assertEquals(List.of(false), verifiedFlags(user.get("pk").getAsLong()));
    }

    @Test
    void withoutTheEmailScopeThePublicAddressIsTakenUnverified() {
        String key = assertKey(http.post("/github/", "{\"code\": \"code-hermit\"}"), VARY_COOKIE);
        JsonObject user = http.get("/user/", Http.token(key)).json();
        assertEquals("hermit@example.com", user.get("email").getAsString());
        assertEquals(List.of(false), verifiedFlags(user.get("pk").getAsLong()));
    }

    @Test
    void aBadCodeIsIncorrect() {
        assertAnswerWithoutCookies(http.post("/github/", "{\"code\": \"expired\"}"), 400, INCORRECT_VALUE,
                VARY_COOKIE, ALLOW_POST);
        assertEquals(List.of(), github.requests("/api/user"));
    }

    @Test
    void anAccessTokenIsCheckedWithGitHubToBelongToThisApp() {
        assertAnswerWithoutCookies(http.post("/github/", "{\"access_token\": \"ghu_other_octocat\"}"), 400,
                INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
        List<StandIn.Recorded> checks = github.requests("/api/applications/" + CLIENT_ID + "/token");
        assertEquals(1, checks.size());
        assertEquals("{\"access_token\":\"ghu_other_octocat\"}", checks.get(0).body());
        assertEquals(List.of(), github.requests("/api/user"), "a foreign token is never used");

        assertKey(http.post("/github/", "{\"access_token\": \"gho_octocat\"}"), VARY_COOKIE);
    }

    @Test
    void hostileCredentialsAreRefusedAsInputNotAsServerErrors() {
        assertAnswerWithoutCookies(http.post("/github/", "{\"access_token\": \"gho_octocat\\r\\nX-Injected: 1\"}"),
                400, INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
        assertAnswerWithoutCookies(http.post("/github/", "{\"access_token\": {\"nested\": 1}}"), 400,
                "{\"access_token\":[\"Not a valid string.\"]}", VARY_COOKIE, ALLOW_POST);
        assertAnswerWithoutCookies(http.post("/github/", "{\"code\": null, \"id_token\": 7}"), 400,
                "{\"code\":[\"This field may not be null.\"]}", VARY_COOKIE, ALLOW_POST);
        assertAnswerWithoutCookies(http.post("/github/", "{\"code\": \"code-octocat\", \"code_verifier\": \"short\"}"),
                400, INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
        assertAnswerWithoutCookies(http.post("/github/", "[\"code\"]"), 400,
                "{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}", VARY_COOKIE,
                ALLOW_POST);
    }

    private static List<Boolean> verifiedFlags(long userId) {
        return server.app().database().inTransaction(c -> c.emailAddresses().findByUser(userId).stream()
                .map(EmailAddress::verified).toList());
    }
}
