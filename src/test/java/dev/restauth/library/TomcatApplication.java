package dev.restauth.library;

import dev.restauth.RestAuth;
import dev.restauth.RestAuthFilter;
import dev.restauth.account.CreateUser;
import dev.restauth.config.Settings;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An application that uses restauth as a library, as the README's "Library mode" shows, in an embedded Tomcat:
 * restauth's front servlet under {@code /api/auth/}, its filter in front of the application's own servlet, on the
 * application's own DataSource. {@link LibraryWithoutJettyIT} loads this class where only restauth's jar and the
 * dependencies left after the README's exclusions are on the class path: no Jetty, no JDBC drivers but H2. It uses
 * nothing of the test tooling, so it loads there.
 */
public final class TomcatApplication {
    private TomcatApplication() {
    }

    /**
     * Starts the application, logs a user in through restauth and asks the application's own servlet who it is.
     *
     * @return the login's status line and the application's answer, e.g. {@code "200 alice"}
     */
    public static String run(String baseDir) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:library-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Settings settings = Settings.builder()
                .set("secret_key", "library-mode-test-secret-that-is-long-enough")
                .set("argon2_memory_kib", "64")
                .set("argon2_iterations", "1")
                .set("throttle_enabled", "false")
                .build();
        Tomcat tomcat = new Tomcat();
        try (RestAuth restAuth = RestAuth.builder(settings).dataSource(dataSource).backgroundWork(false)
                .build()) {
            restAuth.useCases().createUser().run(new CreateUser.NewAccount("alice", "alice@example.com", "Tr0ub4dor&3-library",
                    false, false, true));
            tomcat.setBaseDir(baseDir);
            tomcat.setPort(0);
            tomcat.getConnector();
            Context context = tomcat.addContext("", null);
            Tomcat.addServlet(context, "restauth", restAuth.servlet());
            context.addServletMappingDecoded("/api/auth/*", "restauth");
            Tomcat.addServlet(context, "whoami", new WhoAmIServlet());
            context.addServletMappingDecoded("/app/whoami", "whoami");
            FilterDef filter = new FilterDef();
            filter.setFilterName("restauth");
            filter.setFilter(RestAuthFilter.anonymousAllowed(restAuth));
            context.addFilterDef(filter);
            FilterMap mapping = new FilterMap();
            mapping.setFilterName("restauth");
            mapping.addURLPattern("/app/*");
            context.addFilterMap(mapping);
            tomcat.start();
            try {
                String base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
                HttpClient client = HttpClient.newHttpClient();
                HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login/"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\","
                                + "\"password\":\"Tr0ub4dor&3-library\"}")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String key = login.body().replaceAll(".*\"key\":\"([0-9a-f]{40})\".*", "$1");
                HttpResponse<String> whoAmI = client.send(HttpRequest.newBuilder(URI.create(base + "/app/whoami"))
                        .header("Authorization", "Token " + key).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return login.statusCode() + " " + whoAmI.body();
            } finally {
                tomcat.stop();
                tomcat.destroy();
            }
        }
    }

    /** The application's own servlet: who is this request's user? */
    static final class WhoAmIServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String username = request.getRemoteUser();
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().print(username == null ? "anonymous" : username);
        }
    }
}
