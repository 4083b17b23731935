package dev.restauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.StatementLog;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code password/reset/} and {@code registration/resend-email/} do the same database work for an address that has
 * an account as for one that has none: the same statements, in the same order, the same writes. Who gets mail is
 * decided afterwards, by the outbox's sender, so neither the answer nor the time a request takes tells them apart.
 * The statements are counted, as the login tests count hashes; the time is {@code make bench}'s business. A
 * sign-up under {@code prevent_enumeration} differs from one with a new address by the account it creates alone.
 */
class SameWorkForAnyAddressTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";

    @Test
    void aResetRequestDoesTheSameDatabaseWorkForAKnownAndAnUnknownAddress() throws MessagingException {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2); Smtp smtp = Smtp.start()) {
            StatementLog log = new StatementLog(database.dataSource());
            try (TestServer server = server(log, smtp)) {
                server.createUser("alice", "alice@example.com", PASSWORD);
                log.take();
                assertEquals(200, server.http().post("/password/reset/", "{\"email\":\"Alice@Example.com\"}")
                        .status());
                List<String> known = log.take();
                assertEquals(200, server.http().post("/password/reset/", "{\"email\":\"nobody@example.com\"}")
                        .status());
                List<String> unknown = log.take();

                assertSameWork(known, unknown);
                assertEquals(1, server.app().outboxSender().deliverDue(), "alice's mail, and none for nobody");
                assertEquals(List.of("alice@example.com"), recipients(smtp));
            }
        }
    }

    @Test
    void aResentConfirmationDoesTheSameDatabaseWorkForAKnownAndAnUnknownAddress() throws MessagingException {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2); Smtp smtp = Smtp.start()) {
            StatementLog log = new StatementLog(database.dataSource());
            try (TestServer server = server(log, smtp)) {
                Http.Response registered = server.http().post("/registration/", "{\"username\":\"carol\","
                        + "\"email\":\"carol@example.com\",\"password1\":\"" + PASSWORD + "\",\"password2\":\""
                        + PASSWORD + "\"}");
                assertEquals(201, registered.status(), registered.toString());
                assertEquals(1, server.app().outboxSender().deliverDue());
                smtp.purge();
                log.take();
                assertEquals(200, server.http().post("/registration/resend-email/",
                        "{\"email\":\"CAROL@example.com\"}").status());
                List<String> known = log.take();
                assertEquals(200, server.http().post("/registration/resend-email/",
                        "{\"email\":\"nobody@example.com\"}").status());
                List<String> unknown = log.take();

                assertSameWork(known, unknown);
                assertEquals(1, server.app().outboxSender().deliverDue(), "carol's mail, and none for nobody");
                assertEquals(List.of("carol@example.com"), recipients(smtp));
            }
        }
    }

    /**
     * With {@code prevent_enumeration}, a sign-up with a taken address does what one with a new address does up to
     * the answer, but for the two rows a new account is (its user and its address): the same lookups, then one
     * outbox row in the same transaction, the confirmation mail for a new address, the job that mails the owner
     * for a taken one. What the job then does (the owner's limit, the mail) happens in the outbox's sender.
     */
    @Test
    void aSignUpWithATakenAddressDoesTheWorkOfOneWithANewAddressButCreatingTheAccount() throws MessagingException {
        assertSignUpsDoTheSameWorkButCreatingTheAccount("true", "carol", "mallory", "carol@example.com");
    }

    /** Without a username one is made from the address, for a taken one too: "bob" is taken either way here. */
    @Test
    void aSignUpWithoutUsernameDoesTheSameLookupsForATakenAndANewAddress() throws MessagingException {
        assertSignUpsDoTheSameWorkButCreatingTheAccount("false", "", "", "bob@elsewhere.example");
    }

    private static void assertSignUpsDoTheSameWorkButCreatingTheAccount(String usernameRequired, String newcomer,
                                                                         String intruder, String newEmail)
            throws MessagingException {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2); Smtp smtp = Smtp.start()) {
            StatementLog log = new StatementLog(database.dataSource());
            try (TestServer server = TestServer.builder().dataSource(log).clock(MutableClock.startingNow())
                    .setting("throttle_enabled", "true").setting("prevent_enumeration", "true")
                    .setting("username_required", usernameRequired)
                    .customize(app -> app.backgroundWork(false)).mailTo(smtp.port()).start()) {
                server.createUser("bob", "bob@example.com", PASSWORD);
                log.take();
                Http.Response fresh = server.http().post("/registration/", signUp(newcomer, newEmail));
                List<String> newAddress = log.take();
                Http.Response taken = server.http().post("/registration/", signUp(intruder, "BOB@example.com"));
                List<String> takenAddress = log.take();

                assertEquals(201, fresh.status(), fresh.toString());
                assertEquals(fresh.toString(), taken.toString(), "the same answer");
                List<String> creatingTheAccount = newAddress.stream().filter(sql ->
                        sql.startsWith("INSERT INTO restauth_user ")
                                || sql.startsWith("INSERT INTO restauth_email_address ")).toList();
                assertEquals(2, creatingTheAccount.size(), newAddress::toString);
                List<String> allButCreatingTheAccount = new ArrayList<>(newAddress);
                allButCreatingTheAccount.removeAll(creatingTheAccount);
                assertEquals(allButCreatingTheAccount, takenAddress, "the same statements in the same order");
                assertEquals(1, StatementLog.writes(takenAddress).stream()
                        .filter(sql -> sql.startsWith("INSERT INTO restauth_mail_outbox ")).count(),
                        takenAddress::toString);

                assertEquals(2, server.app().outboxSender().deliverDue(), "carol's confirmation, bob's warning");
                assertEquals(Set.of("bob@example.com", newEmail), Set.copyOf(recipients(smtp)));
            }
        }
    }

    /** A sign-up's body; without the username field when {@code username} is empty. */
    private static String signUp(String username, String email) {
        return "{" + (username.isEmpty() ? "" : "\"username\":\"" + username + "\",") + "\"email\":\"" + email
                + "\",\"password1\":\"" + PASSWORD
                + "\",\"password2\":\"" + PASSWORD + "\"}";
    }

    private static void assertSameWork(List<String> known, List<String> unknown) {
        assertFalse(StatementLog.writes(known).isEmpty(), "the request is counted and its job queued: " + known);
        assertEquals(StatementLog.writes(known).size(), StatementLog.writes(unknown).size(), "writes");
        assertEquals(known, unknown, "the same statements in the same order");
    }

    private static TestServer server(StatementLog log, Smtp smtp) {
        return TestServer.builder().dataSource(log).clock(MutableClock.startingNow())
                .setting("throttle_enabled", "true").mailTo(smtp.port()).start();
    }

    private static List<String> recipients(Smtp smtp) throws MessagingException {
        List<String> recipients = new java.util.ArrayList<>();
        for (MimeMessage message : smtp.messages()) {
            recipients.add(message.getAllRecipients()[0].toString());
        }
        return recipients;
    }
}
