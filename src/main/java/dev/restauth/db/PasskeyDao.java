package dev.restauth.db;

import dev.restauth.user.Passkey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code restauth_passkey}: users' WebAuthn credentials. Not thread-safe. */
public final class PasskeyDao {
    private static final String COLUMNS = "id, user_id, name, credential_id, credential_data, sign_count, "
            + "transports, discoverable, created, last_used";
    private static final String BY_USER = "SELECT " + COLUMNS + " FROM restauth_passkey WHERE user_id = ? "
            + "ORDER BY created DESC, id DESC";
    private static final String BY_CREDENTIAL_HASH = "SELECT " + COLUMNS + " FROM restauth_passkey "
            + "WHERE credential_hash = ?";
    private static final String INSERT = "INSERT INTO restauth_passkey (user_id, name, credential_id, "
            + "credential_hash, credential_data, sign_count, transports, discoverable, created, last_used) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)";
    private static final String RENAME = "UPDATE restauth_passkey SET name = ? WHERE id = ? AND user_id = ?";
    // A counter only moves forward: of two assertions racing with counters 5 and 6, the one that finds 6 stored
    // fails as a clone would. An authenticator without a counter reports 0 every time.
    private static final String RECORD_USE = "UPDATE restauth_passkey SET sign_count = ?, last_used = ? "
            + "WHERE id = ? AND (sign_count < ? OR ? = 0)";
    private static final String DELETE = "DELETE FROM restauth_passkey WHERE id = ? AND user_id = ?";
    private static final String COUNT_BY_USER = "SELECT COUNT(*) FROM restauth_passkey WHERE user_id = ?";

    private final Connection connection;

    PasskeyDao(Connection connection) {
        this.connection = connection;
    }

    /** The user's passkeys, newest first. */
    public List<Passkey> findByUser(long userId) {
        return Jdbc.list(connection, BY_USER, PasskeyDao::map, userId);
    }

    /** The passkey whose credential id hashes to this (SHA-256, hex). */
    public Optional<Passkey> findByCredentialHash(String credentialHash) {
        return Jdbc.one(connection, BY_CREDENTIAL_HASH, PasskeyDao::map, Jdbc.hexHash(credentialHash));
    }

    /**
     * Stores a new passkey and returns it with its id.
     *
     * @throws DuplicateKeyException when the credential id is registered already, to this user or another
     */
    public Passkey insert(long userId, String name, String credentialId, String credentialHash, String data,
                          long signCount, String transports, boolean discoverable, Instant created) {
        long id = Jdbc.insert(connection, INSERT, userId, name, credentialId, credentialHash, data, signCount,
                transports, discoverable, created);
        return new Passkey(id, userId, name, credentialId, data, signCount, transports, discoverable, created, null);
    }

    /** @return whether the user has a passkey of this id */
    public boolean rename(long id, long userId, String name) {
        return Jdbc.update(connection, RENAME, name, id, userId) == 1;
    }

    /**
     * Stores the counter of an accepted assertion and its time.
     *
     * @return false when the stored counter is already at or past {@code signCount} (a concurrent assertion, or a
     *         clone)
     */
    public boolean recordUse(long id, long signCount, Instant now) {
        return Jdbc.update(connection, RECORD_USE, signCount, now, id, signCount, signCount) == 1;
    }

    /** @return whether the user had a passkey of this id */
    public boolean delete(long id, long userId) {
        return Jdbc.update(connection, DELETE, id, userId) == 1;
    }

    public int countByUser(long userId) {
        return Jdbc.one(connection, COUNT_BY_USER, row -> row.getInt(1), userId).orElse(0);
    }

    private static Passkey map(ResultSet row) throws SQLException {
        return new Passkey(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getLong(6), row.getString(7), row.getBoolean(8), Jdbc.instant(row, 9), Jdbc.instant(row, 10));
    }
}
