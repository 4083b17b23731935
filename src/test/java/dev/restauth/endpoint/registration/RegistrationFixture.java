package dev.restauth.endpoint.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import jakarta.mail.internet.MimeMessage;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A restauth on a real Jetty whose mail goes to a real SMTP server (GreenMail) when the test says so, for the
 * registration tests. Mail is delivered by calling the outbox sender, not by waiting on its thread.
 */
final class RegistrationFixture implements AutoCloseable {
    static final Pattern KEY_LINK = Pattern.compile("/rest-auth/registration/account-confirm-email/([-:\\w]+)/");

    final Smtp smtp = Smtp.start();
    final MutableClock clock = MutableClock.startingNow();
    final TestServer server;

    RegistrationFixture(Consumer<TestServer.Builder> settings) {
        TestServer.Builder builder = TestServer.builder()
                .clock(clock)
                .mailTo(smtp.port());
        settings.accept(builder);
        server = builder.start();
    }

    Http http() {
        return server.http();
    }

    Http.Response register(String username, String email, String password) {
        return http().post("/registration/", "{\"username\": \"" + username + "\", \"email\": \"" + email
                + "\", \"password1\": \"" + password + "\", \"password2\": \"" + password + "\"}");
    }

    /** Delivers every queued mail and returns what the SMTP server received since the last purge. */
    List<MimeMessage> deliver() {
        server.app().outboxSender().deliverDue();
        return smtp.messages();
    }

    /** The verification key in the last mail delivered. */
    String lastKey() {
        List<MimeMessage> messages = deliver();
        assertTrue(!messages.isEmpty(), "no mail was sent");
        String text = Smtp.text(messages.get(messages.size() - 1));
        Matcher link = KEY_LINK.matcher(text);
        assertTrue(link.find(), text);
        return link.group(1);
    }

    Http.Response verify(String key) {
        return http().post("/registration/verify-email/", "{\"key\": \"" + key + "\"}");
    }

    static void assertJson(Http.Response response, int status, String body) {
        assertEquals(status, response.status(), response.body());
        assertEquals(body, response.body());
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals("POST, OPTIONS", response.header("Allow"));
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            smtp.close();
        }
    }
}
