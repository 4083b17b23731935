package dev.restauth.war;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.RestAuthListener;
import dev.restauth.testing.Http;

import org.eclipse.jetty.ee.webapp.WebAppClassLoader;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The built WAR, unmodified, in a Jetty 12 ee10 {@link WebAppContext} on a free port. Settings reach it the way a
 * Jetty administrator passes them: an override descriptor, applied after the WAR's {@code web.xml}, sets the context
 * parameter {@code restauth.config}.
 */
class JettyDeploymentIT {
    @TempDir
    static Path directory;
    static Deployment app;
    static Server server;
    static WebAppContext webapp;

    @BeforeAll
    static void deploy() throws Exception {
        app = Deployment.withDatabaseUrl(directory);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        webapp = new WebAppContext();
        webapp.setContextPath("/restauth");
        webapp.setWar(Deployment.war().toString());
        webapp.setTempDirectory(Files.createDirectories(directory.resolve("jetty")).toFile());
        webapp.setClassLoader(new WebAppClassLoader(new ContainerOnlyClassLoader(), webapp));
        webapp.addOverrideDescriptor(overrideDescriptor(app.configFile()).toString());
        webapp.setThrowUnavailableOnStartupException(true); // a failing listener fails the start, not a request
        server.setHandler(webapp);
        server.start();
    }

    @AfterAll
    static void undeploy() throws Exception {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            app.close();
        }
    }

    @Test
    void theWarServesTheAccountFlow() {
        assertTrue(webapp.isAvailable(), "the web application did not start");
        WarScenario.run(app, new Http("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + "/restauth/rest-auth"));
    }

    @Test
    void errorsJettyRaisesInsideTheWarAreJson() {
        WarScenario.containerErrorsAreJson(new Http("http://127.0.0.1:"
                + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/restauth"));
    }

    /** An override-web.xml, as an administrator would keep beside the WAR, naming the settings file. */
    private static Path overrideDescriptor(String configFile) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
                + "  <context-param>\n"
                + "    <param-name>" + RestAuthListener.CONFIG_PARAMETER + "</param-name>\n"
                + "    <param-value>" + escape(configFile) + "</param-value>\n"
                + "  </context-param>\n"
                + "</web-app>\n";
        return Files.writeString(directory.resolve("override-web.xml"), xml);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
