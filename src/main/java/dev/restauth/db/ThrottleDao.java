package dev.restauth.db;

import java.sql.Connection;
import java.time.Instant;

/**
 * {@code restauth_throttle}: rate-limit counters shared by every node. A hit is ONE atomic upsert per counter,
 * never a read-modify-write: the database increments the row (or opens a new window) under its own row lock, and
 * {@link #hit} then reads back the row it just wrote, which no other transaction can change before this one ends.
 * Reached through a {@link Transaction}; not thread-safe.
 */
public final class ThrottleDao {
    // Each dialect's upsert: insert a fresh window of one hit, or on the existing row either open a new window (the
    // old one has ended) or add one hit. Parameters: name, key_hash, new window_end, now, now.
    private static final String HIT_H2 = "MERGE INTO restauth_throttle t USING (VALUES (CAST(? AS VARCHAR(64)), "
            + "CAST(? AS CHAR(64)), CAST(? AS TIMESTAMP(6)))) s (name, key_hash, window_end) "
            + "ON t.name = s.name AND t.key_hash = s.key_hash "
            + "WHEN MATCHED THEN UPDATE SET "
            + "hits = CASE WHEN t.window_end <= ? THEN 1 ELSE t.hits + 1 END, "
            + "window_end = CASE WHEN t.window_end <= ? THEN s.window_end ELSE t.window_end END "
            + "WHEN NOT MATCHED THEN INSERT (name, key_hash, hits, window_end) "
            + "VALUES (s.name, s.key_hash, 1, s.window_end)";
    private static final String HIT_POSTGRESQL = "INSERT INTO restauth_throttle (name, key_hash, hits, window_end) "
            + "VALUES (?, ?, 1, ?) ON CONFLICT (name, key_hash) DO UPDATE SET "
            + "hits = CASE WHEN restauth_throttle.window_end <= ? THEN 1 ELSE restauth_throttle.hits + 1 END, "
            + "window_end = CASE WHEN restauth_throttle.window_end <= ? THEN EXCLUDED.window_end "
            + "ELSE restauth_throttle.window_end END";
    // MariaDB assigns left to right and later expressions see earlier assignments: hits must come first, while
    // window_end still holds the old value.
    private static final String HIT_MARIADB = "INSERT INTO restauth_throttle (name, key_hash, hits, window_end) "
            + "VALUES (?, ?, 1, ?) ON DUPLICATE KEY UPDATE "
            + "hits = CASE WHEN window_end <= ? THEN 1 ELSE hits + 1 END, "
            + "window_end = CASE WHEN window_end <= ? THEN VALUES(window_end) ELSE window_end END";
    private static final String FIND =
            "SELECT hits, window_end FROM restauth_throttle WHERE name = ? AND key_hash = ?";
    private static final String REFUND = "UPDATE restauth_throttle SET hits = hits - 1 "
            + "WHERE name = ? AND key_hash = ? AND window_end = ? AND hits > 0";
    private static final String DELETE = "DELETE FROM restauth_throttle WHERE name = ? AND key_hash = ?";
    private static final String DELETE_EXPIRED = "DELETE FROM restauth_throttle WHERE window_end <= ?";

    private final Connection connection;
    private final String hit;

    ThrottleDao(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.hit = switch (dialect) {
            case H2 -> HIT_H2;
            case POSTGRESQL -> HIT_POSTGRESQL;
            case MARIADB -> HIT_MARIADB;
        };
    }

    /** A counter after a hit: the hits in its current window (this one included) and when the window ends. */
    public record Counter(int hits, Instant windowEnd) {
    }

    /**
     * Counts one hit. The row stays locked by the caller's transaction until it ends, so a rollback takes the hit
     * back and concurrent hits on the same counter are ordered: each sees a different {@code hits}.
     *
     * @param newWindowEnd when a window opened by this hit would end
     * @throws DuplicateKeyException on H2 when a concurrent transaction inserted the same counter first (its
     *                               {@code MERGE} is not atomic against that); the caller runs the transaction again
     */
    public Counter hit(String name, String keyHash, Instant now, Instant newWindowEnd) {
        Jdbc.update(connection, hit, name, keyHash, newWindowEnd, now, now);
        return Jdbc.one(connection, FIND, row -> new Counter(row.getInt("hits"), Jdbc.instant(row, "window_end")),
                name, Jdbc.hexHash(keyHash)).orElseThrow(() -> new DataAccessException("the upserted counter is missing", null));
    }

    /** Takes back one hit of the window ending at {@code windowEnd}; nothing once that window has been replaced. */
    public void refund(String name, String keyHash, Instant windowEnd) {
        Jdbc.update(connection, REFUND, name, Jdbc.hexHash(keyHash), windowEnd);
    }

    /** Forgets a counter. */
    public void delete(String name, String keyHash) {
        Jdbc.update(connection, DELETE, name, Jdbc.hexHash(keyHash));
    }

    /** Removes every counter whose window ended by {@code now}; returns how many. */
    public int deleteExpired(Instant now) {
        return Jdbc.update(connection, DELETE_EXPIRED, now);
    }
}
