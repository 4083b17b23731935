package dev.restauth.db;

import dev.restauth.user.User;

import java.sql.Connection;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code restauth_refresh_token}: the refresh tokens JWT mode issued, by {@code jti}, each in its family. A token is
 * used up by ONE conditional update ({@link #markRotated}), so of many requests presenting it at once exactly one
 * wins. Reached through a {@link Transaction}; not thread-safe.
 */
public final class RefreshTokenDao {
    private static final String FIND = "SELECT t.state, t.family, f.revoked, " + UserDao.COLUMNS
            + " FROM restauth_refresh_token t JOIN restauth_refresh_family f ON f.id = t.family"
            + " JOIN restauth_user u ON u.id = f.user_id WHERE t.jti = ?";
    private static final String INSERT =
            "INSERT INTO restauth_refresh_token (jti, family, state, expires) VALUES (?, ?, 'active', ?)";
    private static final String SET_STATE =
            "UPDATE restauth_refresh_token SET state = ? WHERE jti = ? AND state = 'active'";
    private static final String DELETE_EXPIRED = "DELETE FROM restauth_refresh_token WHERE expires < ?";

    private final Connection connection;

    RefreshTokenDao(Connection connection) {
        this.connection = connection;
    }

    /** What happened to a refresh token. */
    public enum State {
        /** Issued and not yet used up. */
        ACTIVE,
        /** Exchanged for its successor by a refresh with rotation and blacklisting. */
        ROTATED,
        /** Given back at logout. */
        BLACKLISTED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A stored refresh token, its family's state and its owner as stored now.
     *
     * @param familyRevoked the whole family was revoked (logout, reset, reuse)
     */
    public record RefreshRow(State state, String family, boolean familyRevoked, User user) {
    }

    public Optional<RefreshRow> find(String jti) {
        return Jdbc.one(connection, FIND, row -> new RefreshRow(State.valueOf(row.getString(1).toUpperCase(
                Locale.ROOT)), row.getString(2), row.getBoolean(3), UserDao.map(row, 4)), Jdbc.hexHash(jti));
    }

    /** A new active token in a family. */
    public void insert(String jti, String family, Instant expires) {
        Jdbc.update(connection, INSERT, Jdbc.hexHash(jti), Jdbc.hexHash(family), expires);
    }

    /**
     * Uses up an active token: it becomes rotated. Only one transaction can do this to a token; the others, once the
     * winner committed, find it no longer active.
     *
     * @return whether this transaction did it
     */
    public boolean markRotated(String jti) {
        return Jdbc.update(connection, SET_STATE, State.ROTATED.column(), Jdbc.hexHash(jti)) == 1;
    }

    /** Blacklists an active token (logout); returns whether it was active. */
    public boolean markBlacklisted(String jti) {
        return Jdbc.update(connection, SET_STATE, State.BLACKLISTED.column(), Jdbc.hexHash(jti)) == 1;
    }

    /** Deletes the tokens that expired before {@code cutoff}: presented now they fail on their own {@code exp}. */
    public int deleteExpired(Instant cutoff) {
        return Jdbc.update(connection, DELETE_EXPIRED, cutoff);
    }
}
