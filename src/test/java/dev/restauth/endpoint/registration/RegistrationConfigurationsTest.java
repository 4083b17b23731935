package dev.restauth.endpoint.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * The transcript's section 14: what registration answers for each verification mode with session login on and off,
 * and whether the new user can log in before confirming; plus registration while the SMTP server is down.
 */
class RegistrationConfigurationsTest {
    private static final String DORA = "{\"username\": \"dora_yihn7e\", \"email\": \"dora_yihn7e@example.com\", "
            + "\"password1\": \"c0rrect-h0rse-b4ttery\", \"password2\": \"c0rrect-h0rse-b4ttery\"}";
    private static final String DORA_LOGIN = "{\"username\": \"dora_yihn7e\", \"password\": \"c0rrect-h0rse-b4ttery\"}";

    @ParameterizedTest(name = "verification {0}, session login {1}: {2}, {3} mail(s), login {4}")
    @CsvSource({
            "mandatory, true,  201-detail, 1, 400",
            "mandatory, false, 201-detail, 1, 400",
            "optional,  true,  204,        1, 200",
            "optional,  false, 201-key,    1, 200",
            "none,      true,  204,        0, 200",
            "none,      false, 201-key,    0, 200"})
    void registrationAnswersAsTheReferenceDoesInEveryConfiguration(String verification, boolean sessionLogin,
                                                                   String answer, int mails, int login) {
        try (RegistrationFixture fixture = new RegistrationFixture(settings -> settings
                .setting("email_verification", verification)
                .setting("session_login", Boolean.toString(sessionLogin)))) {
            Http.Response response = fixture.http().post("/registration/", DORA);
            switch (answer) {
                case "201-detail" -> {
                    assertEquals(201, response.status());
                    assertEquals("{\"detail\":\"Verification e-mail sent.\"}", response.body());
                    assertNull(response.cookie("sessionid"));
                }
                case "204" -> {
                    assertEquals(204, response.status());
                    assertEquals("", response.body());
                    assertNotNull(response.cookie("sessionid"));
                    assertNotNull(response.cookie("csrftoken"));
                    assertEquals(200, fixture.http().get("/user/", "Cookie", "sessionid="
                            + response.cookie("sessionid")).status());
                }
                default -> {
                    assertEquals(201, response.status());
                    assertTrue(response.body().matches("\\{\"key\":\"[0-9a-f]{40}\"}"), response.body());
                    assertTrue(response.setCookies().isEmpty(), response.setCookies().toString());
                    String key = response.json().get("key").getAsString();
                    assertEquals(200, fixture.http().get("/user/", Http.token(key)).status());
                }
            }
            assertEquals(mails, fixture.deliver().size());
            Http.Response loggedIn = fixture.http().post("/login/", DORA_LOGIN);
            assertEquals(login, loggedIn.status(), loggedIn.body());
            if (answer.equals("201-key")) {
                assertEquals(response.body(), loggedIn.body());
            }
        }
    }

    @Test
    void registrationSucceedsWhileTheMailServerIsDownAndTheMailFollowsWhenItIsBack() {
        int port = Smtp.closedPort();
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.builder()
                .clock(clock)
                .mailTo(port)
                .start()) {
            Http.Response response = server.http().post("/registration/", DORA);
            assertEquals(201, response.status());
            assertEquals(0, server.app().outboxSender().deliverDue());
            Http.Response again = server.http().post("/registration/", DORA);
            assertEquals("{\"username\":[\"A user with that username already exists.\"],"
                    + "\"email\":[\"A user is already registered with this e-mail address.\"]}", again.body());
            try (Smtp smtp = Smtp.start(port)) {
                clock.advance(Duration.ofHours(2)); // past the backoff of the failed attempt
                assertEquals(1, server.app().outboxSender().deliverDue());
                assertEquals(1, smtp.messages().size());
            }
        }
    }
}
