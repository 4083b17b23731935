package dev.restauth.mail;

import dev.restauth.db.Transaction;

/**
 * Work a request leaves to the outbox's sender, which does it in a transaction of its own, outside any request:
 * typically finding whom a mail goes to and queueing it. A request that queues a job does the same database work
 * whatever the job will find (one row inserted), so its timing tells nothing about, say, whether an address is
 * known. Registered under a kind with {@link Outbox#register}; implementations are thread-safe.
 */
@FunctionalInterface
public interface OutboxJob {
    /**
     * Does the job in the sender's transaction, queueing any mail with {@link Outbox#enqueue}: the mail is queued
     * if and only if the job is marked done. A job that throws is tried again later, as a mail that failed is.
     *
     * @param payload what {@link Outbox#enqueueJob} was given
     */
    void run(Transaction tx, String payload);
}
