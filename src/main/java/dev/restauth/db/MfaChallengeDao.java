package dev.restauth.db;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code restauth_mfa_challenge}: the state of second-factor and passkey ceremonies between their two requests,
 * shared by every node, single-use and expiring. Not thread-safe.
 */
public final class MfaChallengeDao {
    private static final String FIND = "SELECT key_hash, purpose, user_id, payload, failures, expires "
            + "FROM restauth_mfa_challenge WHERE key_hash = ? AND purpose = ? AND expires > ?";
    private static final String INSERT = "INSERT INTO restauth_mfa_challenge "
            + "(key_hash, purpose, user_id, payload, failures, expires) VALUES (?, ?, ?, ?, 0, ?)";
    private static final String COUNT_FAILURE = "UPDATE restauth_mfa_challenge SET failures = failures + 1 "
            + "WHERE key_hash = ? AND purpose = ? AND expires > ? AND failures < ?";
    private static final String DELETE = "DELETE FROM restauth_mfa_challenge WHERE key_hash = ? AND purpose = ?";
    private static final String DELETE_BY_USER = "DELETE FROM restauth_mfa_challenge WHERE user_id = ? "
            + "AND purpose = ?";
    private static final String DELETE_EXPIRED = "DELETE FROM restauth_mfa_challenge WHERE expires <= ?";

    private final Connection connection;

    MfaChallengeDao(Connection connection) {
        this.connection = connection;
    }

    /**
     * One ceremony's state.
     *
     * @param userId  the user it is for; null for a passkey login not scoped to a user
     * @param payload what the second step needs (a sealed secret, a challenge), or null
     */
    public record Challenge(String keyHash, String purpose, Long userId, String payload, int failures,
                            Instant expires) {
        @Override
        public String toString() {
            return "Challenge{" + purpose + ", userId=" + userId + "}";
        }
    }

    /** The live challenge with this hash and purpose. */
    public Optional<Challenge> find(String keyHash, String purpose, Instant now) {
        return Jdbc.one(connection, FIND, row -> new Challenge(row.getString(1), row.getString(2),
                row.getObject(3) == null ? null : row.getLong(3), row.getString(4), row.getInt(5),
                Jdbc.instant(row, 6)), Jdbc.hexHash(keyHash), purpose, now);
    }

    public void insert(String keyHash, String purpose, Long userId, String payload, Instant expires) {
        Jdbc.update(connection, INSERT, keyHash, purpose, userId, payload, expires);
    }

    /**
     * Counts one more failure on a live challenge that has had fewer than {@code limit}, locking its row until the
     * transaction ends, so attempts on one challenge are decided one after the other.
     *
     * @return false when the challenge is gone, expired, or out of attempts
     */
    public boolean countFailure(String keyHash, String purpose, Instant now, int limit) {
        return Jdbc.update(connection, COUNT_FAILURE, Jdbc.hexHash(keyHash), purpose, now, limit) == 1;
    }

    /**
     * Deletes a challenge: its single use.
     *
     * @return whether this call deleted it (false: another use took it first)
     */
    public boolean delete(String keyHash, String purpose) {
        return Jdbc.update(connection, DELETE, Jdbc.hexHash(keyHash), purpose) == 1;
    }

    /** Ends every challenge of one purpose of a user (a new TOTP activation ends the earlier proposals). */
    public void deleteByUser(long userId, String purpose) {
        Jdbc.update(connection, DELETE_BY_USER, userId, purpose);
    }

    /** Removes challenges that expired by {@code now}; returns how many. */
    public int deleteExpired(Instant now) {
        return Jdbc.update(connection, DELETE_EXPIRED, now);
    }
}
