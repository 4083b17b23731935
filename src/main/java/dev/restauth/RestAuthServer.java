package dev.restauth;

import dev.restauth.config.Settings;
import dev.restauth.demo.DemoPage;
import dev.restauth.metrics.Metrics;
import dev.restauth.metrics.MetricsServlet;
import dev.restauth.standalone.BufferedBodyHandler;
import dev.restauth.standalone.ConnectionsPerAddress;
import dev.restauth.standalone.JsonErrorHandler;
import dev.restauth.standalone.LivenessServlet;

import jakarta.servlet.MultipartConfigElement;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The standalone server: an embedded Jetty (ee10) serving restauth's front servlet under the mount prefix and, when
 * the {@code demo} setting is on, the demo page at {@code /} ({@link DemoPage}); liveness at {@code /healthz} and,
 * with the {@code metrics} setting, Prometheus's metrics at {@code /metrics}.
 * {@link #create} returns the server unstarted, so tests start it on port 0 and read the port back.
 *
 * <p>What one client can hold of it is bounded: request bodies are read without a thread waiting for them and within
 * a deadline and a minimum rate ({@link BufferedBodyHandler}), connections are capped in all and per client address,
 * and silent connections close after the idle timeout. Whatever Jetty refuses itself is answered in JSON
 * ({@link JsonErrorHandler}).
 *
 * <p>A stop (SIGTERM, Ctrl-C, {@link Server#stop()}) is graceful: the connector stops accepting, the requests in
 * flight run to their answers within {@code shutdown_grace_period}, a request arriving meanwhile on an open
 * connection gets 503, and only then do the connections and (in {@code Main}) restauth's database close.
 */
public final class RestAuthServer {
    private RestAuthServer() {
    }

    /** A Jetty server for {@code app} on the configured host and port, not yet started. */
    public static Server create(RestAuth app) {
        Settings settings = app.settings();
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.get(Settings.HOST));
        connector.setPort(settings.get(Settings.PORT));
        connector.setIdleTimeout(settings.get(Settings.IDLE_TIMEOUT) * 1000L);
        limitConnections(server, connector, settings);
        server.addConnector(connector);
        JsonErrorHandler errors = new JsonErrorHandler();
        server.setErrorHandler(errors); // what fails before a request reaches the context

        ServletContextHandler context = new ServletContextHandler("/");
        context.setErrorHandler(errors); // what fails inside it
        ServletHolder front = new ServletHolder("restauth", app.servlet());
        long maxBody = settings.get(Settings.MAX_BODY_BYTES);
        front.getRegistration().setMultipartConfig(new MultipartConfigElement(null, maxBody, maxBody, 0));
        context.addServlet(front, settings.get(Settings.MOUNT_PREFIX) + "/*");
        // The demo page at "/" (when the settings want it), beside the API it calls.
        DemoPage.install(context, settings);
        // Liveness, and Prometheus's metrics (when the settings want them), beside the API.
        context.addServlet(new ServletHolder("healthz", new LivenessServlet()), "/healthz");
        if (settings.get(Settings.METRICS)) {
            Metrics metrics = new Metrics(app.hashingPool(), app.database(), app.outboxSender());
            app.router().observe(metrics);
            context.addServlet(new ServletHolder("metrics", new MetricsServlet(metrics)), "/metrics");
        }
        // Outermost, so that a stop waits for every request the server took, its body still arriving or not.
        server.setHandler(new GracefulHandler(new BufferedBodyHandler(context, settings)));
        server.setStopTimeout(settings.get(Settings.SHUTDOWN_GRACE_PERIOD) * 1000L);
        server.setStopAtShutdown(true);
        return server;
    }

    /**
     * At most {@code max_connections} open connections, and {@code max_connections_per_ip} from one address unless
     * restauth stands behind proxies, whose connections all come from the proxy's address.
     */
    private static void limitConnections(Server server, ServerConnector connector, Settings settings) {
        server.addBean(new NetworkConnectionLimit(settings.get(Settings.MAX_CONNECTIONS), connector));
        int perAddress = settings.get(Settings.MAX_CONNECTIONS_PER_IP);
        if (perAddress > 0 && settings.get(Settings.TRUSTED_PROXIES) == 0) {
            connector.addEventListener(new ConnectionsPerAddress(perAddress));
        }
    }

    /** The port a started server listens on (the real one when configured with 0). */
    public static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
