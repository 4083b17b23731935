package dev.restauth.endpoint.registration;

import static dev.restauth.endpoint.registration.RegistrationFixture.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.Http;
import dev.restauth.testing.Smtp;

import jakarta.mail.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /rest-auth/registration/resend-email/}: the transcript's section 9. The answer is the same for every
 * address; only an unconfirmed one gets a mail, at its stored spelling, also when asked for in another case (the
 * reference matched case-sensitively; restauth matches addresses the same way everywhere).
 */
class ResendEmailEndpointTest {
    private static final String OK = "{\"detail\":\"ok\"}";

    static RegistrationFixture fixture;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        fixture = new RegistrationFixture(settings -> { });
        http = fixture.http();
        fixture.register("alice_yihn7e", "alice_yihn7e@example.com", "Tr0ub4dor&3x");
        assertJson(fixture.verify(fixture.lastKey()), 200, OK);
        fixture.register("bob_yihn7e", "Bob_yihn7e@Example.COM", "c0rrect-h0rse-b4ttery");
        fixture.deliver();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void forgetMail() {
        fixture.smtp.purge();
    }

    @Test
    void getIsNotAllowed() {
        assertJson(http.get("/registration/resend-email/"), 405, "{\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
    }

    @Test
    void aMissingOrInvalidAddressIsAFieldError() {
        assertJson(http.post("/registration/resend-email/", "{}"), 400, "{\"email\":[\"This field is required.\"]}");
        assertJson(http.post("/registration/resend-email/", "{\"email\": \"nope\"}"), 400,
                "{\"email\":[\"Enter a valid email address.\"]}");
    }

    @Test
    void unknownAndConfirmedAddressesGetTheSameAnswerAndNoMail() {
        assertJson(resend("nobody_yihn7e@example.com"), 200, OK);
        assertJson(resend("alice_yihn7e@example.com"), 200, OK);
        assertEquals(0, fixture.deliver().size());
    }

    @Test
    void anUnconfirmedAddressGetsAMailAtItsStoredSpellingInAnyCase() throws Exception {
        assertJson(resend("Bob_yihn7e@Example.COM"), 200, OK);
        assertJson(resend("bob_yihn7e@example.com"), 200, OK);
        assertEquals(2, fixture.deliver().size());
        for (var message : fixture.smtp.messages()) {
            assertEquals("Bob_yihn7e@Example.COM", message.getRecipients(Message.RecipientType.TO)[0].toString());
            assertEquals("[example.com] Please Confirm Your E-mail Address", message.getSubject());
            Smtp.text(message);
        }
    }

    private static Http.Response resend(String email) {
        return http.post("/registration/resend-email/", "{\"email\": \"" + email + "\"}");
    }
}
