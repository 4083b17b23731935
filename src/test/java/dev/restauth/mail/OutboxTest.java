package dev.restauth.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.db.Sql;
import dev.restauth.RestAuth;
import dev.restauth.config.Settings;
import dev.restauth.db.MailOutboxDao;
import dev.restauth.testing.Http;
import dev.restauth.testing.MutableClock;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The durable outbox against real SMTP (GreenMail) and real databases: mail is late, never lost, never doubled. */
class OutboxTest {
    private static final String SENT = "{\"detail\":\"Password reset e-mail has been sent.\"}";

    @TempDir
    Path dataDir;

    @Test
    void whileSmtpIsDownResetsSucceedAndTheMailGoesOutOnceItIsBack() {
        int port = Smtp.closedPort();
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.builder().clock(clock)
                .mailTo(port)
                .start()) {
            server.createUser("fred_yihn7e", "fred_yihn7e@example.com", "c0rrect-h0rse-b4ttery");
            Http.Response unknown = server.http().post("/password/reset/", "{\"email\": \"nobody@example.com\"}");
            Http.Response known = server.http().post("/password/reset/", "{\"email\": \"fred_yihn7e@example.com\"}");
            assertEquals(200, unknown.status());
            assertEquals(SENT, unknown.body());
            assertEquals(200, known.status());
            assertEquals(SENT, known.body());

            OutboxSender sender = server.app().outboxSender();
            assertEquals(0, sender.deliverDue());
            MailOutboxDao.Entry failed = onlyEntry(server.app());
            assertEquals(1, failed.attempts());
            assertEquals(clock.instant().plusSeconds(10), failed.nextAttempt());
            assertNotNull(failed.lastError());

            try (Smtp smtp = Smtp.start(port)) {
                assertEquals(0, sender.deliverDue(), "not due before the backoff has passed");
                clock.advance(Duration.ofSeconds(10));
                assertEquals(1, sender.deliverDue());
                assertEquals(0, sender.deliverDue());
                assertEquals(1, smtp.messages().size());
                assertEquals("fred_yihn7e@example.com", recipient(smtp.messages().get(0)));
                MailOutboxDao.Entry sent = onlyEntry(server.app());
                assertEquals(clock.instant(), sent.sent());
                assertEquals(2, sent.attempts());
                assertNull(sent.nextAttempt());
                assertEquals("", body(server.app(), sent.id()), "a sent mail's body (a reset link) is erased");
            }
        }
    }

    @Test
    void mailLeftPendingByOneRunIsDeliveredByTheNext() {
        Map<String, String> settings = new LinkedHashMap<>(TestServer.BASE);
        settings.put("data_dir", dataDir.toString());
        settings.put("email_backend", "smtp");
        settings.put("email_host", "127.0.0.1");
        try (Smtp smtp = Smtp.start()) {
            settings.put("email_port", Integer.toString(smtp.port()));
            try (RestAuth first = RestAuth.builder(settings(settings)).backgroundWork(false).build()) {
                first.database().useTransaction(c -> first.outbox().enqueue(c,
                        new Mail("carol@example.com", "[example.com] Pending", "left behind")));
            }
            assertEquals(0, smtp.messages().size());

            // A new process on the same H2 file: its sender thread finds the mail on its first look.
            try (RestAuth second = RestAuth.builder(settings(settings)).build()) {
                assertTrue(smtp.await(1), "the pending mail was delivered");
                // Stopping the sender lets it record the delivery it just made.
                second.outboxSender().close();
                assertNotNull(onlyEntry(second).sent());
            }
            assertEquals(1, smtp.messages().size());
            assertEquals("[example.com] Pending", subject(smtp.messages().get(0)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoNodesRacingOverOneDatabaseDeliverEachMailExactlyOnce(TestDatabase.Kind kind) throws Exception {
        int mails = 60;
        try (TestDatabase database = TestDatabase.create(kind); Smtp smtp = Smtp.start()) {
            Map<String, String> settings = new LinkedHashMap<>(TestServer.BASE);
            settings.put("database_url", database.jdbcUrl());
            settings.put("database_user", database.user());
            settings.put("email_backend", "smtp");
            settings.put("email_host", "127.0.0.1");
            settings.put("email_port", Integer.toString(smtp.port()));
            try (RestAuth one = RestAuth.builder(settings(settings)).backgroundWork(false).build();
                 RestAuth two = RestAuth.builder(settings(settings)).backgroundWork(false).build()) {
                for (int i = 0; i < mails; i++) {
                    Mail mail = new Mail("user" + i + "@example.com", "mail " + i, "body " + i);
                    one.database().useTransaction(c -> one.outbox().enqueue(c, mail));
                }
                int delivered = race(List.of(one.outboxSender(), one.outboxSender(), one.outboxSender(),
                        two.outboxSender(), two.outboxSender(), two.outboxSender()));

                assertEquals(mails, delivered, "deliveries reported by the senders");
                assertEquals(mails, smtp.messages().size(), "mails received");
                Set<String> subjects = new HashSet<>();
                for (MimeMessage message : smtp.messages()) {
                    assertTrue(subjects.add(subject(message)), "delivered twice: " + subject(message));
                }
                List<MailOutboxDao.Entry> entries = one.database().inTransaction(c -> c.outbox().all());
                assertEquals(mails, entries.size());
                entries.forEach(entry -> {
                    assertNotNull(entry.sent(), entry.toString());
                    assertEquals(1, entry.attempts(), entry.toString());
                });
            }
        }
    }

    @Test
    void aMailThatKeepsFailingIsGivenUpAfterTheMaximumWithALogLine() {
        MutableClock clock = MutableClock.startingNow();
        Map<String, String> settings = new LinkedHashMap<>(TestServer.BASE);
        settings.put("database_url", "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        settings.put("email_backend", "smtp");
        settings.put("email_host", "127.0.0.1");
        settings.put("email_port", Integer.toString(Smtp.closedPort()));
        settings.put("outbox_max_attempts", "4");
        settings.put("outbox_backoff_base", "5");
        settings.put("outbox_backoff_cap", "15");
        Logger logger = Logger.getLogger(OutboxSender.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        boolean printing = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        try (RestAuth app = RestAuth.builder(settings(settings)).clock(clock).backgroundWork(false).build()) {
            app.database().useTransaction(c -> app.outbox().enqueue(c,
                    new Mail("dave@example.com", "[example.com] Doomed", "secret-reset-link")));
            List<Duration> waits = new ArrayList<>();
            for (int attempt = 1; attempt <= 4; attempt++) {
                assertEquals(0, app.outboxSender().deliverDue());
                MailOutboxDao.Entry entry = onlyEntry(app);
                assertEquals(attempt, entry.attempts());
                if (entry.nextAttempt() != null) {
                    waits.add(Duration.between(clock.instant(), entry.nextAttempt()));
                    clock.advance(waits.get(waits.size() - 1));
                }
            }
            assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)), waits);

            MailOutboxDao.Entry givenUp = onlyEntry(app);
            assertEquals(clock.instant(), givenUp.givenUp());
            assertNull(givenUp.nextAttempt());
            assertNull(givenUp.sent());
            assertEquals("", body(app, givenUp.id()));
            clock.advance(Duration.ofDays(30));
            assertEquals(0, app.outboxSender().deliverDue());
            assertEquals(4, onlyEntry(app).attempts(), "no attempt after giving up");

            List<String> warnings = records.stream().filter(r -> r.getLevel() == Level.WARNING)
                    .map(r -> r.getMessage()).toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("mail " + givenUp.id() + " given up after 4 attempts"),
                    warnings.get(0));
            records.forEach(r -> assertFalse(r.getMessage().contains("secret-reset-link"), r.getMessage()));
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(printing);
        }
    }

    @Test
    void mailQueuedInATransactionThatRollsBackIsNeverSent() {
        try (Smtp smtp = Smtp.start()) {
            Map<String, String> settings = new LinkedHashMap<>(TestServer.BASE);
            settings.put("database_url", "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            settings.put("email_backend", "smtp");
            settings.put("email_host", "127.0.0.1");
            settings.put("email_port", Integer.toString(smtp.port()));
            try (RestAuth app = RestAuth.builder(settings(settings)).backgroundWork(false).build()) {
                assertThrows(IllegalStateException.class, () -> app.database().useTransaction(c -> {
                    app.outbox().enqueue(c, new Mail("erin@example.com", "[example.com] Never", "x"));
                    throw new IllegalStateException("the change that caused the mail failed");
                }));
                assertEquals(0, app.outboxSender().deliverDue());
                assertEquals(List.of(), app.database().inTransaction(c -> c.outbox().all()));
                assertEquals(0, smtp.messages().size());
            }
        }
    }

    @Test
    void anApplicationsOwnTransportIsUsedAndItsCrashIsAFailedAttempt() {
        MutableClock clock = MutableClock.startingNow();
        List<Mail> handed = new ArrayList<>();
        MailTransport flaky = mail -> {
            handed.add(mail);
            if (handed.size() == 1) {
                throw new IllegalStateException("the application's transport broke");
            }
        };
        Map<String, String> settings = new LinkedHashMap<>(TestServer.BASE);
        settings.put("database_url", "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (RestAuth app = RestAuth.builder(settings(settings)).clock(clock).mailTransport(flaky)
                .backgroundWork(false).build()) {
            Mail mail = new Mail("frank@example.com", "[example.com] Hello", "body");
            app.database().useTransaction(c -> app.outbox().enqueue(c, mail));
            assertEquals(0, app.outboxSender().deliverDue());
            assertEquals("java.lang.IllegalStateException: the application's transport broke",
                    onlyEntry(app).lastError());
            clock.advance(Duration.ofSeconds(10));
            assertEquals(1, app.outboxSender().deliverDue());
            assertEquals(List.of(mail, mail), handed);
        }
    }

    @Test
    void theBackoffDoublesUpToTheCap() {
        OutboxSender.Policy policy = new OutboxSender.Policy(20, Duration.ofSeconds(10), Duration.ofHours(1));
        assertEquals(Duration.ofSeconds(10), policy.backoff(1));
        assertEquals(Duration.ofSeconds(20), policy.backoff(2));
        assertEquals(Duration.ofSeconds(2560), policy.backoff(9));
        assertEquals(Duration.ofHours(1), policy.backoff(10));
        assertEquals(Duration.ofHours(1), policy.backoff(1000));
    }

    /** Runs {@code deliverDue} on every sender at once, from a common start; returns the total delivered. */
    private static int race(List<OutboxSender> senders) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(senders.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (OutboxSender sender : senders) {
                results.add(threads.submit(() -> {
                    start.await();
                    return sender.deliverDue();
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Settings settings(Map<String, String> values) {
        Settings.Builder builder = Settings.builder();
        values.forEach(builder::set);
        return builder.build();
    }

    private static MailOutboxDao.Entry onlyEntry(RestAuth app) {
        List<MailOutboxDao.Entry> entries = app.database().inTransaction(c -> c.outbox().all());
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }

    private static String body(RestAuth app, long id) {
        return app.database().inTransaction(c -> Sql.one(c, "SELECT body FROM restauth_mail_outbox WHERE id = ?",
                row -> row.getString(1), id)).orElseThrow();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
