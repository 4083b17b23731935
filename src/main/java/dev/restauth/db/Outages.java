package dev.restauth.db;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What {@link Database} knows of an outage: a short circuit breaker and the log of it.
 *
 * <p>Once a call finds the database unreachable, calls in the next {@value #BREAK_MILLIS} ms are refused at once
 * instead of each waiting for the pool; then one call at a time tries the database again, and the first that gets
 * through closes the breaker. A statement timeout does not open it: a lock held on one row says nothing about the
 * rest.
 *
 * <p>The log: the first failure of an outage with its stack trace, then at most one line per failure class (reason
 * and SQLState) per {@value #LOG_INTERVAL_SECONDS} s counting what happened meanwhile, then one line when a call
 * succeeds again (each at WARNING, the first at SEVERE). Thread-safe.
 */
final class Outages {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    /** How long the breaker refuses calls after a call found the database unreachable. */
    static final long BREAK_MILLIS = 1_000;
    /** How often a class of failure is logged again while it goes on. */
    static final long LOG_INTERVAL_SECONDS = 10;

    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean open;
    private volatile long openUntil;
    /** Whether a failure was logged since the last success; read without the lock on every success. */
    private volatile boolean failing;
    private final Map<String, Tally> tallies = new HashMap<>();
    private long failures;
    private long refused;

    /** Refuses at once while the breaker is open; past its pause, lets one caller at a time try. */
    void admit() {
        if (!open) {
            return;
        }
        if (System.nanoTime() - openUntil < 0 || !probing.compareAndSet(false, true)) {
            synchronized (this) {
                refused++;
            }
            throw new DatabaseUnavailableException("the database is unavailable (a recent call could not reach it)");
        }
    }

    /** A call reached the database (whatever its outcome for the request). */
    void succeeded() {
        // Reads before writes: this runs on every call, and shared writes would make the calls contend.
        if (open) {
            open = false;
        }
        if (probing.get()) {
            probing.set(false);
        }
        if (failing) {
            recovered();
        }
    }

    /** A call found the database unavailable. */
    void failed(DatabaseUnavailableException e) {
        if (e.getCause() == null) {
            return; // a refusal of the breaker's own: already counted
        }
        if (e.reason() == DatabaseUnavailableException.Reason.UNREACHABLE) {
            openUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BREAK_MILLIS);
            open = true;
        }
        probing.set(false);
        log(e);
    }

    private synchronized void log(DatabaseUnavailableException e) {
        failures++;
        String state = ((java.sql.SQLException) e.getCause()).getSQLState();
        String kind = e.reason().description() + " [" + (state == null ? "no SQLState" : state) + "]";
        long now = System.nanoTime();
        if (!failing) {
            failing = true;
            LOG.log(Level.SEVERE, "database unavailable: " + kind + "; requests get 503 until it recovers (the next "
                    + "failures are summed up every " + LOG_INTERVAL_SECONDS + " s)", e);
            tallies.put(kind, new Tally(now));
            return;
        }
        Tally tally = tallies.computeIfAbsent(kind, k -> new Tally(now - TimeUnit.SECONDS.toNanos(
                LOG_INTERVAL_SECONDS)));
        tally.count++;
        if (now - tally.loggedAt >= TimeUnit.SECONDS.toNanos(LOG_INTERVAL_SECONDS)) {
            LOG.warning("database still unavailable: " + kind + " x" + tally.count + " in the last "
                    + TimeUnit.NANOSECONDS.toSeconds(now - tally.loggedAt) + " s; last: " + e.getMessage()
                    + " (" + e.getCause().getMessage() + ")");
            tally.count = 0;
            tally.loggedAt = now;
        }
    }

    private synchronized void recovered() {
        if (!failing) {
            return;
        }
        failing = false;
        // At the summaries' level: a log filtered to warnings shows where an outage ended as well as where it began.
        LOG.warning("database recovered: calls succeed again after " + failures + " failed and " + refused
                + " refused at once");
        tallies.clear();
        failures = 0;
        refused = 0;
    }

    /** Failures of one class since it was last logged. */
    private static final class Tally {
        long loggedAt;
        long count;

        Tally(long loggedAt) {
            this.loggedAt = loggedAt;
        }
    }
}
