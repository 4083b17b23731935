package dev.restauth.db;

import dev.restauth.user.Canonical;
import dev.restauth.user.User;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code restauth_user}. Reached through a {@link Transaction}; not thread-safe. */
public final class UserDao {
    /** The user columns every user query selects, in the order {@link #map(ResultSet, int)} reads them. */
    static final String COLUMNS = "u.id, u.username, u.email, u.password, u.first_name, u.last_name, u.is_active, "
            + "u.is_staff, u.is_superuser, u.date_joined, u.last_login, u.tokens_valid_after";

    private static final String BY_ID = "SELECT " + COLUMNS + " FROM restauth_user u WHERE u.id = ?";
    private static final String BY_USERNAME_KEY =
            "SELECT " + COLUMNS + " FROM restauth_user u WHERE u.username_key = ?";
    // allauth's filter_users_by_email: the user's own address, or any address in the e-mail table. A UNION of two
    // indexed lookups: written with OR, databases scan the whole user table.
    private static final String BY_EMAIL_KEY = "SELECT " + COLUMNS + " FROM restauth_user u WHERE u.email_key = ? "
            + "UNION SELECT " + COLUMNS + " FROM restauth_user u JOIN restauth_email_address a ON a.user_id = u.id "
            + "WHERE a.email_key = ? AND a.verified = ? ORDER BY 1";
    private static final String USERNAME_TAKEN =
            "SELECT COUNT(*) FROM restauth_user WHERE username_key = ? AND id <> ?";
    private static final String INSERT = "INSERT INTO restauth_user (username, username_key, email, email_key, "
            + "password, first_name, last_name, is_active, is_staff, is_superuser, date_joined, last_login) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)";
    private static final String UPDATE_PROFILE = "UPDATE restauth_user SET username = ?, username_key = ?, "
            + "first_name = ?, last_name = ? WHERE id = ?";
    private static final String UPDATE_PASSWORD = "UPDATE restauth_user SET password = ? WHERE id = ?";
    private static final String UPDATE_EMAIL = "UPDATE restauth_user SET email = ?, email_key = ? WHERE id = ?";
    private static final String REPLACE_PASSWORD =
            "UPDATE restauth_user SET password = ? WHERE id = ? AND password = ?";
    private static final String UPDATE_LAST_LOGIN = "UPDATE restauth_user SET last_login = ? WHERE id = ?";
    private static final String UPDATE_ACTIVE = "UPDATE restauth_user SET is_active = ? WHERE id = ?";
    private static final String REVOKE_TOKENS = "UPDATE restauth_user SET tokens_valid_after = ? "
            + "WHERE id = ? AND (tokens_valid_after IS NULL OR tokens_valid_after < ?)";

    private final Connection connection;

    UserDao(Connection connection) {
        this.connection = connection;
    }

    public Optional<User> findById(long id) {
        return Jdbc.one(connection, BY_ID, UserDao::map, id);
    }

    /** The user whose username has the same {@link Canonical#key key} (case-insensitive, NFKC). */
    public Optional<User> findByUsername(String username) {
        return Jdbc.one(connection, BY_USERNAME_KEY, UserDao::map, Canonical.key(username));
    }

    /**
     * Users owning this address (case-insensitive), oldest first; several only when e-mails need not be unique. An
     * address counts when it is the user's own ({@code restauth_user.email}) or a confirmed one of theirs: an address
     * added but not confirmed names nobody.
     */
    public List<User> findByEmail(String email) {
        String key = Canonical.key(email);
        return Jdbc.list(connection, BY_EMAIL_KEY, UserDao::map, key, key, true);
    }

    /** True when another user (not {@code exceptUserId}) has this username in any letter case. */
    public boolean usernameTaken(String username, long exceptUserId) {
        return Jdbc.one(connection, USERNAME_TAKEN, row -> row.getLong(1), Canonical.key(username), exceptUserId)
                .orElse(0L) > 0;
    }

    /**
     * Inserts a user and returns it with its new id.
     *
     * @throws DuplicateKeyException when the username is taken (in any letter case)
     */
    public User insert(NewUser user) {
        long id = Jdbc.insert(connection, INSERT, user.username(), Canonical.key(user.username()), user.email(),
                Canonical.key(user.email()), user.password(), user.firstName(), user.lastName(), user.active(),
                user.staff(), user.superuser(), user.dateJoined());
        return new User(id, user.username(), user.email(), user.password(), user.firstName(), user.lastName(),
                user.active(), user.staff(), user.superuser(), user.dateJoined(), null, null);
    }

    /** @throws DuplicateKeyException when the new username is taken */
    public void updateProfile(long id, String username, String firstName, String lastName) {
        Jdbc.update(connection, UPDATE_PROFILE, username, Canonical.key(username), firstName, lastName, id);
    }

    /** The user's own address ({@code restauth_user.email}), which follows the primary one. */
    public void updateEmail(long id, String email) {
        Jdbc.update(connection, UPDATE_EMAIL, email, Canonical.key(email), id);
    }

    public void updatePassword(long id, String encodedPassword) {
        Jdbc.update(connection, UPDATE_PASSWORD, encodedPassword, id);
    }

    /** Sets the password only if the stored hash is still {@code expected}; returns whether it did. */
    public boolean replacePassword(long id, String expected, String encodedPassword) {
        return Jdbc.update(connection, REPLACE_PASSWORD, encodedPassword, id, expected) == 1;
    }

    public void updateLastLogin(long id, Instant when) {
        Jdbc.update(connection, UPDATE_LAST_LOGIN, when, id);
    }

    public void updateActive(long id, boolean active) {
        Jdbc.update(connection, UPDATE_ACTIVE, active, id);
    }

    /**
     * JWT mode: refuses the user's access tokens issued before {@code validAfter}. Only ever moves the instant
     * forward, so two nodes whose clocks differ a little cannot revive tokens.
     */
    public void revokeTokensIssuedBefore(long id, Instant validAfter) {
        Jdbc.update(connection, REVOKE_TOKENS, validAfter, id, validAfter);
    }

    /** Maps the {@link #COLUMNS} of a row that selects nothing else. */
    static User map(ResultSet row) throws SQLException {
        return map(row, 1);
    }

    /**
     * Maps the {@link #COLUMNS} of a row where they start at column {@code first}. By position, not by name: this
     * runs for every authenticated request, and a lookup by name costs a search of the row's labels per column.
     */
    static User map(ResultSet row, int first) throws SQLException {
        return new User(row.getLong(first), row.getString(first + 1), row.getString(first + 2),
                row.getString(first + 3), row.getString(first + 4), row.getString(first + 5),
                row.getBoolean(first + 6), row.getBoolean(first + 7), row.getBoolean(first + 8),
                Jdbc.instant(row, first + 9), Jdbc.instant(row, first + 10), Jdbc.instant(row, first + 11));
    }

    /** A user not yet inserted. */
    public record NewUser(String username, String email, String password, String firstName, String lastName,
                          boolean active, boolean staff, boolean superuser, Instant dateJoined) {
        @Override
        public String toString() {
            return "NewUser{username=" + username + "}";
        }
    }
}
