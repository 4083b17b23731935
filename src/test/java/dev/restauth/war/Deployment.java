package dev.restauth.war;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One deployment of the WAR under test: a fresh database of its own (H2 in server mode, so the test reaches the same
 * database as the web application from outside it) and the settings file the container names in the context
 * parameter {@code restauth.config}, with its mail going to a real SMTP server of its own (GreenMail), sent by the
 * web application's own outbox sender.
 */
final class Deployment implements AutoCloseable {
    private static final Pattern KEY_LINK = Pattern.compile("/registration/account-confirm-email/([-:\\w]+)/");

    private final TestDatabase database;
    private final Smtp smtp;
    private final Path configFile;

    private Deployment(TestDatabase database, Smtp smtp, Path configFile) {
        this.database = database;
        this.smtp = smtp;
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
        Smtp smtp = Smtp.start();
        return new Deployment(database, smtp,
                writeConfig(directory, smtp, "database_url=" + database.jdbcUrl() + "\n"));
    }

    /** A deployment whose settings name no database: the container hands it {@link #database()} through JNDI. */
    static Deployment withContainerDataSource(Path directory) {
        Smtp smtp = Smtp.start();
        return new Deployment(TestDatabase.create(TestDatabase.Kind.H2_SERVER), smtp, writeConfig(directory, smtp, ""));
    }

    TestDatabase database() {
        return database;
    }

    /** The value of the context parameter {@code restauth.config}. */
    String configFile() {
        return configFile.toString();
    }

    /**
     * The verification key in the {@code count}th mail the web application sent, waiting for its outbox sender to
     * deliver it.
     */
    String confirmationKey(int count) {
        assertTrue(smtp.await(count), "the web application sent no confirmation mail");
        String text = Smtp.text(smtp.messages().get(count - 1));
        Matcher link = KEY_LINK.matcher(text);
        assertTrue(link.find(), text);
        return link.group(1);
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            smtp.close();
        }
    }

    /**
     * Production mode, so nothing falls back to a generated key; the data directory inside the test's own, so
     * nothing lands in the container's working directory; cheap argon2, as every test server has.
     */
    private static Path writeConfig(Path directory, Smtp smtp, String database) {
        StringBuilder config = new StringBuilder("mode=production\n")
                .append("data_dir=").append(directory.resolve("data")).append('\n')
                .append("email_backend=smtp\nemail_host=127.0.0.1\nemail_port=").append(smtp.port()).append('\n')
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
