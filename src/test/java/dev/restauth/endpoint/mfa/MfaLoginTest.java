package dev.restauth.endpoint.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.AuthenticatorApp;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Two-factor login in token mode ({@code mfa_enabled=true}): login answers an ephemeral token for a user with TOTP,
 * {@code mfa/verify/} finishes it with a TOTP or recovery code; and what restauth adds: a token logs in once, five
 * wrong codes end it, no code works twice, a recovery code is spent once. Time is a clock the test moves.
 */
class MfaLoginTest {
    static final String PASSWORD = "Tr0ub4dor&3x";
    static final String INVALID_TOKEN = "{\"ephemeral_token\":[\"Invalid or expired token.\"]}";
    static final String INVALID_CODE = "{\"code\":[\"Invalid code.\"]}";

    MutableClock clock;
    TestServer server;
    String key;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        server = TestServer.builder().setting("mfa_enabled", "true").clock(clock).start();
        server.createUser("alice", "alice@example.com", PASSWORD);
        key = server.login("alice", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aUserWithoutTotpLogsInAsBefore() {
        Http.Response login = login();
        assertTrue(login.body().matches("\\{\"key\":\"[0-9a-f]{40}\"}"), login.body());
    }

    @Test
    void aUserWithTotpGetsAnEphemeralTokenAndNothingElse() {
        AuthenticatorApp.activate(http(), clock, Http.token(key));
        Http.Response login = login();
        assertEquals(200, login.status());
        assertTrue(login.body().matches("\\{\"ephemeral_token\":\"[A-Za-z0-9]{43}\",\"mfa_required\":true}"),
                login.body());
        assertEquals(java.util.List.of(), login.setCookies());
    }

    @Test
    void theRightCodeFinishesTheLoginWithLoginsAnswer() {
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        Http.Response verified = verify(ephemeralToken(), app.code());
        assertEquals("200 {\"key\":\"" + key + "\"}", verified.toString());
        assertTrue(verified.cookie("sessionid") != null, verified.setCookies().toString());
    }

    @Test
    void anEphemeralTokenLogsInOnce() {
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        String token = ephemeralToken();
        assertEquals(200, verify(token, app.code()).status());
        clock.advance(Duration.ofSeconds(30));
        assertEquals("400 " + INVALID_TOKEN, verify(token, app.code()).toString());
    }

    @Test
    void aCodeIsAcceptedOnceAndNoEarlierCodeAfterIt() {
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        String code = app.code();
        assertEquals(200, verify(ephemeralToken(), code).status());
        assertEquals("400 " + INVALID_CODE, verify(ephemeralToken(), code).toString());
        // the previous step's code is still inside the window of drift, but older than the one used
        assertEquals("400 " + INVALID_CODE, verify(ephemeralToken(), app.codeStepsAgo(1)).toString());
        assertEquals(200, verify(ephemeralToken(), app.codeStepsAgo(-1)).status());
    }

    @Test
    void theActivationsCodeCannotLogIn() {
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        assertEquals("400 " + INVALID_CODE, verify(ephemeralToken(), app.codeStepsAgo(1)).toString());
    }

    @Test
    void aCodeOneStepAwayIsAcceptedAndTwoStepsAwayIsNot() {
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        clock.advance(Duration.ofSeconds(90));
        String token = ephemeralToken();
        assertEquals("400 " + INVALID_CODE, verify(token, app.codeStepsAgo(-2)).toString());
        assertEquals(200, verify(token, app.codeStepsAgo(-1)).status());
    }

    @Test
    void wrongCodesKeepTheTokenUntilTheFifthEndsIt() {
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        String token = ephemeralToken();
        for (int i = 0; i < 4; i++) {
            assertEquals("400 " + INVALID_CODE, verify(token, "000000").toString());
        }
        String second = ephemeralToken();
        assertEquals(200, verify(token, app.code()).status(), "a typo must not force a new login");
        for (int i = 0; i < 5; i++) {
            assertEquals("400 " + INVALID_CODE, verify(second, "000000").toString());
        }
        clock.advance(Duration.ofSeconds(30));
        assertEquals("400 " + INVALID_TOKEN, verify(second, app.code()).toString());
    }

    @Test
    void anEphemeralTokenExpiresAfterItsTimeout() {
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        String token = ephemeralToken();
        clock.advance(Duration.ofSeconds(300));
        assertEquals("400 " + INVALID_TOKEN, verify(token, app.code()).toString());
    }

    @Test
    void aRecoveryCodeLogsInOnceTypedInAnyCaseWithOrWithoutItsDash() {
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        assertEquals(10, app.recoveryCodes().size());
        app.recoveryCodes().forEach(code -> assertTrue(code.matches("[a-z2-7]{5}-[a-z2-7]{5}"), code));
        String code = app.recoveryCodes().get(3);
        assertEquals("200 {\"key\":\"" + key + "\"}",
                verify(ephemeralToken(), " " + code.replace("-", "").toUpperCase(Locale.ROOT) + " ").toString());
        assertEquals("400 " + INVALID_CODE, verify(ephemeralToken(), code).toString());
        assertEquals("200 {\"remaining\":9}", http().get("/mfa/recovery-codes/", Http.token(key)).toString());
        assertEquals("200 {\"remaining\":9}", http().post("/mfa/recovery-codes/", "{}", Http.token(key)).toString());
    }

    @Test
    void verifyReportsItsFieldsAsDrfDoes() {
        assertEquals("400 {\"ephemeral_token\":[\"This field is required.\"],\"code\":[\"This field is required.\"]}",
                http().post("/mfa/verify/", "{}").toString());
        assertEquals("400 {\"ephemeral_token\":[\"This field may not be blank.\"],\"code\":[\"Ensure this field "
                + "has no more than 11 characters.\"]}",
                http().post("/mfa/verify/", "{\"ephemeral_token\":\"\",\"code\":\"123456789012\"}").toString());
        assertEquals("400 " + INVALID_TOKEN, verify("made-up", "123456").toString());
    }

    @Test
    void anInactiveUsersTokenIsRefusedWithTheReferencesListUnderDetail() {
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        String token = ephemeralToken();
        server.app().useCases().deactivateUser().run(server.app().database()
                .read(tx -> tx.users().findByUsername("alice")).orElseThrow().id());
        assertEquals("400 {\"detail\":[\"User account is disabled.\"]}", verify(token, app.code()).toString());
    }

    @Test
    void theStatusTellsWhenTotpWasActivatedAndLastUsed() {
        assertEquals("200 {\"mfa_enabled\":false,\"created_at\":null,\"last_used_at\":null}",
                http().get("/mfa/status/", Http.token(key)).toString());
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        assertEquals("200 {\"mfa_enabled\":true,\"created_at\":\"2026-03-02T10:00:00Z\",\"last_used_at\":null}",
                http().get("/mfa/status/", Http.token(key)).toString());
        verify(ephemeralToken(), app.code());
        assertEquals("200 {\"mfa_enabled\":true,\"created_at\":\"2026-03-02T10:00:00Z\","
                + "\"last_used_at\":\"2026-03-02T10:00:30Z\"}", http().get("/mfa/status/", Http.token(key)).toString());
    }

    @Test
    void theActivationProposalCarriesTheSecretItsUriAndAQrCodeOfIt() throws Exception {
        Http.Response proposal = http().get("/mfa/totp/activate/", Http.token(key));
        String secret = proposal.json().get("secret").getAsString();
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        String uri = proposal.json().get("totp_url").getAsString();
        assertEquals("otpauth://totp/alice%40example.com?secret=" + secret, uri);
        String qr = proposal.json().get("qr_code_data_uri").getAsString();
        assertTrue(qr.startsWith("data:image/png;base64,"), qr);
        assertEquals(uri, QrCodes.decode(qr));
        assertTrue(proposal.json().get("activation_token").getAsString().matches("[A-Za-z0-9]{43}"));
    }

    @Test
    void anIssuerPrefixesTheLabelAndIsAddedToTheUri() {
        server.close();
        server = TestServer.builder().setting("mfa_enabled", "true").setting("mfa_totp_issuer", "My App")
                .setting("mfa_totp_digits", "8").setting("email_verification", "none").clock(clock).start();
        server.createUser("bob", "", PASSWORD); // no address: the label is the username
        String bob = server.login("bob", PASSWORD);
        Http.Response proposal = http().get("/mfa/totp/activate/", Http.token(bob));
        String secret = proposal.json().get("secret").getAsString();
        assertEquals("otpauth://totp/My%20App:bob?secret=" + secret + "&issuer=My%20App&digits=8",
                proposal.json().get("totp_url").getAsString());
    }

    @Test
    void activationRefusesAWrongCodeAnotherUsersTokenAndASecondActivation() {
        String proposal = http().get("/mfa/totp/activate/", Http.token(key)).json().get("activation_token")
                .getAsString();
        assertEquals("400 {\"code\":[\"Invalid code. Please check your authenticator app and try again.\"]}",
                http().post("/mfa/totp/activate/", "{\"activation_token\":\"" + proposal + "\",\"code\":\"000000\"}",
                        Http.token(key)).toString());
        assertEquals("400 {\"activation_token\":[\"Invalid or expired activation token.\"]}",
                http().post("/mfa/totp/activate/", "{\"activation_token\":\"nope\",\"code\":\"000000\"}",
                        Http.token(key)).toString());
        server.createUser("bob", "bob@example.com", PASSWORD);
        String bob = server.login("bob", PASSWORD);
        assertEquals("400 {\"activation_token\":[\"Invalid activation token for this user.\"]}",
                http().post("/mfa/totp/activate/", "{\"activation_token\":\"" + proposal + "\",\"code\":\"000000\"}",
                        Http.token(bob)).toString());
        AuthenticatorApp.activate(http(), clock, Http.token(key));
        assertEquals("400 {\"detail\":\"MFA is already enabled. Deactivate it before activating again.\"}",
                http().post("/mfa/totp/activate/", "{}", Http.token(key)).toString());
    }

    @Test
    void deactivationNeedsACurrentCodeAndEndsTheSecondStep() {
        assertEquals("400 {\"detail\":\"MFA is not enabled.\"}",
                http().post("/mfa/totp/deactivate/", "{\"code\":\"123456\"}", Http.token(key)).toString());
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        String waiting = ephemeralToken();
        assertEquals("400 {\"code\":[\"This field is required.\"]}",
                http().post("/mfa/totp/deactivate/", "{}", Http.token(key)).toString());
        assertEquals("400 " + INVALID_CODE,
                http().post("/mfa/totp/deactivate/", "{\"code\":\"000000\"}", Http.token(key)).toString());
        assertEquals("200 {\"detail\":\"TOTP has been deactivated.\"}", http().post("/mfa/totp/deactivate/",
                "{\"code\":\"" + app.code() + "\"}", Http.token(key)).toString());
        assertEquals("200 {\"key\":\"" + key + "\"}", login().toString());
        assertEquals("400 " + INVALID_TOKEN, verify(waiting, app.codeStepsAgo(-1)).toString());
        assertEquals("200 {\"remaining\":0}", http().get("/mfa/recovery-codes/", Http.token(key)).toString());
    }

    @Test
    void aRecoveryCodeCanDeactivateForAUserWhoLostTheAuthenticator() {
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        assertEquals("200 {\"detail\":\"TOTP has been deactivated.\"}", http().post("/mfa/totp/deactivate/",
                "{\"code\":\"" + app.recoveryCodes().get(0) + "\"}", Http.token(key)).toString());
    }

    @Test
    void regenerationNeedsACurrentCodeAndKillsEveryEarlierCode() {
        assertEquals("400 {\"detail\":\"MFA is not enabled.\"}",
                http().post("/mfa/recovery-codes/regenerate/", "{\"code\":\"123456\"}", Http.token(key)).toString());
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        assertEquals("400 " + INVALID_CODE, http().post("/mfa/recovery-codes/regenerate/", "{\"code\":\"000000\"}",
                Http.token(key)).toString());
        Http.Response fresh = http().post("/mfa/recovery-codes/regenerate/", "{\"code\":\"" + app.code() + "\"}",
                Http.token(key));
        assertEquals(200, fresh.status(), fresh.toString());
        assertTrue(fresh.body().matches("\\{\"codes\":\\[(\"[a-z2-7]{5}-[a-z2-7]{5}\",){9}\"[a-z2-7]{5}-[a-z2-7]{5}\"]}"),
                fresh.body());
        assertEquals("400 " + INVALID_CODE, verify(ephemeralToken(), app.recoveryCodes().get(0)).toString());
        String newCode = fresh.json().getAsJsonArray("codes").get(0).getAsString();
        assertEquals(200, verify(ephemeralToken(), newCode).status());
    }

    @Test
    void mfaEndpointsNeedAnAuthenticatedUser() {
        for (String path : new String[] {"/mfa/status/", "/mfa/totp/activate/", "/mfa/recovery-codes/"}) {
            assertEquals("401 {\"detail\":\"Authentication credentials were not provided.\"}",
                    http().get(path).toString());
        }
    }

    @Test
    void withMfaOffTheEndpointsDoNotExistAndLoginIgnoresTotp() {
        AuthenticatorApp.activate(http(), clock, Http.token(key));
        server.close();
        server = TestServer.builder().clock(clock).start();
        assertEquals("404 {\"detail\":\"Not found.\"}", http().post("/mfa/verify/", "{}").toString());
    }

    @Test
    void neitherTheSecretNorTheRecoveryCodesAreReadableFromTheDatabase() throws Exception {
        Http.Response proposal = http().get("/mfa/totp/activate/", Http.token(key));
        String secret = proposal.json().get("secret").getAsString();
        byte[] raw = dev.restauth.auth.crypto.Base32.decode(secret);
        String stored = StoredSecrets.dump(server);
        assertTrue(stored.contains("totp_activation"), stored); // the proposal is there, sealed
        AuthenticatorApp app = AuthenticatorApp.activate(http(), clock, Http.token(key));
        stored = StoredSecrets.dump(server);
        assertTrue(stored.contains("restauth_totp"), stored);
        for (String form : new String[] {secret, java.util.HexFormat.of().formatHex(raw),
                java.util.Base64.getEncoder().withoutPadding().encodeToString(raw),
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw)}) {
            assertTrue(!stored.contains(form) && !stored.toLowerCase(Locale.ROOT).contains(form.toLowerCase(Locale.ROOT)),
                    "the database holds the secret as " + form);
        }
        for (String code : app.recoveryCodes()) {
            assertTrue(!stored.contains(code) && !stored.contains(code.replace("-", "")), code);
        }
    }

    @Test
    void expiredEphemeralTokensAndActivationsAreSweptAway() throws Exception {
        AuthenticatorApp.activate(http(), clock, Http.token(key));
        ephemeralToken();
        http().get("/mfa/totp/activate/", Http.token(key));
        assertTrue(StoredSecrets.dump(server).contains("mfa_login"));
        clock.advance(Duration.ofSeconds(300));
        server.app().sweeper().sweep();
        String stored = StoredSecrets.dump(server);
        assertTrue(!stored.contains("mfa_login") && !stored.contains("totp_activation"), stored);
    }

    private Http http() {
        return server.http();
    }

    private Http.Response login() {
        return http().post("/login/", "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}");
    }

    private String ephemeralToken() {
        Http.Response login = login();
        assertNull(login.json().get("key"), login.body());
        return login.json().get("ephemeral_token").getAsString();
    }

    private Http.Response verify(String token, String code) {
        return http().post("/mfa/verify/", "{\"ephemeral_token\":\"" + token + "\",\"code\":\"" + code + "\"}");
    }
}
