package dev.restauth.db;

import java.sql.Connection;
import java.time.Instant;

/**
 * {@code restauth_reauthentication}: credentials whose holder re-authenticated recently, and until when. Not
 * thread-safe.
 */
public final class ReauthenticationDao {
    private static final String DELETE = "DELETE FROM restauth_reauthentication WHERE credential_hash = ?";
    private static final String INSERT = "INSERT INTO restauth_reauthentication (credential_hash, user_id, expires) "
            + "VALUES (?, ?, ?)";
    private static final String FRESH = "SELECT COUNT(*) FROM restauth_reauthentication "
            + "WHERE credential_hash = ? AND user_id = ? AND expires > ?";
    private static final String DELETE_EXPIRED = "DELETE FROM restauth_reauthentication WHERE expires <= ?";

    private final Connection connection;

    ReauthenticationDao(Connection connection) {
        this.connection = connection;
    }

    /**
     * Marks a credential as re-authenticated until {@code expires}, replacing an earlier mark. Two marks of one
     * credential racing may end in a {@link DuplicateKeyException}; retrying is safe.
     */
    public void mark(String credentialHash, long userId, Instant expires) {
        Jdbc.update(connection, DELETE, Jdbc.hexHash(credentialHash));
        Jdbc.update(connection, INSERT, credentialHash, userId, expires);
    }

    /** Whether the credential of this user was re-authenticated and that has not expired by {@code now}. */
    public boolean fresh(String credentialHash, long userId, Instant now) {
        return Jdbc.one(connection, FRESH, row -> row.getLong(1), Jdbc.hexHash(credentialHash), userId, now)
                .orElse(0L) > 0;
    }

    /** Removes marks expired by {@code now}; returns how many. */
    public int deleteExpired(Instant now) {
        return Jdbc.update(connection, DELETE_EXPIRED, now);
    }
}
