package dev.restauth.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.db.MailOutboxDao;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/**
 * Outbox jobs: a reset request's job queues the mail when the sender runs it and leaves no row of its own; a job row
 * that restauth did not seal (written by SQL) is never run.
 */
class OutboxJobTest {
    @Test
    void aJobQueuesItsMailWhenRunAndIsGoneAfterwards() {
        try (Smtp smtp = Smtp.start(); TestServer server = TestServer.builder().mailTo(smtp.port()).start()) {
            server.createUser("gina", "gina@example.com", "Tr0ub4dor&3x");
            assertEquals(200, server.http().post("/password/reset/", "{\"email\":\"gina@example.com\"}").status());
            List<MailOutboxDao.Entry> queued = server.app().database().inTransaction(tx -> tx.outbox().all());
            assertEquals(1, queued.size());
            assertEquals("", queued.get(0).recipient(), "a job, not yet a mail");

            assertEquals(1, server.app().outboxSender().deliverDue());

            List<MailOutboxDao.Entry> after = server.app().database().inTransaction(tx -> tx.outbox().all());
            assertEquals(1, after.size(), after.toString());
            assertEquals("gina@example.com", after.get(0).recipient());
            assertEquals(1, smtp.messages().size());
        }
    }

    @Test
    void aJobRowThatWasNotSealedIsNeverRun() {
        try (Smtp smtp = Smtp.start(); TestServer server = TestServer.builder().mailTo(smtp.port()).start()) {
            server.createUser("hank", "hank@example.com", "Tr0ub4dor&3x");
            // What someone with SQL access might write: a reset for hank, with a link to their own site.
            server.app().database().useTransaction(tx -> tx.outbox().insert("", "password_reset",
                    "hank@example.com\nhttps://evil.example/{uid}/{token}/", Instant.now()));

            assertEquals(0, server.app().outboxSender().deliverDue());

            assertEquals(0, smtp.messages().size());
            MailOutboxDao.Entry entry = server.app().database().inTransaction(tx -> tx.outbox().all()).get(0);
            assertEquals(1, entry.attempts());
            assertTrue(entry.lastError().contains("does not open"), entry.lastError());
        }
    }
}
