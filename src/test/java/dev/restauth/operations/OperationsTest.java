package dev.restauth.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.Http;
import dev.restauth.testing.Smtp;
import dev.restauth.testing.TestServer;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * Liveness at {@code /healthz}, readiness at {@code <mount>/health/} (database, migrations, outbox backlog), and
 * Prometheus's metrics at {@code /metrics}, on the standalone server.
 */
class OperationsTest {
    private static final String READY = "{\"status\":\"ok\",\"database\":\"ok\",\"migrations\":{\"pending\":[]},"
            + "\"outbox\":{\"waiting\":0,\"oldest_seconds\":null,\"backlog_too_long\":false}}";

    @Test
    void livenessAndReadinessAnswerOkOnAHealthyServer() {
        try (TestServer server = TestServer.start()) {
            Http root = new Http("http://127.0.0.1:" + server.port());
            Http.Response live = root.get("/healthz");
            assertEquals(200, live.status());
            assertEquals("{\"status\":\"ok\"}", live.body());
            assertEquals("application/json", live.header("Content-Type"));
            Http.Response ready = server.http().get("/health/");
            assertEquals(200, ready.status());
            assertEquals(READY, ready.body());
        }
    }

    @Test
    void aMissingMigrationMakesTheServerUnready() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (TestServer server = TestServer.builder().setting("database_url", url).start();
             Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM restauth_schema_version WHERE version = 2");
            Http.Response ready = server.http().get("/health/");
            assertEquals(503, ready.status());
            assertTrue(ready.body().startsWith("{\"status\":\"unavailable\",\"database\":\"ok\",\"migrations\":"
                    + "{\"pending\":[\"002-"), ready.body());
        }
    }

    @Test
    void anOutboxBacklogBeyondTheLimitMakesTheServerUnready() {
        try (TestServer server = TestServer.builder().mailTo(Smtp.closedPort())
                .setting("health_outbox_backlog", "1").start()) {
            register(server, "ann"); // each sign-up queues its confirmation mail, which cannot leave
            register(server, "bob");
            Http.Response ready = server.http().get("/health/");
            assertEquals(503, ready.status());
            assertTrue(ready.body().startsWith("{\"status\":\"unavailable\",\"database\":\"ok\",\"migrations\":"
                    + "{\"pending\":[]},\"outbox\":{\"waiting\":2,\"oldest_seconds\":"), ready.body());
            assertTrue(ready.body().endsWith(",\"backlog_too_long\":true}}"), ready.body());
        }
    }

    private static void register(TestServer server, String name) {
        Http.Response response = server.http().post("/registration/", "{\"username\":\"" + name + "\",\"email\":\""
                + name + "@example.com\",\"password1\":\"correct horse 1\",\"password2\":\"correct horse 1\"}");
        assertEquals(201, response.status(), response.toString());
    }

    @Test
    void anUnreachableDatabaseMakesTheServerUnreadyButStillAlive() throws Exception {
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (TestServer server = TestServer.builder().setting("database_url", url).start()) {
            assertEquals(200, server.http().get("/health/").status());
            h2.stop();
            Http.Response ready = server.http().get("/health/");
            assertEquals(503, ready.status());
            assertEquals("{\"status\":\"unavailable\",\"database\":\"unreachable\",\"migrations\":{\"pending\":[]},"
                    + "\"outbox\":{\"waiting\":0,\"oldest_seconds\":null,\"backlog_too_long\":false}}", ready.body());
            assertEquals(200, new Http("http://127.0.0.1:" + server.port()).get("/healthz").status());
        } finally {
            h2.stop();
        }
    }

    @Test
    void metricsCountRequestsLoginsAndShowThePools() {
        try (TestServer server = TestServer.start()) {
            server.createUser("ann", "ann@example.com", "correct horse 1");
            server.login("ann", "correct horse 1");
            assertEquals(400, server.http().post("/login/", "{\"username\":\"ann\",\"password\":\"wrong\"}").status());
            assertEquals(404, server.http().get("/nowhere/").status());
            Http unchecked = new Http(server.http().base()); // methods no OpenAPI document describes
            assertEquals(405, unchecked.send("BREW", "/login/", null, null).status());
            assertEquals(405, unchecked.send("SCRAPE", "/login/", null, null).status());
            Http.Response scrape = new Http("http://127.0.0.1:" + server.port()).get("/metrics");
            assertEquals(200, scrape.status());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", scrape.header("Content-Type"));
            String text = scrape.body();
            for (String line : new String[] {
                "restauth_requests_total{method=\"POST\",route=\"/login/\",status=\"200\"} 1.0",
                "restauth_requests_total{method=\"POST\",route=\"/login/\",status=\"400\"} 1.0",
                "restauth_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1.0",
                // a client cannot add series without end by sending methods of its own
                "restauth_requests_total{method=\"other\",route=\"/login/\",status=\"405\"} 2.0",
                "restauth_request_duration_seconds_count{method=\"POST\",route=\"/login/\"} 2",
                "restauth_logins_total{outcome=\"ok\"} 1.0",
                "restauth_logins_total{outcome=\"failed\"} 1.0",
                "restauth_logins_total{outcome=\"throttled\"} 0.0",
                "restauth_hashing_queued 0.0",
                "restauth_outbox_waiting 0.0",
                "restauth_outbox_given_up_total 0.0",
                "restauth_db_pool_connections{state=\"total\"} ",
                "restauth_db_pool_waiting_threads 0.0",
            }) {
                assertTrue(text.contains(line), "no line " + line + " in:\n" + text);
            }
        }
        try (TestServer server = TestServer.builder().setting("metrics", "false").start()) {
            assertEquals(404, new Http("http://127.0.0.1:" + server.port()).get("/metrics").status());
        }
    }
}
