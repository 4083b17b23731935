package dev.restauth.mail;

import dev.restauth.auth.crypto.BadSignatureException;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.MailOutboxDao;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: a background thread looks for due mail every {@code outbox_poll_interval} seconds and hands
 * each to the {@link MailTransport}. Any number of senders (threads, nodes) may share one database: each mail is
 * claimed with one conditional UPDATE before it is sent, so exactly one of them sends it.
 *
 * <p>A failed attempt is retried after {@code outbox_backoff_base} seconds, doubling each time up to
 * {@code outbox_backoff_cap}; after {@code outbox_max_attempts} attempts the mail is given up with a log line. A
 * claim lapses after {@link #LEASE}, longer than any send can take within the SMTP timeouts, so mail claimed by a
 * node that died is sent by another. Log lines name mails by id and never show a body: bodies hold reset links.
 * Bodies are opened ({@link SealedBody}) only here, just before they are handed to the transport; one that does not
 * open (the secret key changed) counts as a failed attempt.
 *
 * <p>{@link #deliverDue()} delivers what is due now on the caller's thread (tests, tools). Thread-safe.
 */
public final class OutboxSender implements AutoCloseable {
    /** How long a claim holds: more than a connect and a dozen replies at the longest timeouts (60 s each). */
    public static final Duration LEASE = Duration.ofMinutes(15);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    /** How long {@link #close()} lets a send in progress finish. */
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final Database database;
    private final MailTransport transport;
    private final Clock clock;
    private final Policy policy;
    private final Duration pollInterval;
    private final Outbox outbox;
    private ScheduledExecutorService thread;
    private volatile boolean closing;
    private volatile boolean pollFailing;

    /** When to try a failed mail again, and when to stop trying. */
    public record Policy(int maxAttempts, Duration backoffBase, Duration backoffCap) {
        public Policy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            Objects.requireNonNull(backoffBase, "backoffBase");
            Objects.requireNonNull(backoffCap, "backoffCap");
        }

        /** {@code outbox_max_attempts}, {@code outbox_backoff_base}, {@code outbox_backoff_cap}. */
        public static Policy fromSettings(Settings settings) {
            return new Policy(settings.get(Settings.OUTBOX_MAX_ATTEMPTS),
                    Duration.ofSeconds(settings.get(Settings.OUTBOX_BACKOFF_BASE)),
                    Duration.ofSeconds(settings.get(Settings.OUTBOX_BACKOFF_CAP)));
        }

        /** The wait after the {@code failures}-th failed attempt: base, 2 × base, 4 × base, ..., at most the cap. */
        public Duration backoff(int failures) {
            Duration wait = backoffBase.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
            return wait.compareTo(backoffCap) > 0 ? backoffCap : wait;
        }
    }

    /** @param outbox the outbox whose sealed bodies this sender opens and whose jobs it runs */
    public OutboxSender(Database database, MailTransport transport, Clock clock, Policy policy,
                        Duration pollInterval, Outbox outbox) {
        this.database = Objects.requireNonNull(database, "database");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Starts the background thread; its first look is at once, so mail left by a previous run goes out. */
    public synchronized void start() {
        if (thread != null || closing) {
            throw new IllegalStateException("the outbox sender was started already");
        }
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread daemon = new Thread(task, "restauth-outbox");
            daemon.setDaemon(true);
            return daemon;
        });
        thread.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Delivers every mail that is due now and that no other sender holds, on the calling thread; nothing once this
     * sender is closed. Safe to call while the background thread runs: the claims keep them apart.
     *
     * @return how many mails this call delivered
     */
    public int deliverDue() {
        String claim = UUID.randomUUID().toString().replace("-", "");
        int delivered = 0;
        while (!closing) {
            List<Long> due = database.inTransaction(tx -> tx.outbox().due(clock.instant()));
            int claimed = 0;
            int jobsDone = 0;
            for (long id : due) {
                if (closing) {
                    break;
                }
                Optional<MailOutboxDao.Claimed> mail = database.inTransaction(tx -> {
                    Instant now = clock.instant();
                    return tx.outbox().claim(id, claim, now, now.plus(LEASE));
                });
                if (mail.isPresent()) {
                    claimed++;
                    Outcome outcome = attempt(mail.get(), claim);
                    delivered += outcome == Outcome.DELIVERED ? 1 : 0;
                    jobsDone += outcome == Outcome.JOB_DONE ? 1 : 0;
                }
            }
            // A short batch was the last one; a batch taken wholly by other senders leaves nothing for this one.
            // Jobs queue mail of their own, due now: one more round sends it.
            if ((due.size() < MailOutboxDao.BATCH || claimed == 0) && jobsDone == 0) {
                break;
            }
        }
        return delivered;
    }

    /** What this sender did since it was built (for metrics): mails delivered, failed attempts, mails given up. */
    public record Counts(long delivered, long failedAttempts, long givenUp) {
    }

    /** Its counts so far. */
    public Counts counts() {
        return new Counts(delivered.get(), failedAttempts.get(), givenUp.get());
    }

    /** What became of one claimed entry. */
    private enum Outcome {
        DELIVERED, JOB_DONE, FAILED
    }

    private Outcome attempt(MailOutboxDao.Claimed mail, String claim) {
        boolean job = Outbox.isJob(mail);
        String error = job ? runJob(mail, claim) : send(mail);
        Instant now = clock.instant();
        if (error == null) {
            if (job) {
                return Outcome.JOB_DONE; // removed with the work it did
            }
            database.useTransaction(tx -> tx.outbox().markSent(mail.id(), claim, now));
            delivered.incrementAndGet();
            return Outcome.DELIVERED;
        }
        failedAttempts.incrementAndGet();
        int attempts = mail.attempts() + 1;
        if (attempts >= policy.maxAttempts()) {
            givenUp.incrementAndGet();
            database.useTransaction(tx -> tx.outbox().giveUp(mail.id(), claim, now, error));
            LOG.warning(() -> "mail " + mail.id() + " given up after " + attempts + " attempts; last error: " + error);
        } else {
            Duration wait = policy.backoff(attempts);
            database.useTransaction(tx -> tx.outbox().retryLater(mail.id(), claim, now.plus(wait), error));
            LOG.info(() -> "mail " + mail.id() + " not delivered (attempt " + attempts + "), next attempt in "
                    + wait.toSeconds() + " s: " + error);
        }
        return Outcome.FAILED;
    }

    /**
     * Runs a job and removes its entry in one transaction, so the mail it queues is queued exactly once; returns
     * null when done, else what went wrong (the entry is then tried again like a mail).
     */
    private String runJob(MailOutboxDao.Claimed entry, String claim) {
        OutboxJob job = outbox.job(entry.subject());
        if (job == null) {
            return "no outbox job " + entry.subject() + " on this node";
        }
        String payload;
        try {
            payload = outbox.open(entry);
        } catch (BadSignatureException e) {
            return "the job does not open under the current secret key (changed since it was queued?)";
        }
        try {
            database.useTransaction(tx -> {
                job.run(tx, payload);
                if (!tx.outbox().deleteClaimed(entry.id(), claim)) {
                    throw new ClaimLostException();
                }
            });
            return null;
        } catch (ClaimLostException e) {
            return "the claim lapsed before the job was done";
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** Rolls back a job whose entry another sender took over meanwhile: that sender does the job. */
    private static final class ClaimLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimLostException() {
            super(null, null, false, false);
        }
    }

    /** Hands a mail to the transport; returns null when it was accepted, else what went wrong. */
    private String send(MailOutboxDao.Claimed mail) {
        String body;
        try {
            body = outbox.open(mail);
        } catch (BadSignatureException e) {
            return "the body does not open under the current secret key (changed since it was queued?)";
        }
        try {
            transport.send(new Mail(mail.recipient(), mail.subject(), body));
            return null;
        } catch (MailDeliveryException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            // A transport of the application's own that throws must not strand the mail under its claim.
            return e.toString();
        }
    }

    /** The background thread's round: never throws, or the executor would stop scheduling it. */
    private void poll() {
        try {
            deliverDue();
            if (pollFailing) {
                pollFailing = false;
                LOG.info("the outbox is reachable again");
            }
        } catch (RuntimeException e) {
            // Logged once per outage, not once per poll.
            if (!pollFailing) {
                pollFailing = true;
                LOG.log(Level.WARNING, "cannot deliver the outbox; will keep trying", e);
            }
        }
    }

    /** Stops the background thread, letting a send in progress finish (bounded by the SMTP timeouts). */
    @Override
    public synchronized void close() {
        closing = true;
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
