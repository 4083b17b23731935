package dev.restauth.db;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * {@code restauth_refresh_family}: one row per JWT login, the family of refresh tokens rotated out of it. Revoking
 * the row ends every token of the family at once, also one inserted by a rotation racing the revocation: a use
 * checks the family, not only the token. Reached through a {@link Transaction}; not thread-safe.
 */
public final class RefreshFamilyDao {
    private static final String INSERT =
            "INSERT INTO restauth_refresh_family (id, user_id, revoked, expires, created) VALUES (?, ?, FALSE, ?, ?)";
    private static final String DESCRIBE = "UPDATE restauth_refresh_family SET ip = ?, user_agent = ?, last_seen = ? "
            + "WHERE id = ?";
    private static final String TOUCH = "UPDATE restauth_refresh_family SET last_seen = ? WHERE id = ?";
    private static final String DEVICES_BY_USER = "SELECT id, created, last_seen, ip, user_agent "
            + "FROM restauth_refresh_family WHERE user_id = ? AND revoked = FALSE AND expires > ? ORDER BY created, id";
    private static final String EXTEND = "UPDATE restauth_refresh_family SET expires = ? WHERE id = ? AND expires < ?";
    private static final String REVOKE = "UPDATE restauth_refresh_family SET revoked = TRUE WHERE id = ?";
    private static final String REVOKE_BY_USER =
            "UPDATE restauth_refresh_family SET revoked = TRUE WHERE user_id = ? AND revoked = FALSE";
    private static final String DELETE_EXPIRED = "DELETE FROM restauth_refresh_family WHERE expires < ?";

    private final Connection connection;

    RefreshFamilyDao(Connection connection) {
        this.connection = connection;
    }

    /** Where a login's family was handed out and when it was last refreshed, for its owner's list of sessions. */
    public record Device(String id, Instant created, Instant lastSeen, String ip, String userAgent) {
    }

    /** A new, live family of a user's login, made at {@code created} and kept until {@code expires}. */
    public void insert(String id, long userId, Instant expires, Instant created) {
        Jdbc.update(connection, INSERT, Jdbc.hexHash(id), userId, expires, created);
    }

    /** Records where a family was just handed out. */
    public void describe(String id, String ip, String userAgent, Instant now) {
        Jdbc.update(connection, DESCRIBE, ip, userAgent, now, Jdbc.hexHash(id));
    }

    /** Records that a family's refresh token was used at {@code now}. */
    public void touch(String id, Instant now) {
        Jdbc.update(connection, TOUCH, now, Jdbc.hexHash(id));
    }

    /** The user's live families (not revoked, not expired by {@code now}), oldest first. */
    public List<Device> findDevices(long userId, Instant now) {
        return Jdbc.list(connection, DEVICES_BY_USER, row -> new Device(row.getString(1), Jdbc.instant(row, 2),
                Jdbc.instant(row, 3), row.getString(4), row.getString(5)), userId, now);
    }

    /** Keeps the family at least until {@code expires} (its newest token's expiry). */
    public void extend(String id, Instant expires) {
        Jdbc.update(connection, EXTEND, expires, Jdbc.hexHash(id), expires);
    }

    /** Ends every token of the family. */
    public void revoke(String id) {
        Jdbc.update(connection, REVOKE, Jdbc.hexHash(id));
    }

    /** Ends every refresh token of a user; returns how many live families there were. */
    public int revokeByUser(long userId) {
        return Jdbc.update(connection, REVOKE_BY_USER, userId);
    }

    /** Deletes the families (and, by cascade, the tokens) whose last token expired before {@code cutoff}. */
    public int deleteExpired(Instant cutoff) {
        return Jdbc.update(connection, DELETE_EXPIRED, cutoff);
    }
}
