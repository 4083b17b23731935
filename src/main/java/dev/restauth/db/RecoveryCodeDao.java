package dev.restauth.db;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code restauth_recovery_code}: a user's recovery codes, as keyed hashes. Not thread-safe. */
public final class RecoveryCodeDao {
    private static final String INSERT = "INSERT INTO restauth_recovery_code (user_id, code_hash, created, used) "
            + "VALUES (?, ?, ?, NULL)";
    private static final String SPEND = "UPDATE restauth_recovery_code SET used = ? "
            + "WHERE user_id = ? AND code_hash = ? AND used IS NULL";
    private static final String REMAINING = "SELECT COUNT(*) FROM restauth_recovery_code "
            + "WHERE user_id = ? AND used IS NULL";
    private static final String LAST_USED = "SELECT MAX(used) FROM restauth_recovery_code WHERE user_id = ?";
    private static final String DELETE_BY_USER = "DELETE FROM restauth_recovery_code WHERE user_id = ?";

    private final Connection connection;

    RecoveryCodeDao(Connection connection) {
        this.connection = connection;
    }

    /** Stores a new set of codes (the caller deletes the old set first). */
    public void insertAll(long userId, List<String> codeHashes, Instant created) {
        for (String hash : codeHashes) {
            Jdbc.update(connection, INSERT, userId, hash, created);
        }
    }

    /**
     * Spends the unused code with this hash: one statement, so of two uses of one code racing, exactly one wins.
     *
     * @return whether this call spent it
     */
    public boolean spend(long userId, String codeHash, Instant now) {
        return Jdbc.update(connection, SPEND, now, userId, Jdbc.hexHash(codeHash)) == 1;
    }

    /** How many codes the user has not used. */
    public int remaining(long userId) {
        return Jdbc.one(connection, REMAINING, row -> row.getInt(1), userId).orElse(0);
    }

    /** When the user last spent a code, if ever. */
    public Optional<Instant> lastUsed(long userId) {
        List<Instant> max = Jdbc.list(connection, LAST_USED, row -> Jdbc.instant(row, 1), userId);
        return max.isEmpty() ? Optional.empty() : Optional.ofNullable(max.get(0)); // MAX of no rows is NULL
    }

    public void deleteByUser(long userId) {
        Jdbc.update(connection, DELETE_BY_USER, userId);
    }
}
