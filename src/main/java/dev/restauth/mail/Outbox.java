package dev.restauth.mail;

import dev.restauth.db.Transaction;

import java.time.Clock;
import java.util.Objects;

/**
 * The durable outbox ({@code restauth_mail_outbox}): mail is queued in the transaction of the change that causes
 * it, so it is sent if and only if that change commits, and a mail server that is down delays mail but never loses
 * it or fails the request. The {@link OutboxSender} of any node delivers it. Thread-safe.
 */
public final class Outbox {
    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Queues a mail in the caller's transaction: it is sent if and only if that transaction commits.
     *
     * @param tx the caller's open transaction (from {@code Database.inTransaction})
     */
    public void enqueue(Transaction tx, Mail mail) {
        tx.outbox().insert(mail.to(), mail.subject(), mail.body(), clock.instant());
    }
}
