package dev.restauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.RestAuth;
import dev.restauth.RestAuthServer;
import dev.restauth.config.Settings;
import dev.restauth.mail.ConsoleTransport;
import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;

import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** The demo page's files, settings and dev mailbox over real HTTP: who gets them, and who does not. */
class DemoPageTest {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Test
    void theDevServerServesThePageItsPartsAndTheResetLandingWithAStrictPolicy() {
        try (TestServer server = TestServer.start()) {
            Http root = root(server);
            Http.Response page = root.get("/");
            assertEquals(200, page.status());
            assertEquals("text/html;charset=utf-8", page.header("Content-Type"));
            assertTrue(page.body().contains("<script src=\"/demo/demo.js\" defer></script>"), page.body());
            assertEquals(CSP, page.header("Content-Security-Policy"));
            assertEquals("no-referrer", page.header("Referrer-Policy"));
            assertEquals("nosniff", page.header("X-Content-Type-Options"));

            assertEquals(page.body(), root.get("/password-reset/confirm/1/dis97r-d08d6b7c1d7640b0a9b811edcb626d66/")
                    .body());
            assertEquals("text/javascript;charset=utf-8", root.get("/demo/demo.js").header("Content-Type"));
            assertEquals("text/css;charset=utf-8", root.get("/demo/demo.css").header("Content-Type"));

            Http.Response missing = root.get("/demo/../secret.key");
            assertEquals(404, missing.status());
            assertEquals(404, root.get("/index.html.bak").status());
            assertEquals("{\"detail\":\"Not found.\"}", root.get("/favicon.ico").body());
            assertEquals(405, root.post("/", "{}").status());
            assertEquals(404, root.get("/demo/mail").status(), "no mailbox without the console backend's");
        }
    }

    @Test
    void theApiUnderThePrefixStillAnswersJson() {
        try (TestServer server = TestServer.start()) {
            Http.Response unknown = server.http().get("/nothing-here/");
            assertEquals(404, unknown.status());
            assertEquals("{\"detail\":\"Not found.\"}", unknown.body());
        }
    }

    @Test
    void theSettingsJsonNamesThePrefixTheMailAndTheProvidersButNoSecret() {
        try (TestServer server = TestServer.builder()
                .setting("mount_prefix", "/api/auth")
                .setting("authentication_method", "email")
                .setting("social_providers", "github,keycloak")
                .setting("social.github.client_id", "Iv1.8a61f9b3a7aba766")
                .setting("social.github.secret", "github-secret-never-shown")
                .setting("social.keycloak.client_id", "restauth")
                .setting("social.keycloak.issuer", "https://sso.example.com/realms/main")
                .start()) {
            Http.Response config = root(server).get("/demo/config");
            assertEquals(200, config.status());
            assertEquals("application/json", config.header("Content-Type"));
            assertEquals("{\"api\":\"/api/auth\",\"email_backend\":\"console\",\"authentication_method\":\"email\","
                    + "\"email_verification\":\"mandatory\",\"old_password_field_enabled\":false,"
                    + "\"social_providers\":[{\"id\":\"github\",\"type\":\"github\"},"
                    + "{\"id\":\"keycloak\",\"type\":\"oidc\"}]}", config.body());
        }
    }

    @Test
    void productionModeServesNoDemoUnlessTheSettingAsksForIt() {
        try (TestServer server = TestServer.builder().setting("mode", "production").start()) {
            assertEquals(404, root(server).get("/").status());
            assertEquals(404, root(server).get("/demo/config").status());
        }
        try (TestServer server = TestServer.builder().setting("mode", "production").setting("demo", "true").start()) {
            assertEquals(200, root(server).get("/").status());
        }
    }

    @Test
    void demoFalseTurnsThePageOffInDevMode() {
        try (TestServer server = TestServer.builder().setting("demo", "false").start()) {
            assertEquals(404, root(server).get("/").status());
            assertEquals(404, root(server).get("/demo/demo.js").status());
        }
    }

    @Test
    void aPrefixOfSlashLeavesNoRoomForThePage() {
        try (TestServer server = TestServer.builder().setting("mount_prefix", "/").start()) {
            Http.Response rootPath = root(server).get("/");
            assertEquals(404, rootPath.status());
            assertEquals("{\"detail\":\"Not found.\"}", rootPath.body());
        }
    }

    @Test
    void theMailboxIsWantedOnlyInDevModeWithTheDemoAndConsoleMail() {
        Settings dev = Settings.defaults();
        assertTrue(DemoMailbox.wanted(dev));
        assertFalse(DemoMailbox.wanted(dev.with(Map.of("mode", "production"))));
        assertFalse(DemoMailbox.wanted(dev.with(Map.of("mode", "production", "demo", "true"))));
        assertFalse(DemoMailbox.wanted(dev.with(Map.of("demo", "false"))));
        assertFalse(DemoMailbox.wanted(dev.with(Map.of("email_backend", "smtp"))));
        assertFalse(DemoMailbox.wanted(dev.with(Map.of("mount_prefix", "/"))));
    }

    @Test
    void theMailboxListsTheLinksOfThePrintedMailsToThisMachineOnly() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        DemoMailbox mailbox = new DemoMailbox(new ConsoleTransport(new PrintStream(console, true,
                StandardCharsets.UTF_8), "webmaster@localhost"));
        Settings.Builder settings = Settings.builder();
        TestServer.BASE.forEach(settings::set);
        settings.set("database_url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (RestAuth app = RestAuth.builder(settings.build()).mailTransport(mailbox).backgroundWork(false)
                .build()) {
            Server server = RestAuthServer.create(app);
            mailbox.install(server);
            server.start();
            try {
                int port = RestAuthServer.port(server);
                Http root = new Http("http://127.0.0.1:" + port);
                assertEquals("{\"mails\":[]}", root.get("/demo/mail").body());

                Http.Response registered = root.post("/rest-auth/registration/", "{\"username\":\"alice\","
                        + "\"email\":\"alice@example.com\",\"password1\":\"Tr0ub4dor&3-demo\","
                        + "\"password2\":\"Tr0ub4dor&3-demo\"}");
                assertEquals(201, registered.status(), registered.body());
                app.outboxSender().deliverDue();

                String printed = console.toString(StandardCharsets.UTF_8);
                int at = printed.indexOf("http://127.0.0.1:" + port + "/rest-auth/registration/account-confirm-email/");
                String link = printed.substring(at, printed.indexOf('\n', at));
                Http.Response mail = root.get("/demo/mail");
                assertEquals(200, mail.status());
                assertEquals("no-store", mail.header("Cache-Control"));
                assertEquals("{\"mails\":[{\"to\":\"alice@example.com\",\"subject\":\"[example.com] Please Confirm "
                        + "Your E-mail Address\",\"links\":[\"" + link + "\"]}]}", mail.body());

                assertTrue(rawGet(port, "localhost:" + port).startsWith("HTTP/1.1 200 "));
                String rebound = rawGet(port, "attacker.example:" + port);
                assertTrue(rebound.startsWith("HTTP/1.1 404 "), rebound);
                assertFalse(rebound.contains("account-confirm-email"), rebound);
            } finally {
                server.stop();
            }
        }
    }

    private static Http root(TestServer server) {
        return new Http("http://127.0.0.1:" + server.port());
    }

    /** {@code GET /demo/mail} with a Host header of our choosing, which {@link java.net.http.HttpClient} forbids. */
    private static String rawGet(int port, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /demo/mail HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
