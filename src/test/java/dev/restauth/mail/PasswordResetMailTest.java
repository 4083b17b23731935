package dev.restauth.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import dev.restauth.testing.Http;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reset mail as a real SMTP server receives it ({@code email_backend=smtp} pointed at GreenMail on a free
 * port): recipient, From, subject, content type and the body, byte for byte against the transcript's section 13.
 */
class PasswordResetMailTest {
    /** A fresh SMTP server on a free port for every test. */
    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @TempDir
    Path templates;

    private static final Pattern TOKEN = Pattern.compile("[0-9a-z]{1,13}-[0-9a-f]{32}");

    /**
     * The transcript's "Password reset mail" with its link and username put in. The transcript shows one more line
     * end after the last line: the CRLF that SMTP's end-of-data marker needs, which the sender adds on the wire and
     * the receiving server takes off again.
     */
    static String transcriptBody(String link, String username) {
        return "Hello from example.com!\n"
                + "\n"
                + "You're receiving this e-mail because you or someone else has requested a password for your user "
                + "account.\n"
                + "It can be safely ignored if you did not request a password reset. Click the link below to reset "
                + "your password.\n"
                + "\n"
                + link + "\n"
                + "\n"
                + (username == null ? "" : "In case you forgot, your username is " + username + ".\n\n")
                + "Thank you for using example.com!\n"
                + "example.com";
    }

    @Test
    void theResetMailReadsLikeTheReferencesToTheByte() throws Exception {
        try (TestServer server = start(builder -> { })) {
            server.createUser("alice_yihn7e", "alice_yihn7e@example.com", "Tr0ub4dor&3x");
            reset(server, "alice_yihn7e@example.com");

            MimeMessage mail = onlyMail();
            assertEquals("[example.com] Password Reset E-mail", mail.getSubject());
            assertEquals(List.of("webmaster@localhost"), addresses(mail.getFrom()));
            assertEquals(List.of("alice_yihn7e@example.com"), addresses(mail.getAllRecipients()));
            assertEquals("text/plain; charset=utf-8", mail.getContentType());
            assertEquals("7bit", mail.getEncoding());
            assertEquals("1.0", mail.getHeader("MIME-Version", null));
            String link = "http://127.0.0.1:" + server.port() + "/password-reset/confirm/1/" + token(mail) + "/";
            assertEquals(transcriptBody(link, "alice_yihn7e"), body(mail));
        }
    }

    @Test
    void aRequestInUpperCaseIsMailedToTheAddressAsStored() throws Exception {
        try (TestServer server = start(builder -> { })) {
            server.createUser("alice_yihn7e", "alice_yihn7e@example.com", "Tr0ub4dor&3x");
            reset(server, "ALICE_YIHN7E@EXAMPLE.COM");

            MimeMessage mail = onlyMail();
            assertEquals(List.of("alice_yihn7e@example.com"), addresses(mail.getAllRecipients()));
            assertEquals(List.of("alice_yihn7e@example.com"), addresses(
                    greenMail.getReceivedMessagesForDomain("example.com")[0].getAllRecipients()));
        }
    }

    @Test
    void aMixedCaseAddressIsMailedAsItWasRegistered() throws Exception {
        try (TestServer server = start(builder -> { })) {
            server.createUser("bob_yihn7e", "Bob_yihn7e@Example.COM", "Tr0ub4dor&3x");
            reset(server, "bob_yihn7e@example.com");

            assertEquals(List.of("Bob_yihn7e@Example.COM"), addresses(onlyMail().getAllRecipients()));
        }
    }

    @Test
    void theLinkFollowsTheTemplateSetting() throws Exception {
        try (TestServer server = start(builder -> builder.setting("password_reset_url",
                "https://app.example.com/reset?uid={uid}&token={token}"))) {
            server.createUser("alice_yihn7e", "alice_yihn7e@example.com", "Tr0ub4dor&3x");
            reset(server, "alice_yihn7e@example.com");

            MimeMessage mail = onlyMail();
            assertEquals(transcriptBody("https://app.example.com/reset?uid=1&token=" + token(mail), "alice_yihn7e"),
                    body(mail));
        }
    }

    @Test
    void aPathTemplateIsCompletedWithTheRequestsHost() throws Exception {
        try (TestServer server = start(builder -> builder.setting("password_reset_url",
                "/app/#/reset/{uid}/{token}"))) {
            server.createUser("alice_yihn7e", "alice_yihn7e@example.com", "Tr0ub4dor&3x");
            reset(server, "alice_yihn7e@example.com");

            MimeMessage mail = onlyMail();
            assertTrue(body(mail).contains("\nhttp://127.0.0.1:" + server.port() + "/app/#/reset/1/" + token(mail)
                    + "\n"), body(mail));
        }
    }

    @Test
    void usersWhoLogInByEmailAreNotRemindedOfTheirUsername() throws Exception {
        try (TestServer server = start(builder -> builder.setting("authentication_method", "email"))) {
            server.createUser("alice_yihn7e", "alice_yihn7e@example.com", "Tr0ub4dor&3x");
            reset(server, "alice_yihn7e@example.com");

            MimeMessage mail = onlyMail();
            String link = "http://127.0.0.1:" + server.port() + "/password-reset/confirm/1/" + token(mail) + "/";
            assertEquals(transcriptBody(link, null), body(mail));
        }
    }

    @Test
    void siteNameDomainAndFromAddressComeFromTheSettings() throws Exception {
        try (TestServer server = start(builder -> builder.setting("site_name", "Acme Shop")
                .setting("site_domain", "shop.acme.test").setting("default_from_email", "Acme <noreply@acme.test>"))) {
            server.createUser("alice_yihn7e", "alice_yihn7e@example.com", "Tr0ub4dor&3x");
            reset(server, "alice_yihn7e@example.com");

            MimeMessage mail = onlyMail();
            assertEquals("[Acme Shop] Password Reset E-mail", mail.getSubject());
            assertEquals(List.of("Acme <noreply@acme.test>"), addresses(mail.getFrom()));
            assertTrue(body(mail).startsWith("Hello from Acme Shop!\n"), body(mail));
            assertTrue(body(mail).endsWith("\nThank you for using Acme Shop!\nshop.acme.test"), body(mail));
        }
    }

    @Test
    void aTemplateFileInTheDirectoryReplacesOnlyItsBundledTwin() throws Exception {
        Files.writeString(templates.resolve("password_reset_key_subject.txt"), "Reset your\npassword\n");
        try (TestServer server = start(builder -> builder.setting("email_templates_dir", templates.toString()))) {
            server.createUser("alice_yihn7e", "alice_yihn7e@example.com", "Tr0ub4dor&3x");
            reset(server, "alice_yihn7e@example.com");

            MimeMessage mail = onlyMail();
            assertEquals("[example.com] Reset your password", mail.getSubject());
            String link = "http://127.0.0.1:" + server.port() + "/password-reset/confirm/1/" + token(mail) + "/";
            assertEquals(transcriptBody(link, "alice_yihn7e"), body(mail));
        }
    }

    @Test
    void inactiveUsersGetNoMail() {
        try (TestServer server = start(builder -> { })) {
            server.createUser("alice_yihn7e", "alice_yihn7e@example.com", "Tr0ub4dor&3x");
            server.app().database().useTransaction(c -> c.users().updateActive(1, false));
            reset(server, "alice_yihn7e@example.com");

            assertEquals(0, greenMail.getReceivedMessages().length);
        }
    }

    private TestServer start(Consumer<TestServer.Builder> settings) {
        TestServer.Builder builder = TestServer.builder()
                .mailTo(greenMail.getSmtp().getPort());
        settings.accept(builder);
        return builder.start();
    }

    private static void reset(TestServer server, String email) {
        Http.Response response = server.http().post("/password/reset/", "{\"email\": \"" + email + "\"}");
        assertEquals(200, response.status(), response.toString());
        server.app().outboxSender().deliverDue();
    }

    private MimeMessage onlyMail() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length, "mails received");
        return received[0];
    }

    /** The body as received, with the wire's CRLF as LF. */
    private static String body(MimeMessage mail) {
        String source = Smtp.source(mail);
        return source.substring(source.indexOf("\n\n") + 2);
    }

    private static String token(MimeMessage mail) {
        Matcher token = TOKEN.matcher(body(mail));
        assertTrue(token.find(), body(mail));
        return token.group();
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }
}
