package dev.restauth.db;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes what has expired (rate-limit windows, sessions) every {@code interval}, on a daemon thread of its own, so
 * no table needs a cron job and no request pays for the cleaning. Every node sweeps; two nodes deleting the same
 * expired rows is harmless. Each sweep runs in a transaction of its own. Thread-safe.
 */
public final class Sweeper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());

    private final Database database;
    private final Duration interval;
    private final List<Database.VoidWork> sweeps;
    private ScheduledExecutorService thread;

    /** @param sweeps each deletes one table's expired rows, e.g. {@code tx -> tx.sessions().deleteExpired(now)} */
    public Sweeper(Database database, Duration interval, List<Database.VoidWork> sweeps) {
        this.database = database;
        this.interval = interval;
        this.sweeps = List.copyOf(sweeps);
    }

    /** Starts sweeping every interval, the first time one interval from now. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread sweeper = new Thread(runnable, "restauth-sweeper");
            sweeper.setDaemon(true);
            return sweeper;
        });
        long millis = interval.toMillis();
        thread.scheduleWithFixedDelay(this::sweepLogging, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Runs every sweep once, now, on the caller's thread. */
    public void sweep() {
        sweeps.forEach(database::useTransaction);
    }

    private void sweepLogging() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // The next interval tries again; expired rows are only clutter until then.
            LOG.log(Level.WARNING, "sweeping expired rows failed: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}
