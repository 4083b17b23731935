package dev.restauth.db;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Keeps the file of an embedded H2 database with durable commits from growing without bound. With
 * {@code WRITE_DELAY=0} every commit writes a chunk of its own, and H2 runs no background thread, so nothing rewrites
 * the few live pages that keep each old chunk from being freed: under sustained sign-ups the file grew by some
 * 50 KiB per write (33 MiB to 1.2 GiB in four minutes, 2026-12-03). Once a second this does what that thread would:
 * it rewrites up to {@value #WRITE_LIMIT} bytes of the emptiest chunks' live pages elsewhere (H2's own compaction). A
 * freed chunk's space is reused once H2's retention time (45 s, so a power loss finds the chunks the file's header
 * may still name) has passed, so the file levels off at about what 45 s of writes and the live data take.
 *
 * <p>Compaction is housekeeping: a failure (the database closed after a failed write, an outage) is logged once
 * until a run succeeds again, and the next second tries again. Thread-safe.
 */
final class H2FileCompaction implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(H2FileCompaction.class.getName());
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** Compact while live pages fill less than this share (%) of the chunks, as H2's own housekeeping does. */
    private static final int TARGET_FILL_RATE = 80;
    /**
     * At most this much is rewritten per run: the commits of requests wait while a run holds the store, and the
     * pages it reads back are garbage the collector's pauses stop the hashing threads for. Under sustained sign-ups
     * (3½ min, 2026-12-03) 4 MiB a run levelled the file off at 771 MiB with 2.0 s of collector pauses a minute;
     * 1 MiB at 717 MiB with 1.3 s, as 256 KiB did (697 MiB, 1.3 s).
     */
    static final int WRITE_LIMIT = 1 << 20;

    private final DataSource dataSource;
    private final Sweeper timer;
    private volatile boolean failing;

    H2FileCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
        this.timer = new Sweeper(INTERVAL, List.of(this::compactLogging));
    }

    /** Compacts every {@link #INTERVAL} on a daemon thread of its own, the first time one interval from now. */
    void start() {
        timer.start();
    }

    /**
     * One run: compacts the file of the store behind a pooled connection, if that is an embedded H2 file database.
     *
     * @return whether anything was rewritten
     */
    boolean compact() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Session session = connection.unwrap(JdbcConnection.class).getSession();
            if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
                return false; // an H2 server's file is that server's to keep
            }
            MVStore store = local.getDatabase().getStore().getMvStore();
            return store.getFileStore() != null && !store.isClosed() && store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
        }
    }

    private void compactLogging() {
        try {
            compact();
            if (failing) {
                failing = false;
                LOG.info("compacting the H2 file works again");
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "compacting the H2 file failed (tried again every second, logged again once "
                        + "it worked): " + e);
            }
        }
    }

    /** Stops compacting, once a run in progress has finished. */
    @Override
    public void close() {
        timer.close();
    }
}
