package dev.restauth.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import dev.restauth.config.DataDirectory;
import dev.restauth.config.Settings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * restauth's database: a connection pool (or the application's own {@link DataSource}), its {@link Dialect}, and
 * transactions as scoped callbacks, so a connection never outlives the work done on it.
 *
 * <p>Thread-safe. {@link #close()} closes the pool only when restauth created it.
 */
public final class Database implements AutoCloseable {
    /** Attempts for a transaction the database aborted to resolve a race (deadlock, serialization failure). */
    private static final int ATTEMPTS = 3;

    /** How long a statement may run, per database, set on each connection of a pool restauth opens (ms / s). */
    private static final String H2_STATEMENT_TIMEOUT = "SET QUERY_TIMEOUT %d";
    private static final String POSTGRESQL_STATEMENT_TIMEOUT = "SET statement_timeout = %d";
    private static final String MARIADB_STATEMENT_TIMEOUT =
            "SET SESSION max_statement_time = %d, lock_wait_timeout = %<d, innodb_lock_wait_timeout = %<d";

    /** Lifts the statement timeout, back to what the database itself says, for work long by nature (migrations). */
    private static final String H2_NO_STATEMENT_TIMEOUT = "SET QUERY_TIMEOUT 0";
    private static final String POSTGRESQL_NO_STATEMENT_TIMEOUT = "SET statement_timeout = DEFAULT";
    private static final String MARIADB_NO_STATEMENT_TIMEOUT = "SET SESSION max_statement_time = DEFAULT, "
            + "lock_wait_timeout = DEFAULT, innodb_lock_wait_timeout = DEFAULT";

    /** JDBC URL prefixes and the class of their driver. */
    private static final Map<String, String> DRIVERS = Map.of(
            "jdbc:h2:", "org.h2.Driver",
            "jdbc:postgresql:", "org.postgresql.Driver",
            "jdbc:mariadb:", "org.mariadb.jdbc.Driver");

    private final DataSource dataSource;
    private final boolean ownsDataSource;
    private final Dialect dialect;
    private final Outages outages = new Outages();
    /** The statement that sets the timeout on each connection of the pool restauth opened, else null. */
    private final String statementTimeout;
    /** Keeps the file of an H2 database with {@link #durableCommits} in bounds; null for other databases. */
    private final H2FileCompaction compaction;

    private Database(DataSource dataSource, boolean ownsDataSource, String statementTimeout, boolean compacted) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.ownsDataSource = ownsDataSource;
        this.dialect = detectDialect(dataSource);
        this.statementTimeout = statementTimeout;
        this.compaction = compacted ? new H2FileCompaction(dataSource) : null;
        if (compaction != null) {
            compaction.start();
        }
    }

    /** A pooled database from {@code database_url} (default: an H2 file in {@code data_dir}). */
    public static Database fromSettings(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("restauth");
        String url = jdbcUrl(settings);
        DataDirectory.prepareDatabase(url);
        config.setJdbcUrl(url);
        driverClassFor(url).ifPresent(config::setDriverClassName);
        config.setUsername(settings.get(Settings.DATABASE_USER));
        config.setPassword(settings.get(Settings.DATABASE_PASSWORD));
        config.setMaximumPoolSize(settings.get(Settings.DATABASE_POOL_SIZE));
        config.setMinimumIdle(Math.min(2, settings.get(Settings.DATABASE_POOL_SIZE)));
        config.setAutoCommit(true);
        int timeout = settings.get(Settings.DATABASE_STATEMENT_TIMEOUT);
        // A request waits for a pooled connection at most as long as one statement may run, and no statement runs
        // (or waits for a lock) longer: a request whose database is stuck is answered 503 within seconds.
        config.setConnectionTimeout(timeout * 1000L);
        String statementTimeout = statementTimeout(url, timeout).orElse(null);
        config.setConnectionInitSql(statementTimeout);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new Database(new HikariDataSource(config), true, statementTimeout, writesEachCommit(url));
    }

    /** The application's own data source (library and WAR modes); restauth will not close it. */
    public static Database of(DataSource dataSource) {
        return new Database(dataSource, false, null, false);
    }

    /**
     * The JDBC URL the settings name, or the default H2 file database under {@code data_dir}; an H2 URL gets
     * {@link #durableCommits durable commits}.
     */
    public static String jdbcUrl(Settings settings) {
        String url = settings.get(Settings.DATABASE_URL);
        if (url != null) {
            return durableCommits(url);
        }
        Path file = settings.get(Settings.DATA_DIR).toAbsolutePath().resolve("restauth");
        return durableCommits("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /**
     * An H2 database that keeps files writes each commit to its file before the commit returns
     * ({@code WRITE_DELAY=0}): H2's default, 500 ms, acknowledges a commit that a crash of the process within the
     * next half second loses. Without a delay H2 also runs no background thread, so restauth compacts the file
     * itself ({@link H2FileCompaction}). A URL that sets {@code WRITE_DELAY} itself keeps its own value; in-memory
     * databases and other databases' URLs are returned as they are.
     */
    static String durableCommits(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:") || upper.contains(";WRITE_DELAY=") || isInMemory(upper)) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    /** Whether {@code url} is an H2 database that writes each commit at once, so its file needs compacting. */
    static boolean writesEachCommit(String url) {
        String upper = url.toUpperCase(Locale.ROOT) + ";";
        return upper.startsWith("JDBC:H2:") && upper.contains(";WRITE_DELAY=0;");
    }

    private static boolean isInMemory(String upperUrl) {
        int options = upperUrl.indexOf(';');
        String location = options < 0 ? upperUrl : upperUrl.substring(0, options);
        return location.startsWith("JDBC:H2:MEM:") || location.contains("/MEM:");
    }

    /** The statement that gives each new connection of {@code url} a statement timeout of {@code seconds}. */
    static Optional<String> statementTimeout(String url, int seconds) {
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of(String.format(Locale.ROOT, H2_STATEMENT_TIMEOUT, seconds * 1000));
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(String.format(Locale.ROOT, POSTGRESQL_STATEMENT_TIMEOUT, seconds * 1000));
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return Optional.of(String.format(Locale.ROOT, MARIADB_STATEMENT_TIMEOUT, seconds));
        }
        return Optional.empty();
    }

    /**
     * The driver class of a URL restauth knows. Named rather than looked up in {@code DriverManager}, which hands a
     * driver only to code of the class loader that registered it: in a web application the drivers in
     * {@code WEB-INF/lib} are not those the JVM registered, and a lookup by URL finds none.
     */
    private static Optional<String> driverClassFor(String url) {
        for (Map.Entry<String, String> driver : DRIVERS.entrySet()) {
            if (url.startsWith(driver.getKey())) {
                return Optional.of(driver.getValue());
            }
        }
        return Optional.empty();
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in one transaction and returns its result: committed when it returns, rolled back when it
     * throws. A transaction the database aborted to break a deadlock is run again (up to three times), and so, once,
     * is one whose connection broke before its commit (the server ended it: the transaction was rolled back), on
     * another connection; so {@code work} must not have effects outside the database.
     *
     * @throws DatabaseUnavailableException when the database cannot be used now (unreachable, a statement timed
     *                                      out), at once while a recent call found it unreachable
     */
    public <T> T inTransaction(Work<T> work) {
        return observed(() -> attempt(work));
    }

    /** Runs a call past the breaker, with the retries {@link #retrying} allows, and tells the breaker how it went. */
    private <T> T observed(Supplier<T> call) {
        outages.admit();
        try {
            T result = retrying(call);
            outages.succeeded();
            return result;
        } catch (DatabaseUnavailableException e) {
            outages.failed(e);
            throw e;
        } catch (RuntimeException | Error e) {
            outages.succeeded(); // the database answered; the failure is the request's
            throw e;
        }
    }

    /**
     * Runs {@code attempt} again when the database aborted it to resolve a race (up to {@value #ATTEMPTS} times), and
     * once when its connection broke before any commit; a broken connection also replaces the pool's connections.
     */
    private <T> T retrying(Supplier<T> attempt) {
        boolean reconnected = false;
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (DataAccessException e) {
                if (e.isTransient() && attempts < ATTEMPTS) {
                    continue;
                }
                if (!(e instanceof DatabaseUnavailableException)) {
                    throw e;
                }
                DatabaseUnavailableException unavailable = (DatabaseUnavailableException) e;
                if (unavailable.brokenConnection()) {
                    evictConnections();
                }
                if (reconnected || !unavailable.retryable()) {
                    throw e;
                }
                reconnected = true;
            }
        }
    }

    /** {@link #inTransaction} for work without a result. */
    public void useTransaction(VoidWork work) {
        inTransaction(tx -> {
            work.run(tx);
            return null;
        });
    }

    /**
     * {@link #inTransaction}, run again when a concurrent transaction inserted the same unique key first (two first
     * logins of one user, two sign-ups of one name): the next run sees the winner's row and decides accordingly.
     * After {@value #ATTEMPTS} lost races the {@link DuplicateKeyException} goes to the caller.
     */
    public <T> T inTransactionRetryingDuplicates(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (DuplicateKeyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Runs a read on a connection in auto-commit mode: no transaction to open and commit, which is a third of the
     * round trips of the request every authenticated call makes (its token lookup). Each statement sees the data as
     * of its own start, so a read of several statements must not need them to agree; work that writes, or reads
     * that must agree, belong in {@link #inTransaction}. A read whose connection broke runs once more on a new one.
     */
    public <T> T read(Work<T> work) {
        return observed(() -> readOnce(work));
    }

    private <T> T readOnce(Work<T> work) {
        try (Connection connection = connect()) {
            boolean inTransaction = !connection.getAutoCommit(); // an application's pool may hand them out so
            if (inTransaction) {
                connection.setAutoCommit(true);
            }
            try {
                return work.apply(new Transaction(connection, dialect));
            } finally {
                if (inTransaction) {
                    connection.setAutoCommit(false); // the connection goes back to its pool as it came
                }
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("(read)", e);
        }
    }

    /** Runs {@code work} on one connection in one transaction; for this package's own work (migrations). */
    <T> T onConnection(ConnectionWork<T> work) {
        return inTransaction(tx -> {
            try {
                return work.apply(tx.connection());
            } catch (SQLException e) {
                throw DataAccessException.translate("(transaction)", e);
            }
        });
    }

    /**
     * {@link #onConnection} without the statement timeout, which is put back afterwards: for migrations, whose DDL
     * and whose wait for another node's migrations may take longer than any request should.
     */
    <T> T onConnectionWithoutTimeout(ConnectionWork<T> work) {
        if (statementTimeout == null) {
            return onConnection(work);
        }
        return onConnection(connection -> {
            Jdbc.execute(connection, switch (dialect) {
                case H2 -> H2_NO_STATEMENT_TIMEOUT;
                case POSTGRESQL -> POSTGRESQL_NO_STATEMENT_TIMEOUT;
                case MARIADB -> MARIADB_NO_STATEMENT_TIMEOUT;
            });
            try {
                return work.apply(connection);
            } finally {
                Jdbc.execute(connection, statementTimeout);
            }
        });
    }

    private <T> T attempt(Work<T> work) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.apply(new Transaction(connection, dialect));
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                DataAccessException failure = DataAccessException.translate("(commit)", e);
                throw failure instanceof DatabaseUnavailableException
                        ? ((DatabaseUnavailableException) failure).notToRetry() : failure;
            }
            return result;
        } catch (SQLException e) {
            throw DataAccessException.translate("(connection)", e);
        }
    }

    /**
     * After a connection broke, the pool's other connections went with it as a rule (the server restarted or failed
     * over, an administrator ended them all, an embedded H2 closed its database after a failed write), so they are
     * all replaced: idle ones at once, those in use when they come back. The next call gets a new connection; for an
     * embedded H2, whose closed database stays registered while any connection to it is open, that is what opens
     * the file again.
     */
    private void evictConnections() {
        if (ownsDataSource && dataSource instanceof HikariDataSource) {
            HikariPoolMXBean pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        }
    }

    /**
     * A connection from the pool. Failing to get one is no broken connection to retry: the pool has already
     * waited its {@code connectionTimeout}, trying.
     */
    private Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            DataAccessException failure = DataAccessException.translate("(connection)", e);
            if (failure instanceof DatabaseUnavailableException) {
                throw ((DatabaseUnavailableException) failure).notToRetry();
            }
            throw new DatabaseUnavailableException(failure.getMessage(), e,
                    DatabaseUnavailableException.Reason.UNREACHABLE, false, false);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable reason) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            reason.addSuppressed(rollbackFailure);
        }
    }

    private static Dialect detectDialect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw DataAccessException.translate("(connect)", e);
        }
    }

    /** How the connection pool is used: connections in use, idle, in all, and threads waiting for one. */
    public record PoolUsage(int active, int idle, int total, int waiting) {
    }

    /** The pool's usage now, or empty when restauth does not know the pool (an application's own data source). */
    public Optional<PoolUsage> poolUsage() {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            return Optional.of(new PoolUsage(pool.getActiveConnections(), pool.getIdleConnections(),
                    pool.getTotalConnections(), pool.getThreadsAwaitingConnection()));
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        if (compaction != null) {
            compaction.close();
        }
        if (ownsDataSource && dataSource instanceof AutoCloseable) {
            try {
                ((AutoCloseable) dataSource).close();
            } catch (Exception e) {
                throw new DataAccessException("closing the connection pool failed", e);
            }
        }
    }

    /** Work done through one transaction handle; the handle must not be kept. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Transaction tx);
    }

    /** {@link Work} without a result. */
    @FunctionalInterface
    public interface VoidWork {
        void run(Transaction tx);
    }

    /** Work on the raw connection, for this package only. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
