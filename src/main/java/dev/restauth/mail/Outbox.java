package dev.restauth.mail;

import dev.restauth.db.Transaction;

import java.time.Clock;
import java.util.Objects;

/**
 * The durable outbox ({@code restauth_mail_outbox}): mail is queued in the transaction of the change that causes
 * it, so it is sent if and only if that change commits, and a mail server that is down delays mail but never loses
 * it or fails the request. The {@link OutboxSender} of any node delivers it. Bodies are stored sealed
 * ({@link SealedBody}): the links and keys they carry are never written in the clear. Thread-safe.
 */
public final class Outbox {
    /** The purpose under which the outbox's key is derived from the secret key ({@code Keyring.key}). */
    public static final String KEY_PURPOSE = "mail_outbox";

    private final Clock clock;
    private final SealedBody bodies;

    /**
     * @param key 32 bytes derived from the secret key for the outbox alone; every node's {@link OutboxSender} is
     *            given the same
     */
    public Outbox(Clock clock, byte[] key) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bodies = new SealedBody(key);
    }

    /**
     * Queues a mail in the caller's transaction: it is sent if and only if that transaction commits.
     *
     * @param tx the caller's open transaction (from {@code Database.inTransaction})
     */
    public void enqueue(Transaction tx, Mail mail) {
        tx.outbox().insert(mail.to(), mail.subject(), bodies.seal(mail.to(), mail.body()), clock.instant());
    }
}
