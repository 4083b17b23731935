package dev.restauth.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real Django database of {@code src/test/resources/django/}, ready to be imported: the SQLite file copied to a
 * temporary folder, or a dump loaded into a PostgreSQL or MariaDB database made for the test (with {@code psql} or
 * the {@code mariadb} client, as an operator would) and dropped by {@link #close()}. Where the server or its client
 * is missing the test is skipped with a message, or fails under {@code REQUIRE_TEST_SERVICES}.
 */
public final class DjangoSource implements AutoCloseable {
    /** The three forms the fixture comes in. */
    public enum Kind {
        SQLITE, POSTGRESQL, MARIADB
    }

    private final Kind kind;
    private final String url;
    private final String user;
    private final String name;
    private final Path file;

    private DjangoSource(Kind kind, String url, String user, String name, Path file) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.name = name;
        this.file = file;
    }

    public static DjangoSource create(Kind kind) {
        String name = "dj_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        switch (kind) {
            case SQLITE: {
                Path copy = copy("django.sqlite3", ".sqlite3");
                return new DjangoSource(kind, "jdbc:sqlite:" + copy, null, null, copy);
            }
            case POSTGRESQL: {
                String admin = postgresAdmin();
                execute(admin, "postgres", "CREATE DATABASE " + name);
                DjangoSource source = new DjangoSource(kind, replaceDatabase(admin, name), "postgres", name, null);
                URI server = URI.create(admin.substring("jdbc:".length()));
                source.load(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.getHost(), "-p",
                        Integer.toString(server.getPort() < 0 ? 5432 : server.getPort()), "-U", "postgres", "-d",
                        name, "-f", copy("django-postgresql.sql", ".sql").toString()), null);
                return source;
            }
            case MARIADB: {
                String admin = mariadbAdmin();
                execute(admin, "root", "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
                DjangoSource source = new DjangoSource(kind, replaceDatabase(admin, name), "root", name, null);
                URI server = URI.create(admin.substring("jdbc:".length()));
                source.load(List.of("mariadb", "-h", server.getHost(), "-P",
                        Integer.toString(server.getPort() < 0 ? 3306 : server.getPort()), "-u", "root", name),
                        copy("django-mariadb.sql", ".sql"));
                return source;
            }
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    /** The JDBC URL {@code import-django --from} takes. */
    public String url() {
        return url;
    }

    /** The database user for {@code --user}, or null (SQLite). */
    public String user() {
        return user;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return kind.name();
    }

    private void load(List<String> command, Path stdin) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            close();
            unavailable(command.get(0) + " (the database's command-line client) is not installed: " + e.getMessage());
            return;
        }
        try (InputStream output = process.getInputStream()) {
            String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                close();
                throw new IllegalStateException(command.get(0) + " could not load the dump: " + text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        switch (kind) {
            case SQLITE -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
            case POSTGRESQL -> execute(postgresAdmin(), "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            case MARIADB -> execute(mariadbAdmin(), "root", "DROP DATABASE IF EXISTS " + name);
        }
    }

    private static Path copy(String resource, String suffix) {
        try (InputStream in = DjangoSource.class.getResourceAsStream("/django/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /django/" + resource);
            }
            Path copy = Files.createTempFile("restauth-django-", suffix);
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String postgresAdmin() {
        return env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private static String mariadbAdmin() {
        return env("TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    }

    /** The URL with its database (the path after host and port) replaced, its parameters kept. */
    private static String replaceDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?');
        String base = pathStart < 0 ? url.substring(0, query < 0 ? url.length() : query) : url.substring(0, pathStart);
        return base + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    private static void execute(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            unavailable("the database at " + url + " is not reachable (" + e.getMessage() + ")");
        }
    }

    private static void unavailable(String message) {
        if (System.getenv("REQUIRE_TEST_SERVICES") != null) {
            Assertions.fail(message + "; REQUIRE_TEST_SERVICES is set, so this is a failure");
        }
        System.err.println("SKIPPED: " + message + ". Set REQUIRE_TEST_SERVICES=1 to make this a failure.");
        Assumptions.abort(message);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
