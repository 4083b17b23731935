package dev.restauth.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import dev.restauth.config.DataDirectory;
import dev.restauth.config.Settings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /** JDBC URL prefixes and the class of their driver. */
    private static final Map<String, String> DRIVERS = Map.of(
            "jdbc:h2:", "org.h2.Driver",
            "jdbc:postgresql:", "org.postgresql.Driver",
            "jdbc:mariadb:", "org.mariadb.jdbc.Driver");

    private final DataSource dataSource;
    private final boolean ownsDataSource;
    private final Dialect dialect;

    private Database(DataSource dataSource, boolean ownsDataSource) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.ownsDataSource = ownsDataSource;
        this.dialect = detectDialect(dataSource);
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
        config.setConnectionTimeout(10_000);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new Database(new HikariDataSource(config), true);
    }

    /** The application's own data source (library and WAR modes); restauth will not close it. */
    public static Database of(DataSource dataSource) {
        return new Database(dataSource, false);
    }

    /** The JDBC URL the settings name, or the default H2 file database under {@code data_dir}. */
    public static String jdbcUrl(Settings settings) {
        String url = settings.get(Settings.DATABASE_URL);
        if (url != null) {
            return url;
        }
        Path file = settings.get(Settings.DATA_DIR).toAbsolutePath().resolve("restauth");
        return "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
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
     * throws. A transaction the database aborted to break a deadlock is run again (up to three times), so
     * {@code work} must not have effects outside the database.
     */
    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(work);
            } catch (DataAccessException e) {
                if (!e.isTransient() || attempt == ATTEMPTS) {
                    throw e;
                }
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
     * that must agree, belong in {@link #inTransaction}.
     */
    public <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
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

    private <T> T attempt(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(new Transaction(connection, dialect));
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                throw DataAccessException.translate("(commit)", e);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("(connection)", e);
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
