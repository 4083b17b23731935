package dev.restauth.endpoint.registration;

import static dev.restauth.endpoint.registration.RegistrationFixture.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.restauth.testing.Http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /rest-auth/registration/}: every case of the transcript's section 7 (mandatory verification). */
class RegisterEndpointTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String SENT = "{\"detail\":\"Verification e-mail sent.\"}";
    private static final String USERNAME_TAKEN = "{\"username\":[\"A user with that username already exists.\"]}";
    private static final String EMAIL_TAKEN =
            "{\"email\":[\"A user is already registered with this e-mail address.\"]}";

    static RegistrationFixture fixture;
    static Http http;

    @BeforeAll
    static void start() {
        fixture = new RegistrationFixture(settings -> { });
        http = fixture.http();
        assertJson(fixture.register("alice_yihn7e", "alice_yihn7e@example.com", PASSWORD), 201, SENT);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void getIsNotAllowed() {
        assertJson(http.get("/registration/"), 405, "{\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
    }

    @Test
    void anEmptyObjectNeedsEveryField() {
        assertJson(http.post("/registration/", "{}"), 400, "{\"username\":[\"This field is required.\"],"
                + "\"email\":[\"This field is required.\"],\"password1\":[\"This field is required.\"],"
                + "\"password2\":[\"This field is required.\"]}");
    }

    @Test
    void blankFieldsAreEachReported() {
        assertJson(http.post("/registration/", "{\"username\": \"\", \"email\": \"\", \"password1\": \"\", "
                + "\"password2\": \"\"}"), 400, "{\"username\":[\"This field may not be blank.\"],"
                + "\"email\":[\"This field may not be blank.\"],\"password1\":[\"This field may not be blank.\"],"
                + "\"password2\":[\"This field may not be blank.\"]}");
    }

    @Test
    void mismatchedPasswordsAreAnObjectLevelErrorWithAnAsciiApostrophe() {
        assertJson(http.post("/registration/", "{\"username\": \"carol_yihn7e\", \"email\": "
                        + "\"carol_yihn7e@example.com\", \"password1\": \"Tr0ub4dor&3x\", \"password2\": \"Tr0ub4dor&3xx\"}"),
                400, "{\"non_field_errors\":[\"The two password fields didn't match.\"]}");
    }

    @Test
    void weakPasswordsGetTheValidatorsMessagesUnderPassword1() {
        assertJson(carol("a1b2c"), 400,
                "{\"password1\":[\"This password is too short. It must contain at least 8 characters.\"]}");
        assertJson(carol("12345678"), 400,
                "{\"password1\":[\"This password is too common.\",\"This password is entirely numeric.\"]}");
        assertJson(carol("83920174655"), 400, "{\"password1\":[\"This password is entirely numeric.\"]}");
        assertJson(carol("password"), 400, "{\"password1\":[\"This password is too common.\"]}");
        assertJson(carol("1234"), 400, "{\"password1\":[\"This password is too short. It must contain at least 8 "
                + "characters.\",\"This password is too common.\",\"This password is entirely numeric.\"]}");
    }

    @Test
    void aPasswordLikeTheUsernameIsReportedLateUnderNonFieldErrorsAndCreatesNoUser() {
        assertJson(fixture.register("similarityyihn7e", "simyihn7e@example.com", "similarityyihn7e"), 400,
                "{\"non_field_errors\":[\"The password is too similar to the username.\"]}");
        assertJson(fixture.register("similarityyihn7e", "simyihn7e@example.com", PASSWORD), 201, SENT);
    }

    @Test
    void anInvalidEmailIsRefused() {
        assertJson(fixture.register("carol_yihn7e", "not-an-email", PASSWORD), 400,
                "{\"email\":[\"Enter a valid email address.\"]}");
    }

    @Test
    void aUsernameWithInvalidCharactersIsRefused() {
        assertJson(fixture.register("bad user!", "carol_yihn7e@example.com", PASSWORD), 400,
                "{\"username\":[\"Enter a valid username. This value may contain only letters, numbers, and "
                        + "@/./+/-/_ characters.\"]}");
    }

    @Test
    void aUsernameOver150CharactersIsRefused() {
        assertJson(fixture.register("u".repeat(151), "carol_yihn7e@example.com", PASSWORD), 400,
                "{\"username\":[\"Ensure this field has no more than 150 characters.\"]}");
    }

    @Test
    void malformedJsonIsAParseError() {
        Http.Response response = http.post("/registration/", "{\"username\": \"x\", ");
        assertEquals(400, response.status());
        assertEquals("JSON parse error - ", response.json().get("detail").getAsString().substring(0, 19));
    }

    @Test
    void plainTextIsAnUnsupportedMediaType() {
        assertJson(http.send("POST", "/registration/", "text/plain", "username=x"), 415,
                "{\"detail\":\"Unsupported media type \\\"text/plain\\\" in request.\"}");
    }

    @Test
    void aJsonArrayIsNotADictionary() {
        assertJson(http.post("/registration/", "[]"), 400,
                "{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}");
    }

    @Test
    void mandatoryVerificationAnswers201WithoutATokenOrSession() {
        Http.Response response = fixture.register("dave_yihn7e", "dave_yihn7e@example.com", PASSWORD);
        assertJson(response, 201, SENT);
        assertNull(response.cookie("sessionid"));
        assertNull(response.cookie("csrftoken"));
    }

    @Test
    void aTakenUsernameIsRefusedInAnyLetterCase() {
        assertJson(fixture.register("alice_yihn7e", "carol_yihn7e@example.com", PASSWORD), 400, USERNAME_TAKEN);
        assertJson(fixture.register("ALICE_YIHN7E", "carol_yihn7e@example.com", PASSWORD), 400, USERNAME_TAKEN);
    }

    @Test
    void aTakenEmailIsRefusedInAnyLetterCase() {
        assertJson(fixture.register("carol_yihn7e", "alice_yihn7e@example.com", PASSWORD), 400, EMAIL_TAKEN);
        assertJson(fixture.register("carol_yihn7e", "ALICE_YIHN7E@EXAMPLE.COM", PASSWORD), 400, EMAIL_TAKEN);
    }

    @Test
    void aTakenUsernameAndEmailAreReportedTogether() {
        assertJson(fixture.register("alice_yihn7e", "alice_yihn7e@example.com", PASSWORD), 400,
                "{\"username\":[\"A user with that username already exists.\"],"
                        + "\"email\":[\"A user is already registered with this e-mail address.\"]}");
    }

    @Test
    void aFormEncodedSignUpKeepsTheAddressAsTyped() {
        Http.Response response = http.postForm("/registration/", "username=bob_yihn7e&email=Bob_yihn7e%40Example.COM"
                + "&password1=c0rrect-h0rse-b4ttery&password2=c0rrect-h0rse-b4ttery");
        assertJson(response, 201, SENT);
        String key = fixture.lastKey();
        assertJson(fixture.verify(key), 200, "{\"detail\":\"ok\"}");
        String token = fixture.server.login("bob_yihn7e", "c0rrect-h0rse-b4ttery");
        assertEquals("Bob_yihn7e@Example.COM",
                http.get("/user/", Http.token(token)).json().get("email").getAsString());
    }

    @Test
    void anUnverifiedUserIsToldOnlyAfterTheCredentialsAreRight() {
        fixture.register("erin_yihn7e", "erin_yihn7e@example.com", PASSWORD);
        Http.Response right = http.post("/login/", "{\"username\": \"erin_yihn7e\", \"password\": \"" + PASSWORD
                + "\"}");
        assertEquals(400, right.status());
        assertEquals("{\"non_field_errors\":[\"E-mail is not verified.\"]}", right.body());
        Http.Response wrong = http.post("/login/", "{\"username\": \"erin_yihn7e\", \"password\": \"wrong-"
                + PASSWORD + "\"}");
        assertEquals("{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}", wrong.body());
    }

    private static Http.Response carol(String password) {
        return fixture.register("carol_yihn7e", "carol_yihn7e@example.com", password);
    }
}
