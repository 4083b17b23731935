package dev.restauth.db;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background chores every {@code interval}, on a daemon thread of its own: deleting what has expired (rate-limit
 * windows, sessions), so no table needs a cron job and no request pays for the cleaning, and writing what requests
 * only noted (the last uses of credentials). Every node sweeps; two nodes deleting the same expired rows is harmless.
 * Thread-safe.
 */
public final class Sweeper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final Duration interval;
    private final List<Runnable> chores;
    private ScheduledExecutorService thread;

    /**
     * @param sweeps each deletes one table's expired rows, e.g. {@code tx -> tx.sessions().deleteExpired(now)}, in a
     *               transaction of its own
     */
    public Sweeper(Database database, Duration interval, List<Database.VoidWork> sweeps) {
        this(interval, sweeps.stream().<Runnable>map(sweep -> () -> database.useTransaction(sweep)).toList());
    }

    /** @param chores each runs in turn, every interval */
    public Sweeper(Duration interval, List<Runnable> chores) {
        this.interval = interval;
        this.chores = List.copyOf(chores);
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

    /** Runs every chore once, now, on the caller's thread. */
    public void sweep() {
        chores.forEach(Runnable::run);
    }

    private void sweepLogging() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // The next interval tries again; expired rows are only clutter until then, and noted uses wait.
            LOG.log(Level.WARNING, "a background chore failed: " + e.getMessage());
        }
    }

    /**
     * Stops the chores, letting one in progress finish (for at most {@value #CLOSE_WAIT_SECONDS} s): an interrupt
     * would close an embedded H2's file channel under a chore writing to it, and H2 takes a channel closed mid-write
     * for a failed disk.
     */
    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
