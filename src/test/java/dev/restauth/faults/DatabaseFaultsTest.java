package dev.restauth.faults;

import dev.restauth.testing.Http;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestDatabase.Kind;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database misbehaving under a running server: a table locked by someone else, connections the database killed,
 * the database out of reach. Requests are answered 503 with {@code Retry-After} while it cannot be used (never a 500,
 * never a wait beyond the statement timeout), the log says so once and then in summary, and the server recovers by
 * itself.
 */
class DatabaseFaultsTest {
    private static final String UNAVAILABLE =
            "{\"detail\":\"The service is briefly unavailable; please try again in a few seconds.\"}";

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aTableLockedElsewhereIsA503WithinTheStatementTimeout(Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind);
             TestServer server = TestServer.builder().setting("database_url", database.jdbcUrl())
                     .setting("database_user", database.user())
                     .setting("database_statement_timeout", "1").start()) {
            server.createUser("alice", "alice@example.com", "Correct-Horse-1");
            String token = server.login("alice", "Correct-Horse-1");

            Http.Response locked;
            try (Connection other = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
                 Statement statement = other.createStatement()) {
                if (kind == Kind.POSTGRESQL) {
                    other.setAutoCommit(false);
                    statement.execute("LOCK TABLE restauth_token IN ACCESS EXCLUSIVE MODE");
                } else {
                    statement.execute("LOCK TABLES restauth_token WRITE");
                }
                locked = server.http().get("/user/", Http.token(token));
                if (kind == Kind.POSTGRESQL) {
                    other.rollback();
                } else {
                    statement.execute("UNLOCK TABLES");
                }
            }

            assertEquals(503, locked.status(), locked.body());
            assertEquals(UNAVAILABLE, locked.body());
            assertNotNull(locked.header("Retry-After"));
            assertEquals(200, server.http().get("/user/", Http.token(token)).status(), "the lock is gone");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aNodeWaitsForAnotherNodesMigrationsLongerThanTheStatementTimeout(Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind);
             Connection other = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
             Statement statement = other.createStatement()) {
            // Another node migrating: it holds the migration lock for longer than a statement may take.
            if (kind == Kind.POSTGRESQL) {
                other.setAutoCommit(false);
                statement.execute("SELECT pg_advisory_xact_lock(" + 0x7265_7374_6175_7468L + ")");
            } else {
                statement.execute("SELECT GET_LOCK(LEFT(CONCAT('restauth_migrate:', DATABASE()), 64), 10)");
            }
            CompletableFuture<TestServer> starting = CompletableFuture.supplyAsync(() -> TestServer.builder()
                    .setting("database_url", database.jdbcUrl()).setting("database_user", database.user())
                    .setting("database_statement_timeout", "1").start());
            Thread.sleep(2_500);
            if (kind == Kind.POSTGRESQL) {
                other.commit();
            } else {
                statement.execute("SELECT RELEASE_LOCK(LEFT(CONCAT('restauth_migrate:', DATABASE()), 64))");
            }
            try (TestServer server = starting.get()) {
                server.createUser("alice", "alice@example.com", "Correct-Horse-1");
                assertEquals(200, server.http().post("/login/",
                        "{\"username\":\"alice\",\"password\":\"Correct-Horse-1\"}").status());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aConnectionTheDatabaseKilledIsReplacedAndTheRequestAnswered(Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind)) {
            String url = kind == Kind.POSTGRESQL ? database.jdbcUrl() + "&ApplicationName=restauth-victim"
                    : database.jdbcUrl();
            try (TestServer server = TestServer.builder().setting("database_url", url)
                    .setting("database_user", database.user()).setting("database_pool_size", "3").start()) {
                server.createUser("alice", "alice@example.com", "Correct-Horse-1");
                String token = server.login("alice", "Correct-Horse-1");
                List<String> failed = new ArrayList<>();
                int killed = 0;
                for (int round = 0; round < 20; round++) {
                    Http.Response before = server.http().get("/user/", Http.token(token));
                    killed += killConnections(database, kind);
                    Http.Response after = server.http().get("/user/", Http.token(token));
                    if (before.status() != 200 || after.status() != 200) {
                        failed.add("round " + round + ": " + before.status() + " then " + after.status() + " "
                                + after.body());
                    }
                }
                assertEquals(List.of(), failed);
                assertTrue(killed >= 20, "the database killed restauth's connections: " + killed);
            }
        }
    }

    @Test
    void anUnreachableDatabaseIsA503AndTheServerRecoversByItself() throws Exception {
        List<LogRecord> log = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                log.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger databaseLog = Logger.getLogger("dev.restauth.db.Database");
        databaseLog.addHandler(capture);
        try (TestDatabase database = TestDatabase.create(Kind.H2_SERVER)) {
            String target = database.jdbcUrl().replaceAll(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1");
            try (CuttableProxy proxy = new CuttableProxy(Integer.parseInt(target));
                 TestServer server = TestServer.builder()
                         .setting("database_url", database.jdbcUrl().replace(":" + target + "/", ":" + proxy.port()
                                 + "/"))
                         .setting("database_statement_timeout", "1").start()) {
                server.createUser("alice", "alice@example.com", "Correct-Horse-1");
                String token = server.login("alice", "Correct-Horse-1");

                proxy.cut();
                List<Http.Response> during = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    during.add(server.http().get("/user/", Http.token(token)));
                    during.add(server.http().post("/login/",
                            "{\"username\":\"alice\",\"password\":\"Correct-Horse-1\"}"));
                }
                proxy.restore();
                Http.Response after = server.http().get("/user/", Http.token(token));
                for (int i = 0; i < 100 && after.status() != 200; i++) {
                    Thread.sleep(100); // the breaker lets a call through again within a second
                    after = server.http().get("/user/", Http.token(token));
                }

                for (Http.Response response : during) {
                    assertEquals(503, response.status(), response.body());
                    assertEquals(UNAVAILABLE, response.body());
                    assertEquals("2", response.header("Retry-After"));
                }
                assertEquals(200, after.status(), "recovered: " + after.body());
            }
        } finally {
            databaseLog.removeHandler(capture);
        }
        List<LogRecord> traces = new ArrayList<>();
        for (LogRecord record : log) {
            if (record.getThrown() != null) {
                traces.add(record);
            }
        }
        assertEquals(1, traces.size(), "one stack trace for the outage, not one per request");
        assertEquals(Level.SEVERE, traces.get(0).getLevel());
        assertTrue(log.stream().anyMatch(r -> r.getMessage().startsWith("database recovered")),
                "a line says the database recovered: " + log.stream().map(LogRecord::getMessage).toList());
    }

    /** Has the database end restauth's connections, as an administrator or a failover does; returns how many. */
    private static int killConnections(TestDatabase database, Kind kind) throws Exception {
        int killed = 0;
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
             Statement statement = admin.createStatement()) {
            if (kind == Kind.POSTGRESQL) {
                try (ResultSet rows = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = 'restauth-victim'")) {
                    while (rows.next()) {
                        killed++;
                    }
                }
            } else {
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT id FROM information_schema.processlist "
                        + "WHERE db = DATABASE() AND id <> CONNECTION_ID()")) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                for (long id : ids) {
                    statement.execute("KILL CONNECTION " + id);
                    killed++;
                }
            }
        }
        return killed;
    }
}
