package dev.restauth.mail;

import dev.restauth.auth.crypto.BadSignatureException;
import dev.restauth.db.MailOutboxDao;
import dev.restauth.db.Transaction;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The durable outbox ({@code restauth_mail_outbox}): mail is queued in the transaction of the change that causes
 * it, so it is sent if and only if that change commits, and a mail server that is down delays mail but never loses
 * it or fails the request. The {@link OutboxSender} of any node delivers it. Bodies are stored sealed
 * ({@link SealedBody}): the links and keys they carry are never written in the clear. Besides mail, it holds
 * {@link OutboxJob jobs}: work a request leaves to the sender so that it does the same work whatever the job finds.
 * Thread-safe.
 */
public final class Outbox {
    /** The purpose under which the outbox's key is derived from the secret key ({@code Keyring.key}). */
    public static final String KEY_PURPOSE = "mail_outbox";

    /** The recipient of a job's row: none (jobs are told apart from mail by it). */
    private static final String JOB_RECIPIENT = "";

    private final Clock clock;
    private final SealedBody bodies;
    private final Map<String, OutboxJob> jobs = new ConcurrentHashMap<>();

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

    /**
     * Names the job that entries queued with {@link #enqueueJob} under {@code kind} run. Every node registers the
     * same jobs (the use cases do, when built), since any node's sender may take the entry.
     */
    public void register(String kind, OutboxJob job) {
        if (jobs.putIfAbsent(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(job, "job")) != null) {
            throw new IllegalStateException("an outbox job is registered already under " + kind);
        }
    }

    /**
     * Queues a job in the caller's transaction: one row, its payload sealed as mail bodies are, whatever the job
     * will find when a sender runs it.
     *
     * @param payload what the job needs (an address, a link pattern), sealed at rest
     */
    public void enqueueJob(Transaction tx, String kind, String payload) {
        if (!jobs.containsKey(kind)) {
            throw new IllegalArgumentException("no outbox job is registered under " + kind);
        }
        tx.outbox().insert(JOB_RECIPIENT, kind, bodies.seal(jobBinding(kind), payload), clock.instant());
    }

    /** True for an entry queued by {@link #enqueueJob}: it has no recipient, and its subject is the job's kind. */
    static boolean isJob(MailOutboxDao.Claimed entry) {
        return entry.recipient().equals(JOB_RECIPIENT);
    }

    /** The job registered under {@code kind}, or null. */
    OutboxJob job(String kind) {
        return jobs.get(kind);
    }

    /**
     * The body of a claimed mail, or the payload of a claimed job, opened.
     *
     * @throws BadSignatureException when it was sealed under another secret key, or changed; for a job also when it
     *                               is not sealed at all
     */
    String open(MailOutboxDao.Claimed entry) throws BadSignatureException {
        if (isJob(entry)) {
            // Jobs were sealed from the start: an unsealed one was not queued by restauth.
            if (!entry.body().startsWith(SealedBody.PREFIX)) {
                throw new BadSignatureException("an outbox job that is not sealed");
            }
            return bodies.open(jobBinding(entry.subject()), entry.body());
        }
        return bodies.open(entry.recipient(), entry.body());
    }

    /** What a job's payload is bound to: no e-mail address holds a line feed. */
    private static String jobBinding(String kind) {
        return "job\n" + kind;
    }
}
