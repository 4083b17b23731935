package dev.restauth.endpoint.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.AuthenticatorApp;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /emails/} and {@code /reauthenticate/}: listing, adding (with registration's confirmation mail), resending,
 * promoting and removing addresses, each change behind a recent re-authentication, logins by any confirmed address,
 * {@code email_change}, the security notices, and what the security log keeps of it all.
 */
class EmailAddressesEndpointTest {
    static final String PASSWORD = SecurityLogEndpointTest.PASSWORD;
    static final String REAUTH_REQUIRED = "{\"detail\":\"Reauthentication required.\",\"code\":"
            + "\"reauthentication_required\"}";
    static final Pattern KEY_LINK = Pattern.compile("/rest-auth/registration/account-confirm-email/([-:\\w]+)/");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final Smtp smtp = Smtp.start();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        smtp.close();
    }

    private Http start(String... settings) {
        TestServer.Builder builder = TestServer.builder().clock(clock).mailTo(smtp.port());
        for (int i = 0; i < settings.length; i += 2) {
            builder.setting(settings[i], settings[i + 1]);
        }
        server = builder.start();
        server.createUser("alice", "alice@example.com", PASSWORD);
        return server.http();
    }

    @Test
    void changesNeedARecentReauthenticationOfTheCredentialTheRequestCameWith() {
        Http http = start();
        String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        String add = "{\"email\":\"alice@work.example\"}";
        assertAnswer(http.post("/emails/", add, Http.token(key)), 401, REAUTH_REQUIRED);
        assertAnswer(http.post("/reauthenticate/", "{}", Http.token(key)), 400,
                "{\"non_field_errors\":[\"Give the password or a second-factor code.\"]}");
        assertAnswer(http.post("/reauthenticate/", "{\"password\":\"wrong\"}", Http.token(key)), 400,
                "{\"password\":[\"Invalid password.\"]}");
        assertAnswer(http.post("/reauthenticate/", "{\"password\":\"" + PASSWORD + "\"}", Http.token(key)), 200,
                "{\"detail\":\"Reauthenticated.\"}");
        assertAnswer(http.post("/emails/", add, Http.token(key)), 200,
                "[{\"email\":\"alice@example.com\",\"verified\":true,\"primary\":true},"
                        + "{\"email\":\"alice@work.example\",\"verified\":false,\"primary\":false}]");

        clock.advance(Duration.ofSeconds(301));
        assertAnswer(http.delete("/emails/", Http.token(key)), 400, "{\"email\":[\"This field is required.\"]}");
        assertAnswer(http.send("DELETE", "/emails/", "application/json", add, Http.token(key)), 401,
                REAUTH_REQUIRED);
        // A new token after logout starts over.
        assertAnswer(http.post("/reauthenticate/", "{\"password\":\"" + PASSWORD + "\"}", Http.token(key)), 200,
                "{\"detail\":\"Reauthenticated.\"}");
        assertEquals(200, http.send("POST", "/logout/", null, null, Http.token(key)).status());
        String next = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        assertAnswer(http.send("DELETE", "/emails/", "application/json", add, Http.token(next)), 401,
                REAUTH_REQUIRED);

        assertEquals(List.of("alice reauthenticate failed", "alice reauthenticate ok", "alice email_added ok",
                        "alice reauthenticate ok", "alice logout ok"),
                SecurityLogEndpointTest.chronological(server, "alice").stream()
                        .filter(e -> !e.contains(" login ")).toList());
    }

    @Test
    void wrongPasswordsAreCountedAsAPasswordChangesOldPassword() {
        Http http = start("throttle_enabled", "true", "throttle_password_change_failed", "2/h");
        String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        for (int i = 0; i < 2; i++) {
            assertEquals(400, http.post("/reauthenticate/", "{\"password\":\"wrong\"}", Http.token(key)).status());
        }
        Http.Response refused = http.post("/reauthenticate/", "{\"password\":\"" + PASSWORD + "\"}",
                Http.token(key));
        assertEquals(429, refused.status(), refused.body());
        assertAnswer(http.post("/emails/", "{\"email\":\"alice@work.example\"}", Http.token(key)), 401,
                REAUTH_REQUIRED);
    }

    @Test
    void aSecondFactorReauthenticatesToo() {
        Http http = start("mfa_enabled", "true");
        String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        AuthenticatorApp app = AuthenticatorApp.activate(http, clock, Http.token(key));
        assertAnswer(http.post("/reauthenticate/", "{\"code\":\"000000\"}", Http.token(key)), 400,
                "{\"code\":[\"Invalid code.\"]}");
        assertAnswer(http.post("/reauthenticate/", "{\"code\":\"" + app.code() + "\"}", Http.token(key)), 200,
                "{\"detail\":\"Reauthenticated.\"}");
        assertEquals(200, http.post("/emails/", "{\"email\":\"alice@work.example\"}", Http.token(key)).status());
    }

    @Test
    void anAddedAddressIsConfirmedByRegistrationsMailAndThenLogsIn() throws Exception {
        Http http = start();
        String key = reauthenticated(http);
        String login = "{\"email\":\"Alice@Work.example\",\"password\":\"" + PASSWORD + "\"}";
        assertEquals(200, http.post("/emails/", "{\"email\":\"Alice@Work.example\"}", Http.token(key)).status());
        assertEquals(400, http.post("/login/", login).status(), "an unconfirmed address names nobody");

        List<MimeMessage> mails = deliver();
        assertEquals(1, mails.size());
        assertEquals("Alice@Work.example", mails.get(0).getRecipients(Message.RecipientType.TO)[0].toString());
        Matcher link = KEY_LINK.matcher(Smtp.text(mails.get(0)));
        assertTrue(link.find());
        assertEquals(200, http.post("/registration/verify-email/", "{\"key\":\"" + link.group(1) + "\"}").status());

        assertAnswer(http.get("/emails/", Http.token(key)), 200,
                "[{\"email\":\"alice@example.com\",\"verified\":true,\"primary\":true},"
                        + "{\"email\":\"Alice@Work.example\",\"verified\":true,\"primary\":false}]");
        assertEquals(200, http.post("/login/", login.replace("Alice@Work", "alice@work")).status());
    }

    @Test
    void anAddressIsUniqueAcrossAccountsInAnyLetterCase() {
        Http http = start();
        server.createUser("bob", "bob@example.com", PASSWORD);
        String key = reauthenticated(http);
        assertAnswer(http.post("/emails/", "{\"email\":\"BOB@example.com\"}", Http.token(key)), 400,
                "{\"email\":[\"A user is already registered with this e-mail address.\"]}");
        assertAnswer(http.post("/emails/", "{\"email\":\"ALICE@example.com\"}", Http.token(key)), 400,
                "{\"email\":[\"This e-mail address is already associated with this account.\"]}");
        assertAnswer(http.post("/emails/", "{\"email\":\"not an address\"}", Http.token(key)), 400,
                "{\"email\":[\"Enter a valid email address.\"]}");
        assertEquals(List.of(), deliver());
        assertTrue(SecurityLogEndpointTest.events(server, "alice").stream().noneMatch(e -> e.contains("email")),
                "refused requests leave no row");
    }

    @Test
    void aConfirmedAddressBecomesPrimaryAndTheOldOneIsTold() throws Exception {
        Http http = start("security_notices", "true");
        String key = reauthenticated(http);
        assertEquals(200, http.post("/emails/", "{\"email\":\"alice@work.example\"}", Http.token(key)).status());
        String patch = "{\"email\":\"alice@work.example\",\"primary\":true}";
        assertAnswer(http.patch("/emails/", patch, Http.token(key)), 400,
                "{\"email\":[\"This e-mail address is not verified.\"]}");
        assertAnswer(http.patch("/emails/", "{\"email\":\"alice@work.example\"}", Http.token(key)), 400,
                "{\"primary\":[\"This field is required.\"]}");
        confirmLastMail(http);
        smtp.purge();

        assertAnswer(http.patch("/emails/", patch, Http.token(key)), 200,
                "[{\"email\":\"alice@example.com\",\"verified\":true,\"primary\":false},"
                        + "{\"email\":\"alice@work.example\",\"verified\":true,\"primary\":true}]");
        assertEquals("alice@work.example", http.get("/user/", Http.token(key)).json().get("email").getAsString());
        List<MimeMessage> mails = deliver();
        assertEquals(1, mails.size());
        assertEquals("alice@example.com", mails.get(0).getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("[example.com] Your primary e-mail address was changed", mails.get(0).getSubject());
        String text = Smtp.text(mails.get(0));
        assertTrue(text.contains("was changed from\nalice@example.com to alice@work.example on 2026-03-02 10:00:00 "
                + "(UTC), from the IP address\n127.0.0.1."), text);

        assertAnswer(http.send("DELETE", "/emails/", "application/json", "{\"email\":\"alice@work.example\"}",
                Http.token(key)), 400, "{\"email\":[\"You cannot remove your primary e-mail address.\"]}");
        assertAnswer(http.send("DELETE", "/emails/", "application/json", "{\"email\":\"alice@example.com\"}",
                Http.token(key)), 200, "[{\"email\":\"alice@work.example\",\"verified\":true,\"primary\":true}]");
        assertEquals(List.of("email_added", "email_confirmed", "email_primary", "email_removed"),
                SecurityLogEndpointTest.chronological(server, "alice").stream().map(e -> e.split(" ")[1])
                        .filter(e -> e.startsWith("email")).toList());
    }

    @Test
    void resendMailsAnUnconfirmedAddressAgainAndIsThrottled() {
        Http http = start("throttle_enabled", "true", "throttle_confirmation_email", "2/h");
        String key = reauthenticated(http);
        assertEquals(200, http.post("/emails/", "{\"email\":\"alice@work.example\"}", Http.token(key)).status());
        assertAnswer(http.put("/emails/", "{\"email\":\"alice@work.example\"}", Http.token(key)), 200,
                "{\"detail\":\"ok\"}");
        assertEquals(429, http.put("/emails/", "{\"email\":\"alice@work.example\"}", Http.token(key)).status());
        assertAnswer(http.put("/emails/", "{\"email\":\"alice@example.com\"}", Http.token(key)), 200,
                "{\"detail\":\"ok\"}");
        assertAnswer(http.put("/emails/", "{\"email\":\"carol@example.com\"}", Http.token(key)), 400,
                "{\"email\":[\"This e-mail address is not associated with this account.\"]}");
        assertEquals(2, deliver().size(), "the addition's mail and one resend; none for the confirmed address");
    }

    @Test
    void withEmailChangeAConfirmedAddressReplacesThePrimaryOne() throws Exception {
        Http http = start("email_change", "true");
        String key = reauthenticated(http);
        assertEquals(200, http.post("/emails/", "{\"email\":\"first@example.com\"}", Http.token(key)).status());
        assertAnswer(http.post("/emails/", "{\"email\":\"second@example.com\"}", Http.token(key)), 200,
                "[{\"email\":\"alice@example.com\",\"verified\":true,\"primary\":true},"
                        + "{\"email\":\"second@example.com\",\"verified\":false,\"primary\":false}]");
        confirmLastMail(http);
        assertAnswer(http.get("/emails/", Http.token(key)), 200,
                "[{\"email\":\"second@example.com\",\"verified\":true,\"primary\":true}]");
        assertEquals("second@example.com", http.get("/user/", Http.token(key)).json().get("email").getAsString());
        smtp.purge();
        assertEquals(200, http.send("POST", "/logout/", null, null, Http.token(key)).status());
        assertEquals(400, http.post("/login/", "{\"email\":\"alice@example.com\",\"password\":\"" + PASSWORD
                + "\"}").status(), "the replaced address is gone");
    }

    @Test
    void anonymousRequestsAreRefused() {
        Http http = start();
        assertEquals(401, http.get("/emails/").status());
        assertEquals(401, http.post("/reauthenticate/", "{\"password\":\"x\"}").status());
    }

    private String reauthenticated(Http http) {
        String key = SecurityLogEndpointTest.login(http, "alice", PASSWORD);
        assertEquals(200, http.post("/reauthenticate/", "{\"password\":\"" + PASSWORD + "\"}", Http.token(key))
                .status());
        return key;
    }

    /** Confirms the address of the last confirmation mail delivered. */
    private void confirmLastMail(Http http) {
        String key = null;
        for (MimeMessage mail : deliver()) {
            Matcher link = KEY_LINK.matcher(Smtp.text(mail));
            if (link.find()) {
                key = link.group(1);
            }
        }
        assertTrue(key != null, "no confirmation mail");
        assertEquals(200, http.post("/registration/verify-email/", "{\"key\":\"" + key + "\"}").status());
    }

    private List<MimeMessage> deliver() {
        server.app().outboxSender().deliverDue();
        return smtp.messages();
    }

    private static void assertAnswer(Http.Response response, int status, String body) {
        assertEquals(body, response.body());
        assertEquals(status, response.status(), response.body());
    }
}
