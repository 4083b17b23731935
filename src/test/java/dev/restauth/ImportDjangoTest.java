package dev.restauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.restauth.db.Database;
import dev.restauth.db.Sql;
import dev.restauth.testing.DjangoSource;
import dev.restauth.testing.Http;
import dev.restauth.testing.OidcServer;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.h2.jdbcx.JdbcDataSource;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code restauth import-django} on the real Django database of {@code src/test/resources/django/}, in each of its
 * three forms (the SQLite file, the PostgreSQL and the MariaDB dump loaded into a database of their own), into
 * restauth on H2, PostgreSQL and MariaDB; then restauth is started on the result and every user of
 * {@code users.json} is checked over HTTP: the same password logs in and answers with the same DRF key, the old key
 * authenticates, the hash is upgraded to argon2id, Google still finds {@code hana}.
 */
class ImportDjangoTest {
    private static final String GOOGLE_CLIENT = "1234-abcd.apps.googleusercontent.com";
    private static final String HANA_GOOGLE_SUB = "109876543210987654321";
    /** What the test server's argon2 (m=64, t=1, p=1) writes. */
    private static final String UPGRADED_PREFIX = "argon2$argon2id$v=19$m=64,t=1,p=1$";
    private static final String CANNOT_LOG_IN = "{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}";
    private static final String NOT_VERIFIED = "{\"non_field_errors\":[\"E-mail is not verified.\"]}";
    private static final String INACTIVE = "{\"detail\":\"User inactive or deleted.\"}";
    /** Users added to the fixture for the killed import: enough for it to report progress before it commits. */
    private static final int GENERATED = 20_000;

    private static OidcServer oidc;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startProvider() {
        oidc = OidcServer.start();
    }

    @AfterAll
    static void stopProvider() {
        oidc.close();
    }

    @BeforeEach
    void clearOutput() {
        out.reset();
        err.reset();
    }

    /** One user of {@code users.json}. */
    record DjangoUser(long pk, String username, String email, String password, boolean active, String token) {
    }

    @ParameterizedTest
    @EnumSource(DjangoSource.Kind.class)
    void everyDjangoUserLogsInWithTheSamePasswordAndKeepsTheSameToken(DjangoSource.Kind kind) throws Exception {
        try (DjangoSource source = DjangoSource.create(kind);
             TestDatabase target = TestDatabase.create(targetOf(kind))) {
            Path config = config(target);
            Database database = Database.of(target.dataSource());

            assertEquals(0, importDjango(config, source, "--dry-run"), err::toString);
            assertTrue(out.toString().startsWith("Dry run: nothing was written. The import would bring:\n"
                    + "  users             14 new, 0 unchanged\n"), out::toString);
            assertEquals(List.of(), snapshot(database).get(0), "a dry run writes no user");

            assertEquals(0, importDjango(config, source), err::toString);
            assertEquals("Imported:\n"
                    + "  users             14 new, 0 unchanged\n"
                    + "  e-mail addresses  14 new, 0 unchanged\n"
                    + "  social accounts   2 new, 0 unchanged\n"
                    + "  tokens            14 new, 0 unchanged\n"
                    + "Not imported:\n"
                    + "  1 groups\n"
                    + "  1 group memberships\n"
                    + "  3 social apps (their client ids and secrets belong in restauth's social.<provider>.* "
                    + "settings)\n"
                    + "  15 simplejwt refresh tokens (signed with Django's secret key)\n", out.toString());
            List<List<String>> imported = snapshot(database);
            assertNoKeyAtRest(imported);

            assertEquals(0, importDjango(config, source), err::toString);
            assertTrue(out.toString().startsWith("Imported:\n"
                    + "  users             0 new, 14 unchanged\n"
                    + "  e-mail addresses  0 new, 14 unchanged\n"
                    + "  social accounts   0 new, 2 unchanged\n"
                    + "  tokens            0 new, 14 unchanged\n"), out::toString);
            assertEquals(imported, snapshot(database), "a second import changes nothing");

            try (TestServer server = TestServer.builder().dataSource(target.dataSource())
                    .setting("social_providers", "google")
                    .setting("social.google.client_id", GOOGLE_CLIENT)
                    .setting("social.google.issuer", oidc.issuer())
                    .start()) {
                for (DjangoUser user : users()) {
                    checkOverHttp(server, user);
                }
                User ada = server.app().database().read(tx -> tx.users().findById(1)).orElseThrow();
                assertEquals(Instant.parse("2024-03-01T12:00:00Z"), ada.dateJoined());
                assertEquals(Instant.parse("2024-03-31T12:00:00Z").isBefore(ada.lastLogin()), true,
                        "ada's last_login moved on with her login");

                List<EmailAddress> lee = server.app().database().read(tx -> tx.emailAddresses().findByUser(14));
                assertEquals(List.of(new EmailAddress(lee.get(0).id(), 14, "lee@example.com", true, true),
                        new EmailAddress(lee.get(1).id(), 14, "lee.work@example.org", false, false)), lee);

                User newcomer = server.createUser("newcomer", "newcomer@example.com", "Tr0ub4dor&3x-newcomer");
                assertEquals(15, newcomer.id(), "restauth's own users continue above the imported pks");
            }
        }
    }

    @Test
    void conflictingUsersAreListedAndNothingIsWrittenUnlessMergeSaysToKeepRestauths() throws Exception {
        try (DjangoSource source = DjangoSource.create(DjangoSource.Kind.SQLITE);
             TestDatabase target = TestDatabase.create(TestDatabase.Kind.H2)) {
            Path config = config(target);
            try (TestServer server = TestServer.builder().dataSource(target.dataSource()).start()) {
                server.createUser("ada", "ada@restauth.example", "Tr0ub4dor&3x-ada"); // pk 1, as in Django
                server.createUser("beatrice", "b@restauth.example", "Tr0ub4dor&3x-bea"); // pk 2: ben's
                server.createUser("dora", "d@restauth.example", "Tr0ub4dor&3x-dor"); // pk 3: cleo's; dora is 4
            }
            Database database = Database.of(target.dataSource());
            List<List<String>> before = snapshot(database);

            assertEquals(1, importDjango(config, source));
            assertEquals("restauth: import-django: restauth's database already holds other users under 3 of the "
                    + "Django users' pks or usernames:\n"
                    + "  pk 2 ('ben' in Django) is another user in restauth\n"
                    + "  pk 3 ('cleo' in Django) is another user in restauth\n"
                    + "  username 'dora' (pk 4 in Django) is pk 3 in restauth\n"
                    + "Nothing was written. Import into a restauth database without users, or run again with "
                    + "--merge skip to keep restauth's users and leave these Django users out.\n", err.toString());
            assertEquals(before, snapshot(database), "a refused import writes nothing");

            assertEquals(0, importDjango(config, source, "--merge", "skip"), err::toString);
            assertTrue(out.toString().startsWith("Imported:\n"
                    + "  users             10 new, 1 unchanged, 3 left out (their user is restauth's)\n"
                    + "  e-mail addresses  10 new, 1 unchanged, 3 left out (their user is restauth's)\n"
                    + "  social accounts   2 new, 0 unchanged\n"
                    + "  tokens            10 new, 1 unchanged, 3 left out (their user is restauth's)\n"
                    + "Left out, restauth's user kept (--merge skip):\n"
                    + "  pk 2 ('ben' in Django) is another user in restauth\n"
                    + "  pk 3 ('cleo' in Django) is another user in restauth\n"
                    + "  username 'dora' (pk 4 in Django) is pk 3 in restauth\n"
                    + "Not imported:\n"), out::toString);
            assertEquals(before.get(0).subList(0, 3), snapshot(database).get(0).subList(0, 3),
                    "restauth's own users stay as they were");
        }
    }

    /**
     * A child JVM runs the command on the fixture plus {@value #GENERATED} generated users and is killed as soon as
     * it reports progress on the users: restauth's database (an H2 file, as {@code make run} keeps it) is as before.
     */
    @Test
    void anImportKilledMidwayLeavesRestauthsDatabaseAsItWas() throws Exception {
        Path big = dir.resolve("big.sqlite3");
        try (DjangoSource fixture = DjangoSource.create(DjangoSource.Kind.SQLITE)) {
            Files.copy(Path.of(fixture.url().substring("jdbc:sqlite:".length())), big);
        }
        generateUsers(big);
        String h2 = "jdbc:h2:file:" + dir.resolve("restauth").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        Path config = dir.resolve("restauth.properties");
        Files.writeString(config, "database_url=" + h2 + "\nsecret_key=" + TestServer.SECRET + "\ndata_dir=" + dir
                + "\n");
        try (DjangoSource fixture = DjangoSource.create(DjangoSource.Kind.SQLITE)) {
            assertEquals(0, importDjango(config, fixture), err::toString); // the 14 users: what is there before
        }
        List<List<String>> before = snapshotOf(h2);

        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "import-django", "--config",
                config.toString(), "--from", "jdbc:sqlite:" + big)).redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                seen.add(line);
                if (line.matches("users +[0-9,]+ of [0-9,]+ \\(\\d+%\\).*")) {
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertTrue(seen.stream().anyMatch(line -> line.startsWith("users ")), () -> "no progress: " + seen);
        assertFalse(seen.contains("Imported:"), () -> "the import ended before it was killed: " + seen);

        assertEquals(before, snapshotOf(h2), "the killed import left nothing behind");
        try (DjangoSource fixture = DjangoSource.create(DjangoSource.Kind.SQLITE)) {
            assertEquals(0, importDjango(config, fixture), err::toString);
            assertTrue(out.toString().startsWith("Imported:\n  users             0 new, 14 unchanged\n"),
                    out::toString);
        }
    }

    @Test
    void theImportedKeysAreSealedWithTheSecretKeyAndWorthNothingUnderAnother() throws Exception {
        try (DjangoSource source = DjangoSource.create(DjangoSource.Kind.SQLITE);
             TestDatabase target = TestDatabase.create(TestDatabase.Kind.H2)) {
            assertEquals(0, importDjango(config(target), source), err::toString);
            DjangoUser ada = users().get(0);
            try (TestServer server = TestServer.builder().dataSource(target.dataSource())
                    .setting("secret_key", "another-secret-key-that-only-this-test-uses-0123456789").start()) {
                assertEquals("{\"detail\":\"Invalid token.\"}",
                        server.http().get("/user/", Http.token(ada.token())).body());
                Http.Response login = server.http().post("/login/", credentials(ada.username(), ada.password()));
                assertEquals(200, login.status(), login::toString);
                String key = login.json().get("key").getAsString();
                assertFalse(key.equals(ada.token()), "a new key: the sealed one does not open");
                assertEquals(200, server.http().get("/user/", Http.token(key)).status());
            }
        }
    }

    @Test
    void anAddressRestauthHoldsForAnotherUserIsRefusedAndNothingIsWritten() throws Exception {
        try (DjangoSource source = DjangoSource.create(DjangoSource.Kind.SQLITE);
             TestDatabase target = TestDatabase.create(TestDatabase.Kind.H2)) {
            try (TestServer server = TestServer.builder().dataSource(target.dataSource()).start()) {
                server.createUser("someone", "GUS@example.com", "Tr0ub4dor&3x-someone"); // gus's address
            }
            List<List<String>> before = snapshot(Database.of(target.dataSource()));

            // pk 1 is someone's: skipped, so that the import gets as far as the addresses
            assertEquals(1, importDjango(config(target), source, "--merge", "skip"));
            assertEquals("restauth: import-django: an address of the Django users is taken: restauth holds it for "
                    + "another user, or two Django users have it in different letter cases (setting unique_email is "
                    + "on: one owner per address). Nothing was written.\n", err.toString());
            assertEquals(before, snapshot(Database.of(target.dataSource())));
        }
    }

    /**
     * Django counts lengths in code points, restauth on H2 in UTF-16 units: an emoji is one to Django and two to H2.
     * Names are cut to fit, never through a surrogate pair; a username or an address that does not fit is refused
     * with the list of the users holding one, and nothing is written.
     */
    @Test
    void valuesLongerThanRestauthHoldsAreCutWhenNamesAndRefusedOtherwise() throws Exception {
        String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units
        try (TestDatabase target = TestDatabase.create(TestDatabase.Kind.H2)) {
            Path config = config(target);
            try (TestServer started = TestServer.builder().dataSource(target.dataSource()).start()) {
                assertTrue(started.port() > 0); // restauth's tables exist now, without users
            }
            Database database = Database.of(target.dataSource());
            List<List<String>> before = snapshot(database);

            Path tooLong = fixtureCopy("too-long.sqlite3");
            addDjangoUser(tooLong, 500, emoji.repeat(80), "long-name@example.com", "", ""); // 80 in Django, 160 here
            addDjangoUser(tooLong, 501, "long-address", emoji.repeat(130) + "@example.com", "", "");
            assertEquals(1, importDjango(config, "jdbc:sqlite:" + tooLong, null));
            assertEquals("restauth: import-django: restauth's database cannot hold 2 of the Django users' usernames "
                    + "or e-mail addresses (H2 counts UTF-16 units: an emoji counts twice):\n"
                    + "  pk 500: username is 160 long as restauth's database counts it, which holds 150\n"
                    + "  pk 501: email is 272 long as restauth's database counts it, which holds 254\n"
                    + "Nothing was written. Shorten them in Django first.\n", err.toString());
            assertEquals(before, snapshot(database), "a refused import writes nothing");

            err.reset();
            Path longAddress = fixtureCopy("long-address.sqlite3");
            addDjangoUser(longAddress, 502, "short", "short@example.com", "", "");
            addDjangoAddress(longAddress, 502, emoji.repeat(130) + "@example.com");
            assertEquals(1, importDjango(config, "jdbc:sqlite:" + longAddress, null));
            assertTrue(err.toString().contains("\n  pk 502: e-mail address is 272 long as restauth's database counts "
                    + "it, which holds 254\nNothing was written."), err::toString);
            assertEquals(before, snapshot(database), "a refused import writes nothing");

            err.reset();
            Path longNames = fixtureCopy("long-names.sqlite3");
            addDjangoUser(longNames, 503, "emoji", "emoji@example.com", emoji.repeat(100), "a" + emoji.repeat(80));
            assertEquals(0, importDjango(config, "jdbc:sqlite:" + longNames, null), err::toString);
            assertEquals(List.of(emoji.repeat(75) + "|a" + emoji.repeat(74)), database.read(tx -> Sql.list(tx,
                    "SELECT first_name, last_name FROM restauth_user WHERE id = 503", ImportDjangoTest::row)),
                    "cut to 150 UTF-16 units, the last emoji whole or not at all");
        }
    }

    @Test
    void aDatabaseWithoutDjangosTablesIsRefusedAndNothingIsWritten() throws Exception {
        Path empty = dir.resolve("empty.sqlite3");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + empty)) {
            connection.createStatement().execute("CREATE TABLE something_else (id INTEGER)");
        }
        try (TestDatabase target = TestDatabase.create(TestDatabase.Kind.H2)) {
            assertEquals(1, importDjango(config(target), "jdbc:sqlite:" + empty, null));
            assertEquals("restauth: import-django: the source has no table auth_user: is it a Django database?\n",
                    err.toString());
            assertEquals(List.of(List.of(), List.of(), List.of(), List.of()), snapshot(Database.of(
                    target.dataSource())));
        }
    }

    @Test
    void theCommandExplainsWhatIsWrongInOneLine() throws Exception {
        Path config = dir.resolve("restauth.properties");
        Files.writeString(config, "data_dir=" + dir + "\nsecret_key=" + TestServer.SECRET + "\n");
        assertEquals(2, run("import-django", "--config", config.toString()));
        assertEquals("restauth: import-django: option '--from' is required: --from JDBC_URL\n", err.toString());
        err.reset();
        assertEquals(2, run("import-django", "--config", config.toString(), "--from", "jdbc:oracle:thin:@x"));
        assertTrue(err.toString().startsWith("restauth: import-django: cannot read jdbc:oracle:thin:@x (option "
                + "--from): not a SQLite, PostgreSQL or MariaDB/MySQL JDBC URL"), err::toString);
        err.reset();
        assertEquals(2, run("import-django", "--config", config.toString(), "--from", "jdbc:sqlite:x",
                "--merge", "overwrite"));
        assertEquals("restauth: import-django: option '--merge' takes skip (keep restauth's user), not "
                + "'overwrite'\n", err.toString());
        err.reset();
        assertEquals(2, run("import-django", "--config", config.toString(), "--dry-run=yes"));
        assertEquals("restauth: import-django: option '--dry-run' takes no value\n", err.toString());
    }

    /** The checks of one user, as {@code users.json} and the wire transcript say. */
    private static void checkOverHttp(TestServer server, DjangoUser user) {
        Http http = server.http();
        String name = user.username();
        if (user.password() == null) {
            // hana: an unusable password, two social accounts; Google still finds her.
            String idToken = oidc.idToken(OidcServer.ISSUER_ID, HANA_GOOGLE_SUB, List.of(GOOGLE_CLIENT),
                    Map.of("email", user.email(), "email_verified", true), 3600).serialize();
            Http.Response google = http.post("/google/", "{\"id_token\": \"" + idToken + "\"}");
            assertEquals(200, google.status(), () -> name + ": " + google);
            assertEquals("{\"key\":\"" + user.token() + "\"}", google.body(), name);
            String unusable = storedHash(server, user.pk());
            assertTrue(unusable.startsWith("!"), name);
            assertEquals(CANNOT_LOG_IN, http.post("/login/", credentials(name, unusable)).body(), name);
        } else {
            String before = storedHash(server, user.pk());
            assertFalse(before.startsWith("argon2$argon2id$v=19$m=64"), name + ": the Django hash, as it was");
            Http.Response login = http.post("/login/", credentials(name, user.password()));
            if (!user.active()) {
                assertEquals(400, login.status(), name);
                assertEquals(CANNOT_LOG_IN, login.body(), name);
                assertEquals(before, storedHash(server, user.pk()), name + ": an inactive user's hash stays");
            } else if (user.email().isEmpty() || user.username().equals("kim")) {
                // Mandatory verification: jo has no address, kim's is unconfirmed; the password was right.
                assertEquals(400, login.status(), name);
                assertEquals(NOT_VERIFIED, login.body(), name);
                assertTrue(storedHash(server, user.pk()).startsWith(UPGRADED_PREFIX), name);
            } else {
                assertEquals(200, login.status(), () -> name + ": " + login);
                assertEquals("{\"key\":\"" + user.token() + "\"}", login.body(), name);
                assertTrue(storedHash(server, user.pk()).startsWith(UPGRADED_PREFIX), name);
                assertEquals("{\"key\":\"" + user.token() + "\"}",
                        http.post("/login/", credentials(name, user.password())).body(), name + ": again");
            }
        }
        Http.Response me = http.get("/user/", Http.token(user.token()));
        if (user.active()) {
            assertEquals(200, me.status(), () -> name + ": " + me);
            assertEquals(user.pk(), me.json().get("pk").getAsLong(), name);
            assertEquals(name, me.json().get("username").getAsString());
            assertEquals(user.email(), me.json().get("email").getAsString());
        } else {
            assertEquals(401, me.status(), name);
            assertEquals(INACTIVE, me.body(), name);
        }
    }

    private static String credentials(String username, String password) {
        JsonObject body = new JsonObject();
        body.addProperty("username", username);
        body.addProperty("password", password);
        return body.toString();
    }

    private static String storedHash(TestServer server, long pk) {
        return server.app().database().read(tx -> tx.users().findById(pk)).orElseThrow().password();
    }

    /** restauth's tables as a dump would show them: users, addresses, social accounts, tokens. */
    private static List<List<String>> snapshot(Database database) {
        return database.read(tx -> List.of(
                Sql.list(tx, "SELECT id, username, email, password, is_active, is_staff, is_superuser, date_joined, "
                        + "last_login FROM restauth_user ORDER BY id", ImportDjangoTest::row),
                Sql.list(tx, "SELECT user_id, email, verified, is_primary FROM restauth_email_address "
                        + "ORDER BY user_id, email", ImportDjangoTest::row),
                Sql.list(tx, "SELECT user_id, provider, uid, extra_data FROM restauth_social_account "
                        + "ORDER BY provider, uid", ImportDjangoTest::row),
                Sql.list(tx, "SELECT user_id, key_hash, salt, sealed_key FROM restauth_token ORDER BY user_id",
                        ImportDjangoTest::row)));
    }

    private static String row(java.sql.ResultSet row) throws java.sql.SQLException {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
            values.add(String.valueOf(row.getObject(i)));
        }
        return String.join("|", values);
    }

    /** No DRF key is readable in the database: each is kept as a keyed hash and sealed. */
    private static void assertNoKeyAtRest(List<List<String>> snapshot) {
        String dump = snapshot.toString();
        for (DjangoUser user : users()) {
            assertFalse(dump.contains(user.token()), user.username() + "'s key is stored in plain text");
        }
        assertEquals(14, snapshot.get(3).size());
    }

    private int importDjango(Path config, DjangoSource source, String... more) throws IOException {
        return importDjango(config, source.url(), source.user(), more);
    }

    private int importDjango(Path config, String url, String user, String... more) throws IOException {
        out.reset();
        err.reset();
        List<String> args = new ArrayList<>(List.of("import-django", "--config", config.toString(), "--from", url));
        if (user != null) {
            args.addAll(List.of("--user", user, "--password", ""));
        }
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private int run(String... args) throws IOException {
        return Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path config(TestDatabase target) throws IOException {
        Path config = dir.resolve("restauth.properties");
        Files.writeString(config, "database_url=" + target.jdbcUrl() + "\ndatabase_user=" + target.user()
                + "\nsecret_key=" + TestServer.SECRET + "\ndata_dir=" + dir + "\n");
        return config;
    }

    /** Adds {@link #GENERATED} users from pk 1000 on, each with an address and a token, as Django would have them. */
    private static void generateUsers(Path sqlite) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqlite)) {
            connection.setAutoCommit(false);
            try (PreparedStatement user = connection.prepareStatement("INSERT INTO auth_user (id, password, "
                    + "last_login, is_superuser, username, last_name, email, is_staff, is_active, date_joined, "
                    + "first_name) VALUES (?, ?, NULL, 0, ?, 'Generated', ?, 0, 1, '2024-05-01 12:00:00', 'G')");
                 PreparedStatement address = connection.prepareStatement("INSERT INTO account_emailaddress "
                         + "(verified, \"primary\", user_id, email) VALUES (1, 1, ?, ?)");
                 PreparedStatement token = connection.prepareStatement("INSERT INTO authtoken_token (key, created, "
                         + "user_id) VALUES (?, '2024-05-01 12:00:00', ?)")) {
                for (int pk = 1000; pk < 1000 + GENERATED; pk++) {
                    user.setInt(1, pk);
                    user.setString(2, "!generated" + pk);
                    user.setString(3, "generated" + pk);
                    user.setString(4, "generated" + pk + "@example.com");
                    user.addBatch();
                    address.setInt(1, pk);
                    address.setString(2, "generated" + pk + "@example.com");
                    address.addBatch();
                    token.setString(1, String.format("%040x", pk));
                    token.setInt(2, pk);
                    token.addBatch();
                }
                user.executeBatch();
                address.executeBatch();
                token.executeBatch();
            }
            connection.commit();
        }
    }

    /** A copy of the fixture's SQLite database, to add rows to. */
    private Path fixtureCopy(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (DjangoSource fixture = DjangoSource.create(DjangoSource.Kind.SQLITE)) {
            Files.copy(Path.of(fixture.url().substring("jdbc:sqlite:".length())), copy);
        }
        return copy;
    }

    private static void addDjangoUser(Path sqlite, int pk, String username, String email, String firstName,
                                      String lastName) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
             PreparedStatement user = connection.prepareStatement("INSERT INTO auth_user (id, password, "
                     + "last_login, is_superuser, username, last_name, email, is_staff, is_active, date_joined, "
                     + "first_name) VALUES (?, '!unusable', NULL, 0, ?, ?, ?, 0, 1, '2024-05-01 12:00:00', ?)")) {
            user.setInt(1, pk);
            user.setString(2, username);
            user.setString(3, lastName);
            user.setString(4, email);
            user.setString(5, firstName);
            user.executeUpdate();
        }
    }

    private static void addDjangoAddress(Path sqlite, int pk, String email) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
             PreparedStatement address = connection.prepareStatement("INSERT INTO account_emailaddress "
                     + "(verified, \"primary\", user_id, email) VALUES (1, 1, ?, ?)")) {
            address.setInt(1, pk);
            address.setString(2, email);
            address.executeUpdate();
        }
    }

    private static List<List<String>> snapshotOf(String h2Url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(h2Url);
        return snapshot(Database.of(dataSource));
    }

    private static TestDatabase.Kind targetOf(DjangoSource.Kind kind) {
        return switch (kind) {
            case SQLITE -> TestDatabase.Kind.H2;
            case POSTGRESQL -> TestDatabase.Kind.POSTGRESQL;
            case MARIADB -> TestDatabase.Kind.MARIADB;
        };
    }

    static List<DjangoUser> users() {
        try (InputStream in = ImportDjangoTest.class.getResourceAsStream("/django/users.json")) {
            List<DjangoUser> users = new ArrayList<>();
            for (JsonElement element : JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonArray()) {
                JsonObject user = element.getAsJsonObject();
                users.add(new DjangoUser(user.get("pk").getAsLong(), user.get("username").getAsString(),
                        user.get("email").getAsString(),
                        user.get("password").isJsonNull() ? null : user.get("password").getAsString(),
                        user.get("is_active").getAsBoolean(), user.get("token").getAsString()));
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
