package dev.restauth.account;

import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.MailOutboxDao;
import dev.restauth.db.Migrator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether this instance can serve ({@code GET /health/}): the database answers, every migration this build ships is
 * applied, and the outbox's backlog stays within {@code health_outbox_backlog}. Reads only; one short read each.
 * Thread-safe.
 */
public final class CheckReadiness {
    private static final Logger LOG = Logger.getLogger(CheckReadiness.class.getName());

    private final Database database;
    private final Clock clock;
    private final int maxBacklog;

    public CheckReadiness(Database database, Clock clock, Settings settings) {
        this.database = database;
        this.clock = clock;
        this.maxBacklog = settings.get(Settings.HEALTH_OUTBOX_BACKLOG);
    }

    /**
     * What the checks found.
     *
     * @param database          whether the database answered
     * @param pendingMigrations the migrations not applied yet (empty when current, or when the database is down)
     * @param outboxWaiting     mails waiting for delivery (0 when the database is down)
     * @param oldestWaiting     how long the oldest of them has waited, or null when none does
     */
    public record Readiness(boolean database, List<String> pendingMigrations, long outboxWaiting,
                            Duration oldestWaiting, boolean backlogTooLong) {
        /** Whether every check passed. */
        public boolean ready() {
            return database && pendingMigrations.isEmpty() && !backlogTooLong;
        }
    }

    public Readiness run() {
        try {
            List<String> pending = new Migrator(database, clock).pending().stream().map(Migrator.Migration::name)
                    .toList();
            MailOutboxDao.Backlog backlog = database.read(tx -> tx.outbox().backlog());
            Duration age = backlog.oldest() == null ? null : Duration.between(backlog.oldest(), clock.instant());
            return new Readiness(true, pending, backlog.waiting(), age,
                    maxBacklog > 0 && backlog.waiting() > maxBacklog);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "readiness check: the database did not answer: " + e.getClass().getSimpleName());
            return new Readiness(false, List.of(), 0, null, false);
        }
    }
}
