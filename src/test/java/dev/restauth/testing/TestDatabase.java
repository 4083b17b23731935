package dev.restauth.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.h2.tools.Server;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * A fresh, empty database for one test class or test: an in-memory H2, an in-memory H2 behind its own TCP server
 * (H2's server mode, which several restauth nodes can share), a new schema in PostgreSQL, or a new database in
 * MariaDB, dropped again by {@link #close()}.
 *
 * <p>PostgreSQL and MariaDB are expected at 127.0.0.1 (override with {@code TEST_POSTGRES_URL} /
 * {@code TEST_MARIADB_URL}). Where one is not reachable the test is skipped with a message on stderr, unless
 * {@code REQUIRE_TEST_SERVICES} is set (CI sets it), which turns the skip into a failure.
 */
public final class TestDatabase implements AutoCloseable {
    /** The databases restauth runs on. */
    public enum Kind {
        H2, H2_SERVER, POSTGRESQL, MARIADB
    }

    private static final Set<Kind> WARNED = ConcurrentHashMap.newKeySet();

    private final Kind kind;
    private final String name;
    private final HikariDataSource dataSource;
    private final String jdbcUrl;
    /** The TCP server of an {@link Kind#H2_SERVER} database, else null. */
    private final Server h2Server;

    private TestDatabase(Kind kind, String name, String jdbcUrl, String user, String password, Server h2Server) {
        this.kind = kind;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.h2Server = h2Server;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(0);
        config.setPoolName("test-" + name);
        this.dataSource = new HikariDataSource(config);
    }

    /** A new empty database of this kind (skips or fails the test when the server is unreachable). */
    public static TestDatabase create(Kind kind) {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        switch (kind) {
            case H2:
                return new TestDatabase(kind, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "", "", null);
            case H2_SERVER: {
                Server server = startH2Server();
                return new TestDatabase(kind, name, "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + name
                        + ";DB_CLOSE_DELAY=-1", "", "", server);
            }
            case POSTGRESQL: {
                String admin = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                run(kind, admin, "postgres", "CREATE SCHEMA " + name);
                return new TestDatabase(kind, name, admin + (admin.contains("?") ? "&" : "?") + "currentSchema="
                        + name, "postgres", "", null);
            }
            case MARIADB: {
                String admin = env("TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
                run(kind, admin, "root", "CREATE DATABASE " + name
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                String base = admin.endsWith("/") ? admin : admin.substring(0, admin.lastIndexOf('/') + 1);
                return new TestDatabase(kind, name, base + name, "root", "", null);
            }
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL, for tests that configure restauth through {@code database_url}. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return kind == Kind.POSTGRESQL ? "postgres" : kind == Kind.MARIADB ? "root" : "";
    }

    @Override
    public void close() {
        dataSource.close();
        switch (kind) {
            case POSTGRESQL -> run(kind, env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                    "postgres", "DROP SCHEMA " + name + " CASCADE");
            case MARIADB -> run(kind, env("TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/"), "root",
                    "DROP DATABASE " + name);
            case H2 -> { } // in memory: gone with its last connection
            case H2_SERVER -> h2Server.stop(); // the server's in-memory database goes with it
        }
    }

    /** An H2 TCP server on a free port; it may create databases, which only this test's clients can reach. */
    private static Server startH2Server() {
        try {
            return Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("the H2 TCP server did not start", e);
        }
    }

    private static void run(Kind kind, String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            unreachable(kind, url, e);
        }
    }

    private static void unreachable(Kind kind, String url, SQLException e) {
        String message = kind + " is not reachable at " + url + " (" + e.getMessage() + ")";
        if (System.getenv("REQUIRE_TEST_SERVICES") != null) {
            Assertions.fail(message + "; REQUIRE_TEST_SERVICES is set, so this is a failure");
        }
        if (WARNED.add(kind)) {
            System.err.println("SKIPPED: " + message + "; tests on " + kind + " are skipped. "
                    + "Set REQUIRE_TEST_SERVICES=1 to make this a failure.");
        }
        Assumptions.abort(message);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
