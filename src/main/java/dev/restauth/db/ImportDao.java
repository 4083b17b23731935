package dev.restauth.db;

import dev.restauth.user.Canonical;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Bulk writes of users taken over from another system, in the caller's transaction: users with the primary keys
 * they had there, their addresses, social accounts and tokens, sent as JDBC batches of {@value #BATCH} rows. Rows
 * wait in a batch until it is full or {@link #flush()} sends them; what a lookup here sees is what was sent.
 * {@link #close()} releases the statements. Reached through {@link Transaction#imports()}; not thread-safe.
 */
public final class ImportDao implements AutoCloseable {
    /** Rows per batch: large enough to spare round trips, small enough to keep memory flat. */
    static final int BATCH = 500;

    private static final String USERNAME_KEYS_BETWEEN =
            "SELECT id, username_key FROM restauth_user WHERE id BETWEEN ? AND ?";
    private static final String LOWEST_USER_ID = "SELECT MIN(id) FROM restauth_user";
    private static final String ID_BY_USERNAME_KEY = "SELECT id FROM restauth_user WHERE username_key = ?";
    private static final String INSERT_USER = "INSERT INTO restauth_user (id, username, username_key, email, email_key, "
            + "password, first_name, last_name, is_active, is_staff, is_superuser, date_joined, last_login) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EMAIL_ADDRESS = "INSERT INTO restauth_email_address "
            + "(user_id, email, email_key, unique_key, verified, is_primary) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SOCIAL_ACCOUNT = "INSERT INTO restauth_social_account "
            + "(user_id, provider, uid, last_login, date_joined, extra_data) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TOKEN = "INSERT INTO restauth_token (user_id, key_hash, salt, created, "
            + "sealed_key) VALUES (?, ?, ?, ?, ?)";
    private static final String NEXT_USER_ID = "SELECT COALESCE(MAX(id), 0) + 1 FROM restauth_user";
    /** H2 does not move an identity column past values inserted explicitly. DDL: H2 commits before it. */
    private static final String H2_RESTART_USER_IDS = "ALTER TABLE restauth_user ALTER COLUMN id RESTART WITH ?";
    /** Neither does PostgreSQL; setval is not undone by a rollback, which only leaves a gap. */
    private static final String POSTGRESQL_RESTART_USER_IDS = "SELECT setval(pg_get_serial_sequence('restauth_user', "
            + "'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM restauth_user), false)";

    private final Connection connection;
    private final Dialect dialect;
    /** The open batches, in the order they must be sent (a token's user before the token). */
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private PreparedStatement idByUsernameKey;

    ImportDao(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
        for (String sql : new String[] {INSERT_USER, INSERT_EMAIL_ADDRESS, INSERT_SOCIAL_ACCOUNT, INSERT_TOKEN}) {
            batches.put(sql, new Batch(sql));
        }
    }

    /** True when restauth holds no user at all (then nothing can collide, and no lookup is needed). */
    public boolean noUsers() {
        return Jdbc.one(connection, LOWEST_USER_ID, row -> row.getObject(1) == null).orElse(true);
    }

    /** The users whose ids lie in {@code [from, to]}, by id: their {@link Canonical#key username keys}. */
    public Map<Long, String> usernameKeysBetween(long from, long to) {
        Map<Long, String> keys = new HashMap<>();
        Jdbc.list(connection, USERNAME_KEYS_BETWEEN, row -> keys.put(row.getLong(1), row.getString(2)), from, to);
        return keys;
    }

    /** The id of the user whose username has this name's {@link Canonical#key key}, if any. */
    public OptionalLong idOfUsername(String username) {
        try {
            if (idByUsernameKey == null) {
                idByUsernameKey = connection.prepareStatement(ID_BY_USERNAME_KEY);
            }
            idByUsernameKey.setString(1, Canonical.key(username));
            try (ResultSet rows = idByUsernameKey.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw DataAccessException.translate(ID_BY_USERNAME_KEY, e);
        }
    }

    /** Adds a user with the id it had, and its password column as it is (any hash format restauth verifies). */
    public void addUser(DjangoTables.User user) {
        batches.get(INSERT_USER).add(user.id(), user.username(), Canonical.key(user.username()), user.email(),
                Canonical.key(user.email()), user.password(), user.firstName(), user.lastName(), user.active(),
                user.staff(), user.superuser(), user.dateJoined(), user.lastLogin());
    }

    /** Adds an address; with {@code unique} the database refuses it when another user has it already. */
    public void addEmailAddress(DjangoTables.EmailAddress address, boolean unique) {
        String key = Canonical.key(address.email());
        batches.get(INSERT_EMAIL_ADDRESS).add(address.userId(), address.email(), key, unique ? key : null,
                address.verified(), address.primary());
    }

    /** Adds a social account; its last login falls back to its date joined when it had none. */
    public void addSocialAccount(DjangoTables.SocialAccount account) {
        Instant lastLogin = account.lastLogin() != null ? account.lastLogin() : account.dateJoined();
        batches.get(INSERT_SOCIAL_ACCOUNT).add(account.userId(), account.provider(), account.uid(), lastLogin,
                account.dateJoined(), account.extraData() == null ? "{}" : account.extraData());
    }

    public void addToken(TokenDao.TokenRow token) {
        batches.get(INSERT_TOKEN).add(token.userId(), token.keyHash(), token.salt(), token.created(),
                token.sealedKey());
    }

    /**
     * Sends every waiting row.
     *
     * @throws DuplicateKeyException when a row repeats a unique key (a name or address restauth holds already, or
     *                               two source rows restauth counts as one)
     */
    public void flush() {
        for (Batch batch : batches.values()) {
            batch.send();
        }
    }

    /**
     * Makes the ids restauth gives new users continue above the largest id now in {@code restauth_user}. On H2 this
     * is DDL, which commits the transaction first: call it last, once nothing can fail any more. MariaDB's
     * AUTO_INCREMENT moves past explicit ids by itself.
     */
    public void continueUserIdsAboveMax() {
        flush();
        switch (dialect) {
            case H2 -> {
                long next = Jdbc.one(connection, NEXT_USER_ID, row -> row.getLong(1)).orElse(1L);
                Jdbc.update(connection, H2_RESTART_USER_IDS, next);
            }
            case POSTGRESQL -> Jdbc.one(connection, POSTGRESQL_RESTART_USER_IDS, row -> row.getLong(1));
            case MARIADB -> { }
        }
    }

    @Override
    public void close() {
        SQLException failure = null;
        for (Batch batch : batches.values()) {
            failure = closeQuietly(batch.statement, failure);
        }
        failure = closeQuietly(idByUsernameKey, failure);
        if (failure != null) {
            throw DataAccessException.translate("(close)", failure);
        }
    }

    private static SQLException closeQuietly(PreparedStatement statement, SQLException failure) {
        if (statement == null) {
            return failure;
        }
        try {
            statement.close();
        } catch (SQLException e) {
            return failure == null ? e : failure;
        }
        return failure;
    }

    /** One INSERT's batch: its statement, opened at the first row, and how many rows wait. */
    private final class Batch {
        private final String sql;
        private PreparedStatement statement;
        private int waiting;

        Batch(String sql) {
            this.sql = sql;
        }

        void add(Object... params) {
            try {
                if (statement == null) {
                    statement = connection.prepareStatement(sql);
                }
                Jdbc.bind(statement, params);
                statement.addBatch();
            } catch (SQLException e) {
                throw DataAccessException.translate(sql, e);
            }
            if (++waiting >= BATCH) {
                // A full batch of children goes after the parents waiting in earlier batches.
                flush();
            }
        }

        void send() {
            if (waiting == 0) {
                return;
            }
            try {
                statement.executeBatch();
                waiting = 0;
            } catch (BatchUpdateException e) {
                throw DataAccessException.translate(sql, e.getNextException() != null ? e.getNextException() : e);
            } catch (SQLException e) {
                throw DataAccessException.translate(sql, e);
            }
        }
    }
}
