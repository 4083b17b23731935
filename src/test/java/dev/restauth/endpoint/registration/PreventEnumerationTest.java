package dev.restauth.endpoint.registration;

import static dev.restauth.endpoint.registration.RegistrationFixture.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.db.Sql;
import dev.restauth.testing.CountingHasher;
import dev.restauth.testing.Http;
import dev.restauth.testing.Smtp;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/**
 * {@code prevent_enumeration} (allauth's {@code ACCOUNT_PREVENT_ENUMERATION}): with mandatory verification, a sign-up
 * with a taken address answers exactly as a new one, creates nothing, and mails the address's owner instead; off
 * (the default), the answer is the reference's field error.
 */
class PreventEnumerationTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final String SENT = "{\"detail\":\"Verification e-mail sent.\"}";
    private static final String EMAIL_TAKEN =
            "{\"email\":[\"A user is already registered with this e-mail address.\"]}";

    @Test
    void aTakenAddressAnswersLikeANewOneAndItsOwnerIsMailedInstead() throws Exception {
        try (RegistrationFixture fixture = new RegistrationFixture(settings ->
                settings.setting("prevent_enumeration", "true"))) {
            Http.Response fresh = fixture.register("bob", "Bob@Example.com", PASSWORD);
            fixture.deliver();
            fixture.smtp.purge();
            Http.Response taken = fixture.register("mallory", "bob@EXAMPLE.com", PASSWORD);

            assertJson(fresh, 201, SENT);
            assertJson(taken, 201, SENT);
            assertEquals(fresh.header("Content-Length"), taken.header("Content-Length"));
            assertEquals(fresh.header("Vary"), taken.header("Vary"));
            assertEquals(fresh.setCookies(), taken.setCookies());
            assertEquals(List.of("bob"), usernames(fixture));

            List<MimeMessage> mail = fixture.deliver();
            assertEquals(1, mail.size());
            assertEquals("Bob@Example.com", mail.get(0).getAllRecipients()[0].toString());
            assertEquals("[example.com] Account Already Exists", mail.get(0).getSubject());
            assertEquals("Hello from example.com!\n\n"
                    + "You are receiving this e-mail because you or someone else tried to signup for an\n"
                    + "account using e-mail address:\n\n"
                    + "Bob@Example.com\n\n"
                    + "However, an account using that e-mail address already exists.  In case you have\n"
                    + "forgotten about this, please use the password forgotten procedure to recover\n"
                    + "your account.\n\n"
                    + "Thank you for using example.com!\nexample.com", Smtp.text(mail.get(0)).stripTrailing());
        }
    }

    @Test
    void aTakenAddressCostsTheSameOnePasswordHashAsANewOne() {
        CountingHasher hasher = new CountingHasher();
        try (RegistrationFixture fixture = new RegistrationFixture(settings -> settings
                .setting("prevent_enumeration", "true").customize(app -> app.passwordHasher(hasher)
                        .backgroundWork(false)))) {
            hasher.reset();
            assertEquals(201, fixture.register("bob", "bob@example.com", PASSWORD).status());
            assertEquals(1, hasher.hashes());
            hasher.reset();
            assertEquals(201, fixture.register("mallory", "bob@example.com", PASSWORD).status());
            assertEquals(1, hasher.hashes());
        }
    }

    @Test
    void theOwnerGetsAtMostOneSuchMailPerThreeMinutesWhileTheAnswerStaysTheSame() {
        try (RegistrationFixture fixture = new RegistrationFixture(settings -> settings
                .setting("prevent_enumeration", "true").setting("throttle_enabled", "true"))) {
            fixture.register("bob", "bob@example.com", PASSWORD);
            fixture.deliver();
            fixture.smtp.purge();
            for (int i = 0; i < 5; i++) {
                assertJson(fixture.register("mallory" + i, "bob@example.com", PASSWORD), 201, SENT);
            }
            assertEquals(1, fixture.deliver().size());
            fixture.clock.advance(Duration.ofMinutes(3));
            assertJson(fixture.register("mallory9", "bob@example.com", PASSWORD), 201, SENT);
            assertEquals(2, fixture.deliver().size());
        }
    }

    @Test
    void resendEmailAfterwardsAnswersAlikeForATakenAndAFreshAddress() {
        try (RegistrationFixture fixture = new RegistrationFixture(settings -> settings
                .setting("prevent_enumeration", "true").setting("throttle_enabled", "true"))) {
            fixture.register("bob", "bob@example.com", PASSWORD);
            fixture.register("mallory", "bob@example.com", PASSWORD);
            fixture.register("carol", "carol@example.com", PASSWORD);
            Http.Response afterTaken = resend(fixture, "bob@example.com");
            Http.Response afterFresh = resend(fixture, "carol@example.com");
            assertJson(afterTaken, 200, "{\"detail\":\"ok\"}");
            assertJson(afterFresh, 200, "{\"detail\":\"ok\"}");
        }
    }

    @Test
    void otherFieldErrorsAreStillReportedButNeverTheTakenAddress() {
        try (RegistrationFixture fixture = new RegistrationFixture(settings ->
                settings.setting("prevent_enumeration", "true"))) {
            fixture.register("bob", "bob@example.com", PASSWORD);
            assertJson(fixture.register("bob", "bob@example.com", PASSWORD), 400,
                    "{\"username\":[\"A user with that username already exists.\"]}");
            assertJson(fixture.register("mallory", "bob@example.com", "12345678"), 400,
                    "{\"password1\":[\"This password is too common.\",\"This password is entirely numeric.\"]}");
        }
    }

    @Test
    void offByDefaultTheTakenAddressIsReportedAsTheReferenceDoes() {
        try (RegistrationFixture fixture = new RegistrationFixture(settings -> { })) {
            fixture.register("bob", "bob@example.com", PASSWORD);
            assertJson(fixture.register("mallory", "BOB@example.com", PASSWORD), 400, EMAIL_TAKEN);
        }
    }

    @Test
    void withoutMandatoryVerificationTheTakenAddressIsReportedAsAllauthDoes() {
        // A successful sign-up would log the client in, which a sign-up that created nothing cannot fake.
        try (RegistrationFixture fixture = new RegistrationFixture(settings -> settings
                .setting("prevent_enumeration", "true").setting("email_verification", "optional"))) {
            fixture.register("bob", "bob@example.com", PASSWORD);
            assertJson(fixture.register("mallory", "bob@example.com", PASSWORD), 400, EMAIL_TAKEN);
        }
    }

    private static Http.Response resend(RegistrationFixture fixture, String email) {
        return fixture.http().post("/registration/resend-email/", "{\"email\": \"" + email + "\"}");
    }

    private static List<String> usernames(RegistrationFixture fixture) {
        return fixture.server.app().database().inTransaction(c -> Sql.list(c,
                "SELECT username FROM restauth_user ORDER BY id", row -> row.getString(1)));
    }
}
