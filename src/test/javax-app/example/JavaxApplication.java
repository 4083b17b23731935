package example;

import dev.restauth.RestAuth;
import dev.restauth.RestAuthFilter;
import dev.restauth.config.Settings;
import dev.restauth.config.SettingsLoader;

import org.eclipse.jetty.ee8.servlet.FilterHolder;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;

import javax.servlet.DispatcherType;
import javax.servlet.MultipartConfigElement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/**
 * A javax.servlet application that makes restauth its authentication: the README's library-mode example, javax
 * edition, on restauth's javax jar (classifier {@code javax}) and Jetty 12's ee8 environment. The code is the
 * jakarta example's but for the imports, ee8's way of setting the context path, and the multipart configuration the
 * README recommends. restauth's tests compile it against that jar and run it in a class loader of its own, which sees
 * the javax servlet API and no jakarta one.
 */
public final class JavaxApplication implements AutoCloseable {
    private final Server server = new Server();
    private final RestAuth restAuth;

    /** Starts the application on a free port of 127.0.0.1, with restauth's settings file and its own DataSource. */
    public JavaxApplication(Path settingsFile, DataSource dataSource) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        Settings settings = SettingsLoader.load(settingsFile);

        // restauth on the application's own DataSource; close it when the application stops.
        restAuth = RestAuth.builder(settings).dataSource(dataSource).build();

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        // restauth's endpoints under the application's prefix: /api/auth/login/, /api/auth/user/, ...
        ServletHolder endpoints = new ServletHolder(restAuth.servlet());
        // Multipart bodies up to restauth's body limit, as the WAR's web.xml declares them.
        endpoints.getRegistration().setMultipartConfig(new MultipartConfigElement(null, 1048576, 1048576, 0));
        context.addServlet(endpoints, "/api/auth/*");
        // The application's own servlets, with restauth's user on every request that reaches them.
        context.addServlet(new ServletHolder(new WhoAmIServlet()), "/app/whoami");
        context.addFilter(new FilterHolder(RestAuthFilter.anonymousAllowed(restAuth)), "/app/*",
                EnumSet.of(DispatcherType.REQUEST));

        server.setHandler(context);
        server.start();
    }

    /** The port the application listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            restAuth.close();
        }
    }

    /** The application's own servlet: who is this request's user? */
    static final class WhoAmIServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String username = request.getRemoteUser(); // set by RestAuthFilter; null when anonymous
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().print(username == null ? "anonymous" : username);
        }
    }
}
