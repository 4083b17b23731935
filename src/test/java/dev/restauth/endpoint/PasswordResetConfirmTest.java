package dev.restauth.endpoint;

import static dev.restauth.endpoint.PasswordResetTest.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /rest-auth/password/reset/confirm/}: every case of the transcript's section 6, with tokens taken from
 * real reset mails, and the ways a token dies, on a clock the test moves.
 */
class PasswordResetConfirmTest {
    private static final String DONE = "{\"detail\":\"Password has been reset with the new password.\"}";
    private static final String BAD_UID = "{\"uid\":[\"Invalid value\"]}";
    private static final String BAD_TOKEN = "{\"token\":[\"Invalid value\"]}";
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String NEW_PASSWORD = "R3set-N3w-Tr0ub4dor&3x";
    private static final Pattern LINK = Pattern.compile("/password-reset/confirm/([0-9a-z]+)/([0-9a-z]+-[0-9a-f]{32})/");

    static Smtp smtp;
    MutableClock clock;
    TestServer server;

    @BeforeAll
    static void startSmtp() {
        smtp = Smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void start() {
        start(builder -> { });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void start(Consumer<TestServer.Builder> settings) {
        if (server != null) {
            server.close();
        }
        smtp.purge();
        clock = MutableClock.startingNow();
        TestServer.Builder builder = TestServer.builder()
                .clock(clock)
                .mailTo(smtp.port());
        settings.accept(builder);
        server = builder.start();
        server.createUser("alice_yihn7e", "alice_yihn7e@example.com", PASSWORD);
    }

    // --- the transcript's cases ---------------------------------------------------------------------------------

    @Test
    void getIsNotAllowed() {
        assertAnswer(405, "{\"detail\":\"Method \\\"GET\\\" not allowed.\"}",
                server.http().get("/password/reset/confirm/"));
    }

    @Test
    void anEmptyObjectNamesEveryFieldInDeclarationOrder() {
        assertAnswer(400, "{\"new_password1\":[\"This field is required.\"],\"new_password2\":[\"This field is "
                + "required.\"],\"uid\":[\"This field is required.\"],\"token\":[\"This field is required.\"]}",
                confirm("{}"));
    }

    @Test
    void blankFieldsAreRefused() {
        assertAnswer(400, "{\"new_password1\":[\"This field may not be blank.\"],\"new_password2\":[\"This field "
                + "may not be blank.\"],\"uid\":[\"This field may not be blank.\"],\"token\":[\"This field may not "
                + "be blank.\"]}",
                confirm("{\"uid\": \"\", \"token\": \"\", \"new_password1\": \"\", \"new_password2\": \"\"}"));
    }

    @Test
    void anUnknownUidIsInvalid() {
        assertAnswer(400, BAD_UID, confirm(body("zzzzzz", "dis3ew-4b977b88d525253c31ca3f485fc5e423")));
    }

    @Test
    void aUidThatIsNotBase36IsInvalid() {
        assertAnswer(400, BAD_UID, confirm(body("!!", "dis3ew-4b977b88d525253c31ca3f485fc5e423")));
    }

    @Test
    void aDjangoStyleBase64UidIsNotAccepted() {
        assertAnswer(400, BAD_UID, confirm(body("MQ", "dis3ew-4b977b88d525253c31ca3f485fc5e423")));
    }

    @Test
    void aValidUidWithAnInvalidTokenIsRefused() {
        assertAnswer(400, BAD_TOKEN, confirm(body("1", "5x8-0123456789abcdef0123456789abcdef")));
    }

    @Test
    void anInvalidUidAndTokenTogetherReportOnlyTheUid() {
        assertAnswer(400, BAD_UID, confirm(body("zzzzzz", "bad")));
    }

    @Test
    void mismatchedPasswordsAreReportedUnderTheSecond() {
        String[] link = requestReset();
        assertAnswer(400, "{\"new_password2\":[\"The two password fields didn’t match.\"]}",
                confirm("{\"uid\": \"" + link[0] + "\", \"token\": \"" + link[1] + "\", \"new_password1\": \""
                        + NEW_PASSWORD + "\", \"new_password2\": \"" + NEW_PASSWORD + "x\"}"));
    }

    @Test
    void aWeakPasswordGetsEveryValidatorMessage() {
        String[] link = requestReset();
        assertAnswer(400, "{\"new_password2\":[\"This password is too short. It must contain at least 8 "
                + "characters.\",\"This password is too common.\",\"This password is entirely numeric.\"]}",
                confirm(body(link[0], link[1], "1234")));
    }

    @Test
    void aPasswordLikeTheUsernameIsRefused() {
        String[] link = requestReset();
        assertAnswer(400, "{\"new_password2\":[\"The password is too similar to the username.\"]}",
                confirm(body(link[0], link[1], "alice_yihn7e1")));
    }

    @Test
    void missingPasswordsAreRequiredBeforeUidAndTokenAreChecked() {
        assertAnswer(400, "{\"new_password1\":[\"This field is required.\"],\"new_password2\":[\"This field is "
                + "required.\"]}", confirm("{\"uid\": \"1\", \"token\": \"dis3ew-4b977b88d525253c31ca3f485fc5e423\"}"));
    }

    @Test
    void aValidLinkSetsTheNewPassword() {
        String[] link = requestReset();
        assertEquals("1", link[0]);
        assertAnswer(200, DONE, confirm(body(link[0], link[1])));
        assertLoginFails(PASSWORD);
        server.login("alice_yihn7e", NEW_PASSWORD);
    }

    @Test
    void aLinkWorksOnlyOnce() {
        String[] link = requestReset();
        assertAnswer(200, DONE, confirm(body(link[0], link[1])));
        assertAnswer(400, BAD_TOKEN, confirm(body(link[0], link[1], NEW_PASSWORD + "z")));
    }

    @Test
    void aTokenIssuedBeforeTheResetDiesWithIt() {
        String[] older = requestReset();
        clock.advance(Duration.ofSeconds(1));
        String[] newer = requestReset();
        assertNotEquals(older[1], newer[1]);
        assertAnswer(200, DONE, confirm(body(newer[0], newer[1])));
        assertAnswer(400, BAD_TOKEN, confirm(body(older[0], older[1], NEW_PASSWORD + "z")));
    }

    @Test
    void theAuthTokenStillWorksAfterTheReset() {
        String key = server.login("alice_yihn7e", PASSWORD);
        String[] link = requestReset();
        assertAnswer(200, DONE, confirm(body(link[0], link[1])));
        Http.Response user = server.http().get("/user/", Http.token(key));
        assertEquals(200, user.status());
        assertEquals("{\"pk\":1,\"username\":\"alice_yihn7e\",\"email\":\"alice_yihn7e@example.com\","
                + "\"first_name\":\"\",\"last_name\":\"\"}", user.body());
    }

    @Test
    void aLoginAfterTheMailKillsTheLink() {
        String[] link = requestReset();
        clock.advance(Duration.ofSeconds(1));
        server.login("alice_yihn7e", PASSWORD);
        assertAnswer(400, BAD_TOKEN, confirm(body(link[0], link[1])));
    }

    // --- restauth's own -----------------------------------------------------------------------------------------

    @Test
    void aPasswordChangeAfterTheMailKillsTheLink() {
        String key = server.login("alice_yihn7e", PASSWORD);
        String[] link = requestReset();
        Http.Response change = server.http().post("/password/change/", "{\"new_password1\": \"An0ther-Passw0rd\", "
                + "\"new_password2\": \"An0ther-Passw0rd\"}", Http.token(key));
        assertEquals(200, change.status(), change.toString());
        assertAnswer(400, BAD_TOKEN, confirm(body(link[0], link[1])));
    }

    @Test
    void aLinkIsGoodForExactlyThreeDays() {
        String[] link = requestReset();
        clock.advance(Duration.ofDays(3));
        assertAnswer(200, DONE, confirm(body(link[0], link[1])));
    }

    @Test
    void aLinkDiesASecondAfterThreeDays() {
        String[] link = requestReset();
        clock.advance(Duration.ofDays(3).plusSeconds(1));
        assertAnswer(400, BAD_TOKEN, confirm(body(link[0], link[1])));
    }

    @Test
    void theTimeoutIsASetting() {
        start(builder -> builder.setting("password_reset_timeout", "600"));
        String[] link = requestReset();
        clock.advance(Duration.ofSeconds(601));
        assertAnswer(400, BAD_TOKEN, confirm(body(link[0], link[1])));
    }

    @Test
    void theResetEndsEverySessionOfTheUser() {
        Http.Response login = server.http().post("/login/", "{\"username\": \"alice_yihn7e\", \"password\": \""
                + PASSWORD + "\"}");
        String cookie = "sessionid=" + login.cookie("sessionid");
        assertEquals(200, server.http().get("/user/", "Cookie", cookie).status());
        String[] link = requestReset();
        assertAnswer(200, DONE, confirm(body(link[0], link[1])));
        assertEquals(401, server.http().get("/user/", "Cookie", cookie).status());
    }

    @Test
    void withLogoutOnPasswordResetTheAuthTokenDiesToo() {
        start(builder -> builder.setting("logout_on_password_reset", "true"));
        String key = server.login("alice_yihn7e", PASSWORD);
        String[] link = requestReset();
        assertAnswer(200, DONE, confirm(body(link[0], link[1])));
        assertEquals(401, server.http().get("/user/", Http.token(key)).status());
    }

    @Test
    void anInvalidTokenHeaderIsRefusedEvenHere() {
        Http.Response response = server.http().post("/password/reset/confirm/", "{}",
                "Authorization", "Token not-a-key");
        assertEquals(401, response.status());
        assertEquals("{\"detail\":\"Invalid token.\"}", response.body());
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Http.Response confirm(String json) {
        return server.http().post("/password/reset/confirm/", json);
    }

    private static String body(String uid, String token) {
        return body(uid, token, NEW_PASSWORD);
    }

    private static String body(String uid, String token, String password) {
        return "{\"uid\": \"" + uid + "\", \"token\": \"" + token + "\", \"new_password1\": \"" + password
                + "\", \"new_password2\": \"" + password + "\"}";
    }

    /** Requests a reset for alice and returns the uid and token of the link in the mail she gets. */
    private String[] requestReset() {
        smtp.purge();
        Http.Response response = server.http().post("/password/reset/", "{\"email\": \"alice_yihn7e@example.com\"}");
        assertEquals(200, response.status(), response.toString());
        assertEquals(1, server.app().outboxSender().deliverDue());
        Matcher link = LINK.matcher(Smtp.text(smtp.messages().get(0)));
        assertTrue(link.find(), Smtp.text(smtp.messages().get(0)));
        return new String[] {link.group(1), link.group(2)};
    }

    private void assertLoginFails(String password) {
        Http.Response response = server.http().post("/login/", "{\"username\": \"alice_yihn7e\", \"password\": \""
                + password + "\"}");
        assertEquals(400, response.status());
        assertEquals("{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}", response.body());
    }
}
