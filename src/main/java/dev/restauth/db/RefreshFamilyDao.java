package dev.restauth.db;

import java.sql.Connection;
import java.time.Instant;

/**
 * {@code restauth_refresh_family}: one row per JWT login, the family of refresh tokens rotated out of it. Revoking
 * the row ends every token of the family at once, also one inserted by a rotation racing the revocation: a use
 * checks the family, not only the token. Reached through a {@link Transaction}; not thread-safe.
 */
public final class RefreshFamilyDao {
    private static final String INSERT =
            "INSERT INTO restauth_refresh_family (id, user_id, revoked, expires) VALUES (?, ?, FALSE, ?)";
    private static final String EXTEND = "UPDATE restauth_refresh_family SET expires = ? WHERE id = ? AND expires < ?";
    private static final String REVOKE = "UPDATE restauth_refresh_family SET revoked = TRUE WHERE id = ?";
    private static final String REVOKE_BY_USER =
            "UPDATE restauth_refresh_family SET revoked = TRUE WHERE user_id = ? AND revoked = FALSE";
    private static final String DELETE_EXPIRED = "DELETE FROM restauth_refresh_family WHERE expires < ?";

    private final Connection connection;

    RefreshFamilyDao(Connection connection) {
        this.connection = connection;
    }

    /** A new, live family of a user's login, kept until {@code expires}. */
    public void insert(String id, long userId, Instant expires) {
        Jdbc.update(connection, INSERT, Jdbc.hexHash(id), userId, expires);
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
