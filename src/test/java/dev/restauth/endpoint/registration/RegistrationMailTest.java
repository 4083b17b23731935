package dev.restauth.endpoint.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Smtp;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The confirmation mail against a real SMTP server: the transcript's section 13, byte for byte but the link. */
class RegistrationMailTest {
    @Test
    void theConfirmationMailReadsLikeTheReferencesAndGoesToTheAddressAsTyped() throws Exception {
        try (RegistrationFixture fixture = new RegistrationFixture(settings -> { })) {
            fixture.register("bob_yihn7e", "Bob_yihn7e@Example.COM", "c0rrect-h0rse-b4ttery");
            List<MimeMessage> messages = fixture.deliver();
            assertEquals(1, messages.size());
            MimeMessage mail = messages.get(0);
            String key = fixture.lastKey();
            assertEquals("Bob_yihn7e@Example.COM", mail.getAllRecipients()[0].toString());
            assertEquals("webmaster@localhost", mail.getFrom()[0].toString());
            assertEquals("[example.com] Please Confirm Your E-mail Address", mail.getSubject());
            assertTrue(mail.getContentType().startsWith("text/plain; charset=utf-8"), mail.getContentType());
            assertEquals("Hello from example.com!\n\n"
                    + "You're receiving this e-mail because user bob_yihn7e has given your e-mail address to register "
                    + "an account on example.com.\n\n"
                    + "To confirm this is correct, go to http://127.0.0.1:" + fixture.server.port()
                    + "/rest-auth/registration/account-confirm-email/" + key + "/\n\n"
                    + "Thank you for using example.com!\nexample.com", Smtp.text(mail).stripTrailing());
        }
    }

    @Test
    void aLinkTemplatePointsTheMailAtTheFrontEndApp() throws Exception {
        try (RegistrationFixture fixture = new RegistrationFixture(settings ->
                settings.setting("email_confirmation_url", "https://app.example.com/verify/{key}"))) {
            fixture.register("carol_yihn7e", "carol_yihn7e@example.com", "Tr0ub4dor&3x");
            String text = Smtp.text(fixture.deliver().get(0));
            var link = java.util.regex.Pattern.compile("https://app\\.example\\.com/verify/([-:\\w]+)\n").matcher(text);
            assertTrue(link.find(), text);
            assertEquals(200, fixture.verify(link.group(1)).status());
        }
    }

    @Test
    void noVerificationMeansNoMail() {
        try (RegistrationFixture fixture = new RegistrationFixture(settings ->
                settings.setting("email_verification", "none"))) {
            assertEquals(204, fixture.register("dora_yihn7e", "dora_yihn7e@example.com", "Tr0ub4dor&3x").status());
            assertEquals(0, fixture.deliver().size());
        }
    }
}
