package dev.restauth.war;

import dev.restauth.RestAuth;
import dev.restauth.account.Accounts;
import dev.restauth.config.SettingsLoader;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One deployment of the WAR under test: a fresh database of its own (H2 in server mode, so the test reaches the same
 * database as the web application from outside it) and the settings file the container names in the context
 * parameter {@code restauth.config}. Users are created the way {@code createsuperuser} creates them, by a restauth of
 * the test's own on the same database and settings.
 */
final class Deployment implements AutoCloseable {
    private final TestDatabase database;
    private final Path configFile;

    private Deployment(TestDatabase database, Path configFile) {
        this.database = database;
        this.configFile = configFile;
    }

    /** The WAR {@code mvn verify} packaged, as the failsafe plugin names it. */
    static Path war() {
        String path = System.getProperty("test.restauth.war");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("no WAR at test.restauth.war=" + path + ": run the *IT tests with mvn verify,"
                    + " which packages target/restauth.war first");
        }
        return Path.of(path);
    }

    /** A deployment whose settings file names its database in {@code database_url}. */
    static Deployment withDatabaseUrl(Path directory) {
        TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2_SERVER);
        return new Deployment(database, writeConfig(directory, "database_url=" + database.jdbcUrl() + "\n"));
    }

    /** A deployment whose settings name no database: the container hands it {@link #database()} through JNDI. */
    static Deployment withContainerDataSource(Path directory) {
        return new Deployment(TestDatabase.create(TestDatabase.Kind.H2_SERVER), writeConfig(directory, ""));
    }

    TestDatabase database() {
        return database;
    }

    /** The value of the context parameter {@code restauth.config}. */
    String configFile() {
        return configFile.toString();
    }

    /** Creates an active user with a confirmed address. */
    User createUser(String username, String email, String password) {
        try (RestAuth restAuth = RestAuth.builder(SettingsLoader.load(configFile, Map.of(), Map.of()))
                .dataSource(database.dataSource())
                .build()) {
            return restAuth.accounts().create(new Accounts.NewAccount(username, email, password, false, false, true));
        }
    }

    @Override
    public void close() {
        database.close();
    }

    /**
     * Production mode, so nothing falls back to a generated key; the data directory inside the test's own, so
     * nothing lands in the container's working directory; cheap argon2, as every test server has.
     */
    private static Path writeConfig(Path directory, String database) {
        StringBuilder config = new StringBuilder("mode=production\n")
                .append("data_dir=").append(directory.resolve("data")).append('\n')
                .append(database);
        TestServer.BASE.forEach((key, value) -> {
            if (!key.equals("port")) {
                config.append(key).append('=').append(value).append('\n');
            }
        });
        try {
            Path file = Files.createTempFile(directory, "restauth", ".properties");
            return Files.writeString(file, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
