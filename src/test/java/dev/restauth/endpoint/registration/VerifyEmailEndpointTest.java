package dev.restauth.endpoint.registration;

import static dev.restauth.endpoint.registration.RegistrationFixture.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/** {@code POST /rest-auth/registration/verify-email/}: the transcript's section 8, and key expiry on a test clock. */
class VerifyEmailEndpointTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String OK = "{\"detail\":\"ok\"}";
    private static final String NOT_FOUND = "{\"detail\":\"Not found.\"}";

    RegistrationFixture fixture;
    Http http;

    @BeforeEach
    void start() {
        fixture = new RegistrationFixture(settings -> { });
        http = fixture.http();
        fixture.register("alice_yihn7e", "alice_yihn7e@example.com", PASSWORD);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void getIsNotAllowed() {
        assertJson(http.get("/registration/verify-email/"), 405,
                "{\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
    }

    @Test
    void aMissingOrBlankKeyIsAFieldError() {
        assertJson(http.post("/registration/verify-email/", "{}"), 400, "{\"key\":[\"This field is required.\"]}");
        assertJson(http.post("/registration/verify-email/", "{\"key\": \"\"}"), 400,
                "{\"key\":[\"This field may not be blank.\"]}");
    }

    @Test
    void aBogusKeyIsNotFound() {
        assertJson(fixture.verify("bogus-key"), 404, NOT_FOUND);
    }

    @Test
    void aTamperedKeyIsNotFound() {
        String key = fixture.lastKey();
        char last = key.charAt(key.length() - 1);
        assertJson(fixture.verify(key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A')), 404, NOT_FOUND);
    }

    @Test
    void theKeyFromTheMailConfirmsOnceAndThenIsNotFound() {
        String key = fixture.lastKey();
        assertTrue(key.matches("[-:\\w]+") && key.startsWith("MQ:"), key);
        assertJson(fixture.verify(key), 200, OK);
        assertJson(fixture.verify(key), 404, NOT_FOUND);
        assertEquals(200, http.post("/login/", "{\"username\": \"alice_yihn7e\", \"password\": \"" + PASSWORD
                + "\"}").status());
    }

    @Test
    void aResentKeyWorksAndConfirmingKillsEveryOtherKeyOfTheAddress() {
        String first = fixture.lastKey();
        fixture.clock.advance(Duration.ofSeconds(3));
        assertJson(http.post("/registration/resend-email/", "{\"email\": \"alice_yihn7e@example.com\"}"), 200, OK);
        String second = fixture.lastKey();
        assertNotEquals(first, second);
        assertJson(fixture.verify(second), 200, OK);
        assertJson(fixture.verify(first), 404, NOT_FOUND);
    }

    @Test
    void aKeyLivesThreeDaysAndNotOneSecondMore() {
        String key = fixture.lastKey();
        fixture.clock.advance(Duration.ofDays(3).plusSeconds(1));
        assertJson(fixture.verify(key), 404, NOT_FOUND);
        fixture.clock.advance(Duration.ofSeconds(-1));
        assertJson(fixture.verify(key), 200, OK);
    }

    @Test
    void theLinkInTheMailAnswersAGetWithHowToConfirmAndConfirmsNothing() {
        String key = fixture.lastKey();
        Http.Response response = http.get("/registration/account-confirm-email/" + key + "/");
        assertEquals(200, response.status());
        assertEquals("{\"detail\":\"To confirm this e-mail address, POST {\\\"key\\\": \\\"<the key>\\\"} to "
                + "/rest-auth/registration/verify-email/\",\"key\":\"" + key + "\"}", response.body());
        assertJson(fixture.verify(key), 200, OK);
    }
}
