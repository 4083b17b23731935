package dev.restauth.war;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One deployment of a WAR (or of the javax library) under test: a fresh database of its own (H2 in server mode, which
 * the web application reaches from its own class loader or its own process, and the test from outside it) and the
 * settings file the container names in the context parameter {@code restauth.config}, with its mail going to a real
 * SMTP server of its own (GreenMail), sent by the web application's own outbox sender.
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

    /** The jakarta WAR {@code mvn verify} packaged, as the failsafe plugin names it. */
    static Path war() {
        return built("test.restauth.war", "target/restauth.war");
    }

    /** The javax WAR {@code mvn verify} packaged, as the failsafe plugin names it. */
    static Path javaxWar() {
        return built("test.restauth.javax.war", "target/restauth-javax.war");
    }

    /** The javax library jar {@code mvn verify} packaged, as the failsafe plugin names it. */
    static Path javaxJar() {
        return built("test.restauth.javax.jar", "target/restauth-javax.jar");
    }

    private static Path built(String property, String what) {
        String path = System.getProperty(property);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("no file at " + property + "=" + path + ": run the *IT tests with"
                    + " mvn verify, which packages " + what + " first");
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

    /** The {@code count}th mail the web application sent, waiting for its outbox sender to deliver it. */
    MimeMessage mail(int count) {
        assertTrue(smtp.await(count), "the web application sent no mail");
        return smtp.messages().get(count - 1);
    }

    /** The verification key in the {@code count}th mail the web application sent. */
    String confirmationKey(int count) {
        String text = Smtp.text(mail(count));
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
