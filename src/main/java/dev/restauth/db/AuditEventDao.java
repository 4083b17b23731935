package dev.restauth.db;

import dev.restauth.user.SecurityEvent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * {@code restauth_audit_event}: the security log, append-only but for the retention sweep. Not thread-safe.
 */
public final class AuditEventDao {
    private static final String COLUMNS = "e.id, e.user_id, u.username, e.event, e.outcome, e.ip, e.user_agent, "
            + "e.detail, e.created";
    private static final String INSERT = "INSERT INTO restauth_audit_event "
            + "(user_id, event, outcome, ip, user_agent, detail, created) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String COUNT_BY_USER = "SELECT COUNT(*) FROM restauth_audit_event WHERE user_id = ?";
    private static final String PAGE_BY_USER = "SELECT " + COLUMNS + " FROM restauth_audit_event e "
            + "LEFT JOIN restauth_user u ON u.id = e.user_id WHERE e.user_id = ? "
            + "ORDER BY e.created DESC, e.id DESC LIMIT ? OFFSET ?";
    private static final String SINCE = "SELECT " + COLUMNS + " FROM restauth_audit_event e "
            + "LEFT JOIN restauth_user u ON u.id = e.user_id WHERE e.created >= ? ORDER BY e.created, e.id";
    private static final String SINCE_BY_USER = "SELECT " + COLUMNS + " FROM restauth_audit_event e "
            + "LEFT JOIN restauth_user u ON u.id = e.user_id WHERE e.created >= ? AND e.user_id = ? "
            + "ORDER BY e.created, e.id";
    private static final String DELETE_BEFORE = "DELETE FROM restauth_audit_event WHERE created < ?";

    private final Connection connection;

    AuditEventDao(Connection connection) {
        this.connection = connection;
    }

    /** Appends an event. */
    public void insert(Long userId, String event, String outcome, String ip, String userAgent, String detail,
                       Instant created) {
        Jdbc.update(connection, INSERT, userId, event, outcome, ip, userAgent, detail, created);
    }

    /** How many events a user has. */
    public long countByUser(long userId) {
        return Jdbc.one(connection, COUNT_BY_USER, row -> row.getLong(1), userId).orElse(0L);
    }

    /** One page of a user's events, newest first. */
    public List<SecurityEvent> pageByUser(long userId, int limit, long offset) {
        return Jdbc.list(connection, PAGE_BY_USER, AuditEventDao::map, userId, limit, offset);
    }

    /** Every event since {@code since} (inclusive), of one user or (null) of all, oldest first. */
    public List<SecurityEvent> since(Instant since, Long userId) {
        return userId == null ? Jdbc.list(connection, SINCE, AuditEventDao::map, since)
                : Jdbc.list(connection, SINCE_BY_USER, AuditEventDao::map, since, userId);
    }

    /** Deletes the events recorded before {@code cutoff}; returns how many. */
    public int deleteBefore(Instant cutoff) {
        return Jdbc.update(connection, DELETE_BEFORE, cutoff);
    }

    private static SecurityEvent map(ResultSet row) throws SQLException {
        return new SecurityEvent(row.getLong(1), row.getObject(2) == null ? null : row.getLong(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                Jdbc.instant(row, 9));
    }
}
