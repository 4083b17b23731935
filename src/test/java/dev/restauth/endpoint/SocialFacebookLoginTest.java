package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.VARY_ACCEPT;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswer;
import static dev.restauth.endpoint.Wire.assertAnswerStartsWith;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static dev.restauth.endpoint.Wire.assertKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.FakeGraph;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.StandIn;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Section 10 of the wire transcript, {@code POST /rest-auth/facebook/}, against a stand-in Graph API on loopback
 * that records what restauth asked it. Each test has a fresh restauth, so the first Facebook user is {@code fb}.
 */
class SocialFacebookLoginTest {
    private static final String APP_ID = "508000111222333";
    private static final String APP_SECRET = "fb-app-secret-for-tests";
    private static final String INCORRECT_VALUE = "{\"non_field_errors\":[\"Incorrect value\"]}";
    private static final String INPUT_REQUIRED =
            "{\"non_field_errors\":[\"Incorrect input. access_token or code is required.\"]}";
    private static final String FIELDS = "id%2Cemail%2Cname%2Cfirst_name%2Clast_name%2Cverified%2Clocale%2Ctimezone"
            + "%2Clink%2Cgender%2Cupdated_time";

    private static FakeGraph graph;
    private static Smtp smtp;
    private TestServer server;
    private Http http;

    @BeforeAll
    static void startStandIns() {
        graph = new FakeGraph("v13.0", APP_ID, APP_SECRET);
        smtp = Smtp.start();
    }

    @AfterAll
    static void stopStandIns() {
        graph.close();
        smtp.close();
    }

    @BeforeEach
    void start() {
        server = facebookServer(TestServer.builder());
        http = server.http();
        graph.forget();
        smtp.purge();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static TestServer facebookServer(TestServer.Builder builder) {
        return builder.clock(new MutableClock(Wire.RECORDED))
                .setting("social_providers", "facebook")
                .setting("social.facebook.client_id", APP_ID)
                .setting("social.facebook.secret", APP_SECRET)
                .setting("social.facebook.graph_url", graph.graphUrl())
                .setting("social.facebook.graph_version", "v13.0")
                .mailTo(smtp.port())
                .start();
    }

    @Test
    void withoutAFacebookAppTheAnswerSaysSoInJson() {
        try (TestServer bare = TestServer.start()) {
            String notConfigured = "{\"detail\":\"Social login with \\\"facebook\\\" is not configured.\"}";
            assertAnswerWithoutCookies(bare.http().post("/facebook/", "{\"access_token\": \"anything\"}"), 404,
                    notConfigured, VARY_COOKIE, ALLOW_POST);
            assertAnswerWithoutCookies(bare.http().post("/facebook/", "{}"), 404, notConfigured, VARY_COOKIE,
                    ALLOW_POST);
            assertAnswerWithoutCookies(bare.http().post("/facebook/connect/", "{}"), 404, notConfigured,
                    VARY_COOKIE, ALLOW_POST);
            Http.Response unknown = bare.http().post("/keycloak/", "{}");
            assertEquals(404, unknown.status());
            assertEquals("{\"detail\":\"Not found.\"}", unknown.body());
        }
    }

    @Test
    void getIsNotAllowed() {
        assertAnswerWithoutCookies(http.get("/facebook/"), 405, "{\"detail\":\"Method \\\"GET\\\" not allowed.\"}",
                VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void missingOrBlankAccessTokenAndCodeAreIncorrectInput() {
        assertAnswerWithoutCookies(http.post("/facebook/", "{}"), 400, INPUT_REQUIRED, VARY_COOKIE, ALLOW_POST);
        assertAnswerWithoutCookies(http.post("/facebook/", "{\"access_token\": \"\"}"), 400, INPUT_REQUIRED,
                VARY_COOKIE, ALLOW_POST);
        assertEquals(List.of(), graph.requests(), "nothing to ask Facebook");
    }

    @Test
    void anInvalidAccessTokenIsIncorrect() {
        assertAnswerWithoutCookies(http.post("/facebook/", "{\"access_token\": \"invalid-token\"}"), 400,
                INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
        assertEquals(List.of("/v13.0/debug_token?input_token=invalid-token&access_token=" + APP_ID + "%7C"
                + APP_SECRET), targets());
    }

    @Test
    void anyHttpErrorFromGraphIsIncorrectAndMeIsAskedWithTheAppSecretProof() {
        assertAnswerWithoutCookies(http.post("/facebook/", "{\"access_token\": \"revoked-42-gone\"}"), 400,
                INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
        List<StandIn.Recorded> me = graph.requests("/v13.0/me");
        assertEquals(1, me.size());
        assertEquals("GET", me.get(0).method());
        assertEquals("/v13.0/me?fields=" + FIELDS + "&access_token=revoked-42-gone&appsecret_proof="
                + hmacSha256Hex(APP_SECRET, "revoked-42-gone"), me.get(0).target());
    }

    @Test
    void aTokenMintedForAnotherAppIsRefusedBeforeTheProfileIsRead() {
        assertAnswerWithoutCookies(http.post("/facebook/", "{\"access_token\": \"foreign-77-victim\"}"), 400,
                INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
        assertEquals(List.of(), graph.requests("/v13.0/me"));
        assertEquals(1, graph.requests("/v13.0/debug_token").size());
    }

    @Test
    void aCodeWithoutACallbackUrlIsAConfigurationError() {
        assertAnswerWithoutCookies(http.post("/facebook/", "{\"code\": \"some-code\"}"), 400,
                "{\"non_field_errors\":[\"Define callback_url in view\"]}", VARY_COOKIE, ALLOW_POST);
        assertEquals(List.of(), graph.requests());
    }

    @Test
    void malformedJsonIsAParseError() {
        assertAnswerStartsWith(http.post("/facebook/", "{\"access_token\": "), 400, Wire.JSON_PARSE_ERROR_PREFIX,
                VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void aNewUserIsCreatedLoggedInAndSentOneConfirmationMail() {
        Http.Response login = http.post("/facebook/", "{\"access_token\": \"good-508151412490883-fbyihn7e\"}");
        String key = assertKey(login, VARY_COOKIE);
        Wire.assertSessionCookies(login);
        assertEquals("/v13.0/me?fields=" + FIELDS + "&access_token=good-508151412490883-fbyihn7e&appsecret_proof="
                + hmacSha256Hex(APP_SECRET, "good-508151412490883-fbyihn7e"),
                graph.requests("/v13.0/me").get(0).target());

        Http.Response user = http.get("/user/", Http.token(key));
        long pk = user.json().get("pk").getAsLong();
        assertAnswer(user, 200, "{\"pk\":" + pk + ",\"username\":\"fb\",\"email\":\"fbyihn7e@fb.example.com\","
                + "\"first_name\":\"Fb\",\"last_name\":\"fbyihn7e\"}", VARY_ACCEPT, Wire.ALLOW_USER);

        server.app().outboxSender().deliverDue();
        assertEquals(1, smtp.messages().size(), "mails sent to the Facebook address");
        assertTrue(Smtp.text(smtp.messages().get(0)).contains("/rest-auth/registration/account-confirm-email/"));

        Http.Response again = http.post("/facebook/", "{\"access_token\": \"good-508151412490883-fbyihn7e\"}");
        assertEquals(key, assertKey(again, VARY_COOKIE), "same Facebook account again: same user, same token");
        server.app().outboxSender().deliverDue();
        assertEquals(1, smtp.messages().size(), "no second mail for a returning user");
    }

    @Test
    void aFacebookAddressOfAnExistingLocalUserIsRefused() {
        server.createUser("clashyihn7e", "clashyihn7e@fb.example.com", "Tr0ub4dor&3x");
        assertAnswerWithoutCookies(http.post("/facebook/", "{\"access_token\": \"good-712469877589620-clashyihn7e\"}"),
                400, "{\"non_field_errors\":[\"User is already registered with this e-mail address.\"]}",
                VARY_COOKIE, ALLOW_POST);
        assertAnswerWithoutCookies(http.post("/facebook/",
                "{\"access_token\": \"good-712469877589620-CLASHyihn7e\"}"), 400,
                "{\"non_field_errors\":[\"User is already registered with this e-mail address.\"]}", VARY_COOKIE,
                ALLOW_POST);
    }

    @Test
    void aCodeIsRedeemedAtTheGraphTokenEndpointWithTheConfiguredCallback() {
        try (TestServer withCallback = facebookServer(TestServer.builder()
                .setting("social.facebook.callback_url", "https://app.example.com/facebook/callback"))) {
            String key = assertKey(withCallback.http().post("/facebook/", "{\"code\": \"code-31337-coder\"}"),
                    VARY_COOKIE);
            List<StandIn.Recorded> exchange = graph.requests("/v13.0/oauth/access_token");
            assertEquals(1, exchange.size());
            assertEquals("POST", exchange.get(0).method());
            String form = exchange.get(0).body();
            assertTrue(form.contains("grant_type=authorization_code"), form);
            assertTrue(form.contains("code=code-31337-coder"), form);
            assertTrue(form.contains("redirect_uri=https%3A%2F%2Fapp.example.com%2Ffacebook%2Fcallback"), form);
            assertTrue(form.contains("client_id=" + APP_ID) && form.contains("client_secret=" + APP_SECRET), form);
            assertEquals(List.of(), graph.requests("/v13.0/debug_token"), "a token restauth redeemed is the app's");
            assertEquals("coder@fb.example.com", withCallback.http().get("/user/", Http.token(key)).json()
                    .get("email").getAsString());
            assertAnswerWithoutCookies(withCallback.http().post("/facebook/", "{\"code\": \"bad\"}"), 400,
                    INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
        }
    }

    private static List<String> targets() {
        return graph.requests().stream().map(StandIn.Recorded::target).toList();
    }

    /** The HMAC computed here, independently of restauth's code. */
    static String hmacSha256Hex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
