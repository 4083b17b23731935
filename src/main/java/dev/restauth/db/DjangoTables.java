package dev.restauth.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Django site's database, read only: the tables of {@code django.contrib.auth}, allauth's {@code account} and
 * {@code socialaccount}, and DRF's {@code authtoken}, on SQLite, PostgreSQL or MariaDB/MySQL, as Django's migrations
 * made them. Rows are streamed in primary-key order (a cursor, never the whole table in memory). Columns are read by
 * name from {@code SELECT *}, so no column needs quoting ({@code primary} is a reserved word everywhere, quoted
 * differently by each database). Times are read as UTC, as Django stores them with {@code USE_TZ}.
 *
 * <p>One connection, not thread-safe. Opening it needs the database's JDBC driver on the class path (xerial
 * {@code sqlite-jdbc}, PostgreSQL's, MariaDB's).
 */
public final class DjangoTables implements AutoCloseable {
    /** The tables read, and those only counted: what they hold has no place in restauth. */
    public static final String USERS = "auth_user";
    public static final String EMAIL_ADDRESSES = "account_emailaddress";
    public static final String SOCIAL_ACCOUNTS = "socialaccount_socialaccount";
    public static final String TOKENS = "authtoken_token";

    private static final String SELECT_USERS = "SELECT * FROM auth_user ORDER BY id";
    private static final String SELECT_EMAIL_ADDRESSES = "SELECT * FROM account_emailaddress ORDER BY id";
    private static final String SELECT_SOCIAL_ACCOUNTS = "SELECT * FROM socialaccount_socialaccount ORDER BY id";
    private static final String SELECT_TOKENS = "SELECT * FROM authtoken_token ORDER BY user_id";
    /** Counted per table; each name is one of {@link #COUNTED}, never text from outside. */
    private static final String COUNT = "SELECT COUNT(*) FROM %s";
    private static final Map<String, String> COUNTED = countedTables();
    private static final int FETCH_SIZE = 1000;
    private static final DateTimeFormatter SQLITE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private final Connection connection;
    private final Dialect dialect;

    private DjangoTables(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Where each source is: SQLite keeps times as text, PostgreSQL with a zone, MariaDB without one. */
    private enum Dialect {
        SQLITE, POSTGRESQL, MARIADB
    }

    /** A row of {@code auth_user}; the password is Django's encoded hash, as stored. */
    public record User(long id, String username, String email, String password, String firstName, String lastName,
                       boolean active, boolean staff, boolean superuser, Instant dateJoined, Instant lastLogin) {
        @Override
        public String toString() {
            return "User{id=" + id + ", username=" + username + "}";
        }
    }

    /** A row of allauth's {@code account_emailaddress}. */
    public record EmailAddress(long userId, String email, boolean verified, boolean primary) {
    }

    /** A row of allauth's {@code socialaccount_socialaccount}; {@code extraData} is its JSON text. */
    public record SocialAccount(long userId, String provider, String uid, Instant lastLogin, Instant dateJoined,
                                String extraData) {
    }

    /** A row of DRF's {@code authtoken_token}. */
    public record Token(long userId, String key, Instant created) {
        @Override
        public String toString() {
            return "Token{userId=" + userId + "}";
        }
    }

    /** A row handed to a consumer; a consumer's exception ends the reading and goes on to the caller. */
    @FunctionalInterface
    public interface Rows<T> {
        void accept(T row);
    }

    /**
     * Connects to a Django database.
     *
     * @param user     the database user, or null (SQLite, or credentials in the URL)
     * @param password the database password, or null
     * @throws DataAccessException when the database cannot be reached, or is none restauth reads
     */
    public static DjangoTables open(String url, String user, String password) {
        Dialect dialect;
        if (url.startsWith("jdbc:sqlite:")) {
            dialect = Dialect.SQLITE;
        } else if (url.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
        } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            dialect = Dialect.MARIADB;
        } else {
            throw new IllegalArgumentException("not a SQLite, PostgreSQL or MariaDB/MySQL JDBC URL (jdbc:sqlite:FILE, "
                    + "jdbc:postgresql://HOST/DB, jdbc:mariadb://HOST/DB)");
        }
        // MariaDB's driver serves MySQL too, under its own scheme.
        String jdbcUrl = url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
            // A cursor: PostgreSQL streams a result set only inside a transaction, with a fetch size.
            connection.setAutoCommit(false);
            return new DjangoTables(connection, dialect);
        } catch (SQLException e) {
            throw DataAccessException.translate("(connect)", e);
        }
    }

    /** True when the database has this table. */
    public boolean has(String table) {
        try {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = dialect == Dialect.POSTGRESQL ? connection.getSchema() : null;
            String catalog = dialect == Dialect.MARIADB ? connection.getCatalog() : null;
            try (ResultSet tables = meta.getTables(catalog, schema, table, null)) {
                return tables.next();
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("(tables)", e);
        }
    }

    /** The rows of a table of {@link #counted()} or one of the four read, or -1 when the database lacks it. */
    public long count(String table) {
        if (!COUNTED.containsKey(table) && !table.equals(USERS) && !table.equals(EMAIL_ADDRESSES)
                && !table.equals(SOCIAL_ACCOUNTS) && !table.equals(TOKENS)) {
            throw new IllegalArgumentException("not a Django table restauth reads: " + table);
        }
        if (!has(table)) {
            return -1;
        }
        String sql = String.format(COUNT, table);
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw DataAccessException.translate(sql, e);
        }
    }

    /** The tables restauth does not import, each with what it holds, in the order a summary names them. */
    public static Map<String, String> counted() {
        return COUNTED;
    }

    public void users(Rows<User> rows) {
        stream(SELECT_USERS, row -> new User(row.getLong("id"), row.getString("username"), row.getString("email"),
                row.getString("password"), row.getString("first_name"), row.getString("last_name"),
                row.getBoolean("is_active"), row.getBoolean("is_staff"), row.getBoolean("is_superuser"),
                instant(row, "date_joined"), instant(row, "last_login")), rows);
    }

    public void emailAddresses(Rows<EmailAddress> rows) {
        stream(SELECT_EMAIL_ADDRESSES, row -> new EmailAddress(row.getLong("user_id"), row.getString("email"),
                row.getBoolean("verified"), row.getBoolean("primary")), rows);
    }

    public void socialAccounts(Rows<SocialAccount> rows) {
        stream(SELECT_SOCIAL_ACCOUNTS, row -> new SocialAccount(row.getLong("user_id"), row.getString("provider"),
                row.getString("uid"), instant(row, "last_login"), instant(row, "date_joined"),
                row.getString("extra_data")), rows);
    }

    public void tokens(Rows<Token> rows) {
        stream(SELECT_TOKENS, row -> new Token(row.getLong("user_id"), row.getString("key"),
                instant(row, "created")), rows);
    }

    private <T> void stream(String sql, Jdbc.RowMapper<T> mapper, Rows<T> consumer) {
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(mapper.map(rows));
                }
            }
        } catch (SQLException e) {
            throw DataAccessException.translate(sql, e);
        }
    }

    private Instant instant(ResultSet row, String column) throws SQLException {
        switch (dialect) {
            case POSTGRESQL: {
                OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            }
            case MARIADB: {
                LocalDateTime value = row.getObject(column, LocalDateTime.class);
                return value == null ? null : value.toInstant(ZoneOffset.UTC);
            }
            default: {
                String value = row.getString(column);
                if (value == null) {
                    return null;
                }
                var parsed = SQLITE_TIME.parse(value.strip());
                LocalDateTime local = LocalDateTime.from(parsed);
                return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                        ? local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                        : local.toInstant(ZoneOffset.UTC);
            }
        }
    }

    private static Map<String, String> countedTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("auth_group", "groups");
        tables.put("auth_user_groups", "group memberships");
        tables.put("auth_user_user_permissions", "user permissions");
        tables.put("auth_group_permissions", "group permissions");
        tables.put("django_session", "sessions (signed-in browsers sign in again)");
        tables.put("socialaccount_socialapp", "social apps (their client ids and secrets belong in restauth's "
                + "social.<provider>.* settings)");
        tables.put("socialaccount_socialtoken", "social tokens (restauth keeps no provider tokens)");
        tables.put("account_emailconfirmation", "pending e-mail confirmations (ask again with resend-email/)");
        tables.put("token_blacklist_outstandingtoken", "simplejwt refresh tokens (signed with Django's secret key)");
        return Collections.unmodifiableMap(tables);
    }

    @Override
    public void close() {
        try {
            connection.rollback(); // only read; nothing to keep
            connection.close();
        } catch (SQLException e) {
            throw DataAccessException.translate("(close)", e);
        }
    }
}
