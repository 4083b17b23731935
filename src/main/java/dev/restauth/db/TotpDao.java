package dev.restauth.db;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/** {@code restauth_totp}: at most one TOTP authenticator per user, its secret sealed. Not thread-safe. */
public final class TotpDao {
    private static final String BY_USER = "SELECT user_id, sealed_secret, last_step, created, last_used "
            + "FROM restauth_totp WHERE user_id = ?";
    private static final String INSERT = "INSERT INTO restauth_totp (user_id, sealed_secret, last_step, created, "
            + "last_used) VALUES (?, ?, ?, ?, NULL)";
    private static final String ACCEPT_STEP = "UPDATE restauth_totp SET last_step = ?, last_used = ? "
            + "WHERE user_id = ? AND last_step < ?";
    private static final String DELETE = "DELETE FROM restauth_totp WHERE user_id = ?";

    private final Connection connection;

    TotpDao(Connection connection) {
        this.connection = connection;
    }

    /**
     * A user's authenticator.
     *
     * @param sealedSecret the secret, sealed with AES-GCM by the account layer
     * @param lastStep     the time step of the last code accepted
     * @param lastUsed     null until a code was used after activation
     */
    public record TotpRow(long userId, String sealedSecret, long lastStep, Instant created, Instant lastUsed) {
        @Override
        public String toString() {
            return "TotpRow{userId=" + userId + "}";
        }
    }

    public Optional<TotpRow> find(long userId) {
        return Jdbc.one(connection, BY_USER, row -> new TotpRow(row.getLong(1), row.getString(2), row.getLong(3),
                Jdbc.instant(row, 4), Jdbc.instant(row, 5)), userId);
    }

    /** @throws DuplicateKeyException when the user has an authenticator already (a concurrent activation won) */
    public void insert(long userId, String sealedSecret, long lastStep, Instant created) {
        Jdbc.update(connection, INSERT, userId, sealedSecret, lastStep, created);
    }

    /**
     * Records {@code step} as the last accepted one, only if it is later than the one stored: the single statement
     * that makes a code single-use, however many nodes check it at once.
     *
     * @return whether this call accepted the step (false: an equal or later one was accepted before)
     */
    public boolean acceptStep(long userId, long step, Instant now) {
        return Jdbc.update(connection, ACCEPT_STEP, step, now, userId, step) == 1;
    }

    /** @return whether there was an authenticator */
    public boolean delete(long userId) {
        return Jdbc.update(connection, DELETE, userId) > 0;
    }
}
