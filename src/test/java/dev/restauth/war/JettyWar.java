package dev.restauth.war;

import dev.restauth.RestAuthListener;
import dev.restauth.testing.Http;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A WAR, unmodified, in an embedded Jetty 12 {@code WebAppContext} on a free port of 127.0.0.1, under the context
 * path {@code /restauth}: in the ee10 environment (Servlet 6, jakarta) or the ee8 one (Servlet 4.0, javax). Settings
 * reach it the way a Jetty administrator passes them: an override descriptor, applied after the WAR's
 * {@code web.xml}, sets the context parameter {@code restauth.config}. The web application's parent class loader is
 * a {@link ContainerOnlyClassLoader} of its servlet API. Close it after the test.
 */
final class JettyWar implements AutoCloseable {
    private static final String CONTEXT_PATH = "/restauth";

    private final Server server;

    private JettyWar(Server server) {
        this.server = server;
    }

    /** The jakarta WAR in Jetty's ee10 environment; {@code directory} takes Jetty's unpacked copy of it. */
    static JettyWar ee10(Path war, Path directory, String configFile) throws Exception {
        Server server = server();
        org.eclipse.jetty.ee10.webapp.WebAppContext webapp = new org.eclipse.jetty.ee10.webapp.WebAppContext();
        webapp.setContextPath(CONTEXT_PATH);
        webapp.setWar(war.toString());
        webapp.setTempDirectory(tempDirectory(directory));
        webapp.setClassLoader(new org.eclipse.jetty.ee.webapp.WebAppClassLoader(ContainerOnlyClassLoader.jakarta(),
                webapp));
        webapp.addOverrideDescriptor(overrideDescriptor(directory, configFile,
                "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">").toString());
        webapp.setThrowUnavailableOnStartupException(true); // a failing listener fails the start, not a request
        server.setHandler(webapp);
        return start(server, webapp::isAvailable, webapp::getUnavailableException);
    }

    /** The javax WAR in Jetty's ee8 environment; {@code directory} takes Jetty's unpacked copy of it. */
    static JettyWar ee8(Path war, Path directory, String configFile) throws Exception {
        Server server = server();
        org.eclipse.jetty.ee8.webapp.WebAppContext webapp = new org.eclipse.jetty.ee8.webapp.WebAppContext();
        webapp.setContextPath(CONTEXT_PATH);
        webapp.setWar(war.toString());
        webapp.setTempDirectory(tempDirectory(directory));
        webapp.addOverrideDescriptor(overrideDescriptor(directory, configFile,
                "<web-app xmlns=\"http://xmlns.jcp.org/xml/ns/javaee\" version=\"4.0\">").toString());
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        // ee8 loads its configurations through the context class loader, so a web application class loader set
        // beforehand would hide them; the one it makes itself takes the context class loader as its parent.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ContainerOnlyClassLoader.javax());
        try {
            return start(server, webapp::isAvailable, webapp::getUnavailableException);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The base of restauth's endpoints in the deployment. */
    /** The web application's root, e.g. for paths no servlet of it serves. */
    Http contextRoot() {
        return new Http("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + CONTEXT_PATH);
    }

    Http http() {
        return new Http("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + CONTEXT_PATH + "/rest-auth");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static Server server() {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        return server;
    }

    /** Starts the server, and stops it again unless the web application became available. */
    private static JettyWar start(Server server, BooleanSupplier available, Supplier<Throwable> unavailable)
            throws Exception {
        try {
            server.start();
            if (!available.getAsBoolean()) {
                throw new IllegalStateException("the web application did not start", unavailable.get());
            }
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new JettyWar(server);
    }

    private static File tempDirectory(Path directory) throws IOException {
        return Files.createDirectories(directory.resolve("jetty")).toFile();
    }

    /** An override-web.xml, as an administrator would keep beside the WAR, naming the settings file. */
    private static Path overrideDescriptor(Path directory, String configFile, String webApp) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + webApp + "\n"
                + "  <context-param>\n"
                + "    <param-name>" + RestAuthListener.CONFIG_PARAMETER + "</param-name>\n"
                + "    <param-value>" + Xml.escape(configFile) + "</param-value>\n"
                + "  </context-param>\n"
                + "</web-app>\n";
        return Files.writeString(Files.createDirectories(directory).resolve("override-web.xml"), xml);
    }
}
