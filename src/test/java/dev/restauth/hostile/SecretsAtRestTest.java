package dev.restauth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No secret a mail carries (a reset link and its token, a confirmation link and its key) is ever written to the
 * database in the clear: not while the mail waits in the outbox (an SMTP outage), and not after it was sent, when
 * a database file may still hold pages it no longer uses. Checked on the raw bytes of an H2 file and on a
 * {@code pg_dump} of a PostgreSQL schema.
 */
class SecretsAtRestTest {
    private static final String PASSWORD = "Tr0ub4dor&3x";
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    @TempDir
    Path dir;

    @Test
    void theH2FileNeverHoldsALinkTokenOrKeyOfAMail() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("restauth") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Smtp smtp = Smtp.start();
             TestServer server = TestServer.builder().setting("database_url", url).mailTo(smtp.port()).start()) {
            List<byte[]> copies = new ArrayList<>();
            Set<String> secrets = produceMailAndDeliver(server, smtp, () -> copies.add(h2File(url)));
            copies.add(h2File(url));
            for (byte[] copy : copies) {
                assertNoneIn(new String(copy, StandardCharsets.ISO_8859_1), secrets, "restauth.mv.db");
            }
        }
    }

    @Test
    void aPgDumpNeverHoldsALinkTokenOrKeyOfAMail() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
             Smtp smtp = Smtp.start();
             TestServer server = TestServer.builder().dataSource(database.dataSource()).mailTo(smtp.port())
                     .start()) {
            List<String> dumps = new ArrayList<>();
            Set<String> secrets = produceMailAndDeliver(server, smtp, () -> dumps.add(pgDump(database)));
            dumps.add(pgDump(database));
            for (String dump : dumps) {
                assertTrue(dump.contains("restauth_mail_outbox"), "the dump holds the outbox");
                assertNoneIn(dump, secrets, "pg_dump");
            }
        }
    }

    /**
     * Registers a user (a confirmation mail) and asks for a reset of their password (a reset mail), takes a copy
     * of the database while both wait in the outbox, delivers them, and returns every secret the mails carried.
     */
    private static Set<String> produceMailAndDeliver(TestServer server, Smtp smtp, Copy whilePending)
            throws Exception {
        String username = "erin_secrets";
        String email = "erin_secrets@example.com";
        Http.Response registered = server.http().post("/registration/", "{\"username\":\"" + username
                + "\",\"email\":\"" + email + "\",\"password1\":\"" + PASSWORD + "\",\"password2\":\"" + PASSWORD
                + "\"}");
        assertEquals(201, registered.status(), registered.toString());
        assertEquals(200, server.http().post("/password/reset/", "{\"email\":\"" + email + "\"}").status());
        whilePending.take();
        assertEquals(2, server.app().outboxSender().deliverDue());
        List<MimeMessage> messages = smtp.messages();
        assertEquals(2, messages.size());
        Set<String> secrets = new LinkedHashSet<>();
        for (MimeMessage message : messages) {
            Matcher link = LINK.matcher(Smtp.text(message));
            assertTrue(link.find(), Smtp.text(message));
            do {
                secrets.add(link.group());
                for (String segment : link.group().split("/")) {
                    if (segment.length() >= 10) { // the token and the key; uid and path words are short
                        secrets.add(segment);
                    }
                }
            } while (link.find());
        }
        assertTrue(secrets.size() >= 4, "a link and its secret from each mail: " + secrets);
        return secrets;
    }

    private static void assertNoneIn(String haystack, Set<String> secrets, String where) {
        for (String secret : secrets) {
            assertTrue(!haystack.contains(secret), where + " holds " + secret);
        }
    }

    /** The raw bytes of the H2 file, once everything committed has been written to it. */
    private byte[] h2File(String url) throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
        return Files.readAllBytes(dir.resolve("restauth.mv.db"));
    }

    private static String pgDump(TestDatabase database) throws IOException, InterruptedException {
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)\\?.*currentSchema=(\\w+)")
                .matcher(database.jdbcUrl());
        assertTrue(url.matches(), database.jdbcUrl());
        Process dump = new ProcessBuilder("pg_dump", "-h", url.group(1), "-p", url.group(2), "-U", database.user(),
                "-n", url.group(4), url.group(3)).redirectErrorStream(true).start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dump.waitFor(60, TimeUnit.SECONDS), "pg_dump finished");
        assertEquals(0, dump.exitValue(), out);
        return out;
    }

    /** Takes a copy of the database. */
    private interface Copy {
        void take() throws Exception;
    }
}
