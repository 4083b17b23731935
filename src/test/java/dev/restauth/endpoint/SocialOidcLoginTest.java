package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.VARY_ACCEPT;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswer;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static dev.restauth.endpoint.Wire.assertKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

import dev.restauth.user.EmailAddress;
import dev.restauth.testing.Http;
import dev.restauth.testing.OidcServer;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Social login against a real OpenID Connect provider (mock-oauth2-server) configured as a generic {@code oidc}
 * provider named {@code keycloak}: discovery, the code flow with PKCE, ID tokens and every way one can be wrong,
 * new and returning users, connect, list and disconnect.
 */
class SocialOidcLoginTest {
    private static final String CLIENT_ID = "restauth-client";
    private static final String CALLBACK = "http://127.0.0.1:3000/callback";
    private static final String INCORRECT_VALUE = "{\"non_field_errors\":[\"Incorrect value\"]}";
    private static final String ALLOW_GET = "GET, HEAD, OPTIONS";

    private static OidcServer oidc;
    private static Smtp smtp;
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        oidc = OidcServer.start();
        smtp = Smtp.start();
        server = TestServer.builder()
                .setting("social_providers", "keycloak")
                .setting("social.keycloak.client_id", CLIENT_ID)
                .setting("social.keycloak.secret", "restauth-secret")
                .setting("social.keycloak.issuer", oidc.issuer())
                .setting("social.keycloak.callback_url", CALLBACK + ",http://127.0.0.1:3000/other-callback")
                .mailTo(smtp.port())
                .start();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.close();
        oidc.close();
    }

    @BeforeEach
    void forgetMail() {
        server.app().outboxSender().deliverDue();
        smtp.purge();
    }

    @Test
    void theCodeFlowWithPkceFindsTheProviderByDiscoveryAndCreatesTheUser() {
        String subject = unique("sub");
        oidc.nextLogin(subject, Map.of("email", subject + "@idp.example.com", "email_verified", true,
                "given_name", "Kim", "family_name", "Lee", "preferred_username", "kimlee"));
        CodeVerifier verifier = new CodeVerifier();
        String code = oidc.authorize(CLIENT_ID, CALLBACK, "n0nce", challenge(verifier));
        Http.Response login = http.post("/keycloak/", "{\"code\": \"" + code + "\", \"code_verifier\": \""
                + verifier.getValue() + "\", \"nonce\": \"n0nce\"}");
        String key = assertKey(login, VARY_COOKIE);
        JsonObject user = http.get("/user/", Http.token(key)).json();
        assertTrue(user.get("username").getAsString().startsWith("kim"), user.toString());
        assertEquals(subject + "@idp.example.com", user.get("email").getAsString());
        assertEquals("Kim", user.get("first_name").getAsString());
        assertEquals("Lee", user.get("last_name").getAsString());
        assertEquals(0, deliveredMail().size(), "a verified address needs no confirmation mail");
    }

    @Test
    void aReturningUserGetsTheSameUserAndTheSameToken() {
        String subject = unique("returning");
        String first = assertKey(idTokenLogin(subject, Map.of("email", subject + "@idp.example.com",
                "email_verified", true)), VARY_COOKIE);
        // The provider's address changed meanwhile: the account is found by its subject, not by the address.
        String second = assertKey(idTokenLogin(subject, Map.of("email", "changed-" + subject + "@idp.example.com",
                "email_verified", true)), VARY_COOKIE);
        assertEquals(first, second);
        String third = assertKey(codeLogin(subject, Map.of()), VARY_COOKIE);
        assertEquals(first, third);
    }

    @Test
    void aWrongCodeVerifierIsRefusedByTheProvider() {
        String code = oidc.authorize(CLIENT_ID, CALLBACK, null, challenge(new CodeVerifier()));
        assertAnswerWithoutCookies(http.post("/keycloak/", "{\"code\": \"" + code + "\", \"code_verifier\": \""
                + new CodeVerifier().getValue() + "\"}"), 400, INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void theClientNamesWhichConfiguredCallbackItUsed() {
        String subject = unique("callback");
        oidc.nextLogin(subject, Map.of("email", subject + "@idp.example.com"));
        String code = oidc.authorize(CLIENT_ID, "http://127.0.0.1:3000/other-callback", null, null);
        assertKey(http.post("/keycloak/", "{\"code\": \"" + code
                + "\", \"redirect_uri\": \"http://127.0.0.1:3000/other-callback\"}"), VARY_COOKIE);
        assertAnswerWithoutCookies(http.post("/keycloak/", "{\"code\": \"x\", \"redirect_uri\": "
                + "\"https://evil.example/cb\"}"), 400, "{\"non_field_errors\":[\"redirect_uri is not one of the "
                + "callback URLs configured for this provider.\"]}", VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void aNonceTheTokenDoesNotCarryIsIncorrect() {
        String subject = unique("nonce");
        SignedJWT token = oidc.idToken(OidcServer.ISSUER_ID, subject, List.of(CLIENT_ID),
                Map.of("nonce", "expected-nonce", "email", subject + "@idp.example.com"), 3600);
        assertAnswerWithoutCookies(http.post("/keycloak/", idTokenBody(token.serialize(), "another-nonce")), 400,
                INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
        assertKey(http.post("/keycloak/", idTokenBody(token.serialize(), "expected-nonce")), VARY_COOKIE);
    }

    @Test
    void anExpiredIdTokenIsIncorrect() {
        SignedJWT token = oidc.idToken(OidcServer.ISSUER_ID, unique("expired"), List.of(CLIENT_ID),
                Map.of("email", unique("expired") + "@idp.example.com"), -3600);
        assertAnswerWithoutCookies(http.post("/keycloak/", idTokenBody(token.serialize(), null)), 400,
                INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void anIdTokenForAnotherClientIsIncorrect() {
        SignedJWT token = oidc.idToken(OidcServer.ISSUER_ID, unique("aud"), List.of("another-client"),
                Map.of("email", unique("aud") + "@idp.example.com"), 3600);
        assertAnswerWithoutCookies(http.post("/keycloak/", idTokenBody(token.serialize(), null)), 400,
                INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void anIdTokenOfAnotherIssuerIsIncorrect() {
        SignedJWT token = oidc.idToken("other", unique("iss"), List.of(CLIENT_ID),
                Map.of("email", unique("iss") + "@idp.example.com"), 3600);
        assertAnswerWithoutCookies(http.post("/keycloak/", idTokenBody(token.serialize(), null)), 400,
                INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void anIdTokenSignedWithAnotherKeyIsIncorrect() throws Exception {
        SignedJWT genuine = oidc.idToken(OidcServer.ISSUER_ID, unique("forged"), List.of(CLIENT_ID),
                Map.of("email", unique("forged") + "@idp.example.com"), 3600);
        RSAKey forger = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(genuine.getHeader().getKeyID()).build(), genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(forger));
        assertAnswerWithoutCookies(http.post("/keycloak/", idTokenBody(forged.serialize(), null)), 400,
                INCORRECT_VALUE, VARY_COOKIE, ALLOW_POST);
        String[] parts = genuine.serialize().split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertAnswerWithoutCookies(http.post("/keycloak/", idTokenBody(tampered, null)), 400, INCORRECT_VALUE,
                VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void anUnsignedOrMalformedIdTokenIsIncorrect() throws Exception {
        SignedJWT genuine = oidc.idToken(OidcServer.ISSUER_ID, unique("plain"), List.of(CLIENT_ID), Map.of(), 3600);
        String unsigned = new PlainJWT(genuine.getJWTClaimsSet()).serialize();
        assertAnswerWithoutCookies(http.post("/keycloak/", idTokenBody(unsigned, null)), 400, INCORRECT_VALUE,
                VARY_COOKIE, ALLOW_POST);
        assertAnswerWithoutCookies(http.post("/keycloak/", idTokenBody("not-a-jwt", null)), 400, INCORRECT_VALUE,
                VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void anAccessTokenAloneProvesNothingToAnOpenIdConnectProvider() {
        assertAnswerWithoutCookies(http.post("/keycloak/", "{\"access_token\": \"some-access-token\"}"), 400,
                "{\"non_field_errors\":[\"Incorrect input. id_token or code is required.\"]}", VARY_COOKIE,
                ALLOW_POST);
        assertAnswerWithoutCookies(http.post("/keycloak/", "{}"), 400,
                "{\"non_field_errors\":[\"Incorrect input. access_token or code is required.\"]}", VARY_COOKIE,
                ALLOW_POST);
    }

    @Test
    void anUnverifiedAddressIsRecordedUnverifiedAndGetsAConfirmationMailButTheLoginSucceeds() {
        String subject = unique("unverified");
        String key = assertKey(idTokenLogin(subject, Map.of("email", subject + "@idp.example.com",
                "email_verified", false, "name", "Una Verified")), VARY_COOKIE);
        User user = userOf(key);
        assertEquals("una", user.username());
        assertEquals(List.of(false), server.app().database().inTransaction(c -> c.emailAddresses()
                .findByUser(user.id()).stream().map(EmailAddress::verified).toList()));
        assertEquals(List.of(subject + "@idp.example.com"), deliveredMail());
    }

    @Test
    void connectListAndDisconnect() {
        User owner = server.createUser(unique("local"), unique("local") + "@example.com", "Tr0ub4dor&3x");
        String key = server.login(owner.username(), "Tr0ub4dor&3x");
        String subject = unique("connect");
        SignedJWT token = oidc.idToken(OidcServer.ISSUER_ID, subject, List.of(CLIENT_ID), Map.of(), 3600);
        assertEquals(key, assertKey(http.post("/keycloak/connect/", idTokenBody(token.serialize(), null),
                Http.token(key)), VARY_COOKIE));

        Http.Response list = http.get("/socialaccounts/", Http.token(key));
        assertEquals(200, list.status(), list.body());
        assertEquals(ALLOW_GET, list.header("Allow"));
        JsonArray accounts = list.jsonElement().getAsJsonArray();
        assertEquals(1, accounts.size());
        JsonObject account = accounts.get(0).getAsJsonObject();
        assertEquals(List.of("id", "provider", "uid", "last_login", "date_joined"),
                List.copyOf(account.keySet()));
        assertEquals("keycloak", account.get("provider").getAsString());
        assertEquals(subject, account.get("uid").getAsString());
        assertTrue(account.get("date_joined").getAsString().matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z"), account.toString());

        // Logging in through the connected account is logging in as its owner.
        assertEquals(key, assertKey(http.post("/keycloak/", idTokenBody(token.serialize(), null)), VARY_COOKIE));

        long id = account.get("id").getAsLong();
        assertAnswer(http.post("/socialaccounts/" + id + "/disconnect/", "{}", Http.token(key)), 200, "{}",
                VARY_ACCEPT, ALLOW_POST);
        assertEquals("[]", http.get("/socialaccounts/", Http.token(key)).body());
        assertAnswer(http.post("/socialaccounts/" + id + "/disconnect/", "{}", Http.token(key)), 404,
                "{\"detail\":\"Not found.\"}", VARY_ACCEPT, ALLOW_POST);
    }

    @Test
    void theLastWayIntoAnAccountWithoutAPasswordCannotBeDisconnected() {
        String subject = unique("only");
        String key = assertKey(idTokenLogin(subject, Map.of("email", subject + "@idp.example.com",
                "email_verified", true)), VARY_COOKIE);
        long id = http.get("/socialaccounts/", Http.token(key)).jsonElement().getAsJsonArray().get(0)
                .getAsJsonObject().get("id").getAsLong();
        assertAnswer(http.post("/socialaccounts/" + id + "/disconnect/", "{}", Http.token(key)), 400,
                "{\"non_field_errors\":[\"Your account has no password set up.\"]}", VARY_ACCEPT, ALLOW_POST);
        assertEquals(1, http.get("/socialaccounts/", Http.token(key)).jsonElement().getAsJsonArray().size());
    }

    @Test
    void anotherUsersAccountCanNeitherBeConnectedNorDisconnected() {
        String subject = unique("taken");
        String ownerKey = assertKey(idTokenLogin(subject, Map.of("email", subject + "@idp.example.com",
                "email_verified", true)), VARY_COOKIE);
        long ownersAccount = http.get("/socialaccounts/", Http.token(ownerKey)).jsonElement().getAsJsonArray()
                .get(0).getAsJsonObject().get("id").getAsLong();
        User other = server.createUser(unique("other"), unique("other") + "@example.com", "Tr0ub4dor&3x");
        String otherKey = server.login(other.username(), "Tr0ub4dor&3x");
        SignedJWT token = oidc.idToken(OidcServer.ISSUER_ID, subject, List.of(CLIENT_ID), Map.of(), 3600);
        assertAnswer(http.post("/keycloak/connect/", idTokenBody(token.serialize(), null), Http.token(otherKey)),
                400, "{\"non_field_errors\":[\"The social account is already connected to a different account.\"]}",
                VARY_ACCEPT, ALLOW_POST);
        assertAnswer(http.post("/socialaccounts/" + ownersAccount + "/disconnect/", "{}", Http.token(otherKey)),
                404, "{\"detail\":\"Not found.\"}", VARY_ACCEPT, ALLOW_POST);
        assertAnswer(http.post("/socialaccounts/abc/disconnect/", "{}", Http.token(otherKey)), 404,
                "{\"detail\":\"Not found.\"}", VARY_ACCEPT, ALLOW_POST);
        assertNotEquals(ownerKey, otherKey);
    }

    @Test
    void connectListAndDisconnectNeedAUser() {
        String notProvided = "{\"detail\":\"Authentication credentials were not provided.\"}";
        assertAnswer(http.post("/keycloak/connect/", "{\"id_token\": \"x\"}"), 401, notProvided, VARY_COOKIE,
                ALLOW_POST);
        assertAnswer(http.get("/socialaccounts/"), 401, notProvided, VARY_COOKIE, ALLOW_GET);
        assertAnswer(http.post("/socialaccounts/1/disconnect/", "{}"), 401, notProvided, VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void anInactiveUserCannotLogInThroughTheProvider() {
        String subject = unique("inactive");
        User user = userOf(assertKey(idTokenLogin(subject, Map.of("email", subject + "@idp.example.com",
                "email_verified", true)), VARY_COOKIE));
        server.app().database().useTransaction(c -> c.users().updateActive(user.id(), false));
        assertAnswerWithoutCookies(idTokenLogin(subject, Map.of()), 400,
                "{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}", VARY_COOKIE, ALLOW_POST);
    }

    @Test
    void googleIsAnOpenIdConnectProviderWhoseIssuerCanBePointedElsewhere() {
        try (TestServer google = TestServer.builder()
                .setting("social_providers", "google")
                .setting("social.google.client_id", "1234-abcd.apps.googleusercontent.com")
                .setting("social.google.issuer", oidc.issuer())
                .start()) {
            String subject = unique("google");
            SignedJWT token = oidc.idToken(OidcServer.ISSUER_ID, subject,
                    List.of("1234-abcd.apps.googleusercontent.com"), Map.of("email", subject + "@gmail.example",
                            "email_verified", true, "given_name", "Gia"), 3600);
            String key = assertKey(google.http().post("/google/", idTokenBody(token.serialize(), null)),
                    VARY_COOKIE);
            assertEquals("gia", google.http().get("/user/", Http.token(key)).json().get("username").getAsString());
            assertAnswerWithoutCookies(google.http().post("/google/", "{\"code\": \"c\"}"), 400,
                    "{\"non_field_errors\":[\"Define callback_url in view\"]}", VARY_COOKIE, ALLOW_POST);
        }
    }

    @Test
    void concurrentFirstLoginsOfOneAccountMakeOneUser() throws Exception {
        String subject = unique("race");
        SignedJWT token = oidc.idToken(OidcServer.ISSUER_ID, subject, List.of(CLIENT_ID),
                Map.of("email", subject + "@idp.example.com", "email_verified", true, "given_name", "Racer"), 3600);
        int logins = 8;
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                answers.add(pool.submit(() -> {
                    gate.await();
                    return http.post("/keycloak/", idTokenBody(token.serialize(), null));
                }));
            }
            gate.countDown();
            Set<String> keys = new HashSet<>();
            for (Future<Http.Response> answer : answers) {
                keys.add(assertKey(answer.get(), VARY_COOKIE));
            }
            assertEquals(1, keys.size(), "one user, one token");
        } finally {
            pool.shutdownNow();
        }
    }

    private static Http.Response idTokenLogin(String subject, Map<String, Object> claims) {
        SignedJWT token = oidc.idToken(OidcServer.ISSUER_ID, subject, List.of(CLIENT_ID), claims, 3600);
        return http.post("/keycloak/", idTokenBody(token.serialize(), null));
    }

    private static Http.Response codeLogin(String subject, Map<String, Object> claims) {
        oidc.nextLogin(subject, claims);
        String code = oidc.authorize(CLIENT_ID, CALLBACK, null, null);
        return http.post("/keycloak/", "{\"code\": \"" + code + "\"}");
    }

    private static String idTokenBody(String idToken, String nonce) {
        return "{\"id_token\": \"" + idToken + "\"" + (nonce == null ? "" : ", \"nonce\": \"" + nonce + "\"") + "}";
    }

    private static String challenge(CodeVerifier verifier) {
        return CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
    }

    private static User userOf(String key) {
        long id = http.get("/user/", Http.token(key)).json().get("pk").getAsLong();
        return server.app().database().inTransaction(c -> c.users().findById(id)).orElseThrow();
    }

    /** The recipients of the mail delivered since the last purge. */
    private static List<String> deliveredMail() {
        server.app().outboxSender().deliverDue();
        return smtp.messages().stream().map(message -> {
            try {
                return message.getAllRecipients()[0].toString();
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
