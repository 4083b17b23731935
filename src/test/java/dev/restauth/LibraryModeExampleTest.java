package dev.restauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.account.CreateUser;
import dev.restauth.config.Settings;
import dev.restauth.testing.Http;
import dev.restauth.testing.TestDatabase;
import dev.restauth.testing.TestServer;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import javax.sql.DataSource;

/**
 * The README's library-mode example, compiled and run: an application with its own Jetty context, its own servlet
 * and its own DataSource mounts restauth under its own prefix and reads the user of its requests through
 * {@link RestAuthFilter}. The code between the README markers is what the README shows, checked by
 * {@link #theReadmeShowsThisVeryCode}.
 */
class LibraryModeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/restauth/LibraryModeExampleTest.java");
    private static final String PASSWORD = "Tr0ub4dor&3x";

    static TestDatabase database;
    static Server server;
    static RestAuth restAuth;
    static Http http;

    // README:begin
    /** The application's own servlet: who is this request's user? */
    static final class WhoAmIServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String username = request.getRemoteUser(); // set by RestAuthFilter; null when anonymous
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().print(username == null ? "anonymous" : username);
        }
    }
    // README:end

    @BeforeAll
    static void startTheApplication() throws Exception {
        database = TestDatabase.create(TestDatabase.Kind.H2);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        restAuth = mountRestAuth(database.dataSource(), settings());
        http = new Http("http://127.0.0.1:" + connector.getLocalPort());
        restAuth.useCases().createUser().run(new CreateUser.NewAccount("alice", "alice@example.com", PASSWORD, false, false,
                true));
    }

    /** The example proper: the application's context, with restauth in it. */
    static RestAuth mountRestAuth(DataSource dataSource, Settings settings) throws Exception {
        // README:begin
        // restauth on the application's own DataSource; close it when the application stops.
        RestAuth restAuth = RestAuth.builder(settings).dataSource(dataSource).build();

        ServletContextHandler context = new ServletContextHandler("/");
        // restauth's endpoints under the application's prefix: /api/auth/login/, /api/auth/user/, ...
        context.addServlet(new ServletHolder(restAuth.servlet()), "/api/auth/*");
        // The application's own servlets, with restauth's user on every request that reaches them.
        context.addServlet(new ServletHolder(new WhoAmIServlet()), "/app/whoami");
        context.addFilter(new FilterHolder(RestAuthFilter.anonymousAllowed(restAuth)), "/app/*",
                EnumSet.of(DispatcherType.REQUEST));

        server.setHandler(context);
        server.start();
        // README:end
        return restAuth;
    }

    @AfterAll
    static void stopTheApplication() throws Exception {
        try {
            server.stop();
        } finally {
            restAuth.close();
            database.close();
        }
    }

    @Test
    void theApplicationsServletSeesTheUserOfAToken() {
        String key = login().json().get("key").getAsString();
        assertEquals("200 alice", http.get("/app/whoami", Http.token(key)).toString());
    }

    @Test
    void theApplicationsServletSeesTheUserOfASessionCookie() {
        String session = login().cookie("sessionid");
        assertEquals("200 alice", http.get("/app/whoami", "Cookie", "sessionid=" + session).toString());
    }

    @Test
    void anAnonymousRequestReachesTheApplicationWithoutAUser() {
        assertEquals("200 anonymous", http.get("/app/whoami").toString());
    }

    @Test
    void aBadTokenIsRefusedWithRestauthsOwnAnswer() {
        Http.Response response = http.get("/app/whoami", Http.token("0123456789abcdef0123456789abcdef01234567"));
        assertEquals("401 {\"detail\":\"Invalid token.\"}", response.toString());
        assertEquals("Token", response.header("WWW-Authenticate"));
    }

    @Test
    void theReadmeShowsThisVeryCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> snippets = snippets(Files.readString(SOURCE));
        assertEquals(2, snippets.size());
        for (String snippet : snippets) {
            assertTrue(readme.contains(snippet), "README.md lacks this code of " + SOURCE + ":\n" + snippet);
        }
    }

    private static Http.Response login() {
        Http.Response response = http.post("/api/auth/login/",
                "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, response.status(), response.toString());
        return response;
    }

    private static Settings settings() {
        Settings.Builder settings = Settings.builder();
        TestServer.BASE.forEach(settings::set);
        return settings.build();
    }

    /** The code between each pair of README markers, without its common indentation. */
    private static List<String> snippets(String source) {
        List<String> snippets = new ArrayList<>();
        List<String> lines = null;
        for (String line : source.split("\n")) {
            if (line.strip().equals("// README:begin")) {
                lines = new ArrayList<>();
            } else if (line.strip().equals("// README:end")) {
                int indent = lines.stream().filter(l -> !l.isBlank())
                        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                snippets.add(String.join("\n", lines.stream()
                        .map(l -> l.isBlank() ? "" : l.substring(indent)).toList()));
                lines = null;
            } else if (lines != null) {
                lines.add(line);
            }
        }
        return snippets;
    }
}
