package dev.restauth.endpoint.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Security notices by mail ({@code security_notices}): password changed and reset; off by default. */
class SecurityNoticesTest {
    private static final String PASSWORD = SecurityLogEndpointTest.PASSWORD;
    private static final String NEW = SecurityLogEndpointTest.NEW_PASSWORD;
    private static final Pattern RESET_LINK = Pattern.compile("/password-reset/confirm/([0-9a-z]+)/([0-9a-z]+-[0-9a-f]+)/");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void aPasswordChangeAndAResetAreToldToTheOwnerWithoutAnySecret() throws Exception {
        try (Smtp smtp = Smtp.start(); TestServer server = TestServer.builder().clock(clock).mailTo(smtp.port())
                .setting("security_notices", "true").start()) {
            Http http = server.http();
            server.createUser("alice", "alice@example.com", PASSWORD);
            String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
            assertEquals(200, http.post("/password/change/", "{\"new_password1\":\"" + NEW + "\",\"new_password2\":\""
                    + NEW + "\"}", Http.token(key)).status());
            server.app().outboxSender().deliverDue();
            List<MimeMessage> mails = smtp.messages();
            assertEquals(1, mails.size());
            MimeMessage notice = mails.get(0);
            assertEquals("alice@example.com", notice.getRecipients(Message.RecipientType.TO)[0].toString());
            assertEquals("[example.com] Your password was changed", notice.getSubject());
            assertEquals("Hello from example.com!\n\nThe password of your account alice was changed on "
                    + "2026-03-02 10:00:00 (UTC),\nfrom the IP address 127.0.0.1.\n\nIf this was not you, reset your "
                    + "password at once.\n\nThank you for using example.com!\nexample.com", Smtp.text(notice).strip()
                    .replace("\r\n", "\n"));
            smtp.purge();

            assertEquals(200, http.post("/password/reset/", "{\"email\":\"alice@example.com\"}").status());
            server.app().outboxSender().deliverDue();
            Matcher link = RESET_LINK.matcher(Smtp.text(smtp.messages().get(0)));
            assertTrue(link.find());
            smtp.purge();
            assertEquals(200, http.post("/password/reset/confirm/", "{\"uid\":\"" + link.group(1) + "\",\"token\":\""
                    + link.group(2) + "\",\"new_password1\":\"" + PASSWORD + "\",\"new_password2\":\"" + PASSWORD
                    + "\"}").status());
            server.app().outboxSender().deliverDue();
            assertEquals(1, smtp.messages().size());
            String text = Smtp.text(smtp.messages().get(0));
            assertEquals("[example.com] Your password was reset", smtp.messages().get(0).getSubject());
            assertTrue(!text.contains(PASSWORD) && !text.contains(link.group(2)), text);
        }
    }

    @Test
    void withoutTheSettingNothingIsSent() {
        try (Smtp smtp = Smtp.start(); TestServer server = TestServer.builder().clock(clock).mailTo(smtp.port())
                .start()) {
            server.createUser("bob", "bob@example.com", PASSWORD);
            String key = SecurityLogEndpointTest.login(server.http(), "bob", PASSWORD);
            assertEquals(200, server.http().post("/password/change/", "{\"new_password1\":\"" + NEW
                    + "\",\"new_password2\":\"" + NEW + "\"}", Http.token(key)).status());
            server.app().outboxSender().deliverDue();
            assertEquals(List.of(), smtp.messages());
        }
    }
}
