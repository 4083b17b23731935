package dev.restauth.db;

import dev.restauth.user.Canonical;
import dev.restauth.user.EmailAddress;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@code restauth_email_address}: allauth's e-mail addresses. Reached through {@link Transaction#emailAddresses()}; not thread-safe. */
public final class EmailAddressDao {
    private static final String COLUMNS = "id, user_id, email, verified, is_primary";
    private static final String INSERT = "INSERT INTO restauth_email_address "
            + "(user_id, email, email_key, unique_key, verified, is_primary) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM restauth_email_address WHERE id = ?";
    private static final String BY_USER =
            "SELECT " + COLUMNS + " FROM restauth_email_address WHERE user_id = ? ORDER BY id";
    private static final String VERIFIED_EXACT = "SELECT COUNT(*) FROM restauth_email_address "
            + "WHERE user_id = ? AND email = ? AND verified = ?";
    private static final String TAKEN = "SELECT COUNT(*) FROM restauth_email_address WHERE email_key = ?";
    private static final String VERIFY = "UPDATE restauth_email_address SET verified = ? WHERE id = ? AND verified = ?";
    private static final String BY_EMAIL_KEY =
            "SELECT " + COLUMNS + " FROM restauth_email_address WHERE email_key = ? ORDER BY id";
    private static final String BY_USER_AND_KEY =
            "SELECT " + COLUMNS + " FROM restauth_email_address WHERE user_id = ? AND email_key = ?";
    private static final String DELETE = "DELETE FROM restauth_email_address WHERE id = ? AND user_id = ?";
    private static final String SET_PRIMARY = "UPDATE restauth_email_address "
            + "SET is_primary = CASE WHEN id = ? THEN ? ELSE ? END WHERE user_id = ?";

    private final Connection connection;

    EmailAddressDao(Connection connection) {
        this.connection = connection;
    }

    /**
     * Records an address for a user. With {@code unique} the database refuses the address for a second user.
     *
     * @throws DuplicateKeyException when the address is taken (and {@code unique}), or the user has it already
     */
    public EmailAddress insert(long userId, String email, boolean verified, boolean primary, boolean unique) {
        String key = Canonical.key(email);
        long id = Jdbc.insert(connection, INSERT, userId, email, key, unique ? key : null, verified, primary);
        return new EmailAddress(id, userId, email, verified, primary);
    }

    public Optional<EmailAddress> findById(long id) {
        return Jdbc.one(connection, BY_ID, EmailAddressDao::map, id);
    }

    public List<EmailAddress> findByUser(long userId) {
        return Jdbc.list(connection, BY_USER, EmailAddressDao::map, userId);
    }

    /** True when this user has confirmed exactly this address (allauth's login check). */
    public boolean isVerified(long userId, String email) {
        return Jdbc.one(connection, VERIFIED_EXACT, row -> row.getLong(1), userId, email, true).orElse(0L) > 0;
    }

    /** True when any user has this address, in any letter case. */
    public boolean taken(String email) {
        return Jdbc.one(connection, TAKEN, row -> row.getLong(1), Canonical.key(email)).orElse(0L) > 0;
    }

    /** Addresses spelled so in any letter case, oldest first. */
    public List<EmailAddress> findByEmail(String email) {
        return Jdbc.list(connection, BY_EMAIL_KEY, EmailAddressDao::map, Canonical.key(email));
    }

    /**
     * Marks an unconfirmed address confirmed.
     *
     * @return false when there is no such address or it was confirmed already (two concurrent confirmations of one
     *         key: exactly one gets true)
     */
    public boolean verify(long id) {
        return Jdbc.update(connection, VERIFY, true, id, false) == 1;
    }

    /** This user's address spelled so in any letter case. */
    public Optional<EmailAddress> findForUser(long userId, String email) {
        return Jdbc.one(connection, BY_USER_AND_KEY, EmailAddressDao::map, userId, Canonical.key(email));
    }

    /** Deletes one of a user's addresses; returns whether it was there. */
    public boolean delete(long id, long userId) {
        return Jdbc.update(connection, DELETE, id, userId) == 1;
    }

    /** Makes one of a user's addresses the primary one, and every other of theirs not. */
    public void setPrimary(long userId, long id) {
        Jdbc.update(connection, SET_PRIMARY, id, true, false, userId);
    }

    private static EmailAddress map(ResultSet row) throws SQLException {
        return new EmailAddress(row.getLong("id"), row.getLong("user_id"), row.getString("email"),
                row.getBoolean("verified"), row.getBoolean("is_primary"));
    }
}
