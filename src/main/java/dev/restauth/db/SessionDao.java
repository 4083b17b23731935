package dev.restauth.db;

import dev.restauth.user.User;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code restauth_session}: login sessions shared by every node. Not thread-safe. */
public final class SessionDao {
    private static final String FIND = "SELECT s.id_hash, s.auth_hash, s.csrf_hash, s.expires, " + UserDao.COLUMNS
            + ", s.created, s.last_seen FROM restauth_session s JOIN restauth_user u ON u.id = s.user_id WHERE s.id_hash = ? AND s.expires > ?";
    private static final String INSERT = "INSERT INTO restauth_session "
            + "(id_hash, user_id, auth_hash, csrf_hash, created, expires) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM restauth_session WHERE id_hash = ?";
    private static final String DELETE_BY_USER = "DELETE FROM restauth_session WHERE user_id = ?";
    private static final String DELETE_EXPIRED = "DELETE FROM restauth_session WHERE expires <= ?";
    private static final String TOUCH = "UPDATE restauth_session SET last_seen = ? WHERE id_hash = ?";
    private static final String DESCRIBE = "UPDATE restauth_session SET ip = ?, user_agent = ?, last_seen = ? "
            + "WHERE id_hash = ?";
    private static final String DEVICES_BY_USER = "SELECT id_hash, created, last_seen, ip, user_agent "
            + "FROM restauth_session WHERE user_id = ? AND expires > ? ORDER BY created, id_hash";

    private final Connection connection;

    SessionDao(Connection connection) {
        this.connection = connection;
    }

    /** A live session and its user. Hashes are hex HMAC-SHA256 values; the raw ids are never stored. */
    public record SessionRow(String idHash, String authHash, String csrfHash, Instant expires, User user,
                             Instant created, Instant lastSeen) {
    }

    /** The session with this id hash, if it has not expired by {@code now}. */
    public Optional<SessionRow> findLive(String idHash, Instant now) {
        return Jdbc.one(connection, FIND, row -> new SessionRow(row.getString("id_hash"), row.getString("auth_hash"),
                row.getString("csrf_hash"), Jdbc.instant(row, "expires"), UserDao.map(row, 5), Jdbc.instant(row, 17),
                Jdbc.instant(row, 18)), Jdbc.hexHash(idHash), now);
    }

    public void insert(String idHash, long userId, String authHash, String csrfHash, Instant created,
                       Instant expires) {
        Jdbc.update(connection, INSERT, idHash, userId, authHash, csrfHash, created, expires);
    }

    public void delete(String idHash) {
        Jdbc.update(connection, DELETE, Jdbc.hexHash(idHash));
    }

    /** Ends every session of a user; returns how many there were. */
    public int deleteByUser(long userId) {
        return Jdbc.update(connection, DELETE_BY_USER, userId);
    }

    /** Where a session was opened and when it was last used, for its owner's list of sessions. */
    public record Device(String idHash, Instant created, Instant lastSeen, String ip, String userAgent) {
    }

    /** Records that a session was used at {@code now}. */
    public void touch(String idHash, Instant now) {
        Jdbc.update(connection, TOUCH, now, Jdbc.hexHash(idHash));
    }

    /** Records where a session was just opened. */
    public void describe(String idHash, String ip, String userAgent, Instant now) {
        Jdbc.update(connection, DESCRIBE, ip, userAgent, now, Jdbc.hexHash(idHash));
    }

    /** The user's live sessions, oldest first. */
    public List<Device> findDevices(long userId, Instant now) {
        return Jdbc.list(connection, DEVICES_BY_USER, row -> new Device(row.getString(1), Jdbc.instant(row, 2),
                Jdbc.instant(row, 3), row.getString(4), row.getString(5)), userId, now);
    }

    /** Removes sessions that expired by {@code now}; returns how many. */
    public int deleteExpired(Instant now) {
        return Jdbc.update(connection, DELETE_EXPIRED, now);
    }
}
