package dev.restauth;

import dev.restauth.config.Settings;
import dev.restauth.config.SettingsLoader;
import dev.restauth.http.FrontServlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Starts restauth inside a servlet container (the WAR's {@code web.xml}, or an application's own): builds it from
 * the settings and publishes its router for the {@link FrontServlet}, and closes it when the application stops.
 *
 * <p>Context parameters: {@code restauth.config} names a settings file (system properties and {@code RESTAUTH_*}
 * variables still override it); {@code restauth.datasource} names a container {@link DataSource} in JNDI (e.g.
 * {@code java:comp/env/jdbc/restauth}) to use instead of {@code database_url}.
 */
public final class RestAuthListener implements ServletContextListener {
    /** Context parameter naming the settings file. */
    public static final String CONFIG_PARAMETER = "restauth.config";
    /** Context parameter naming a JNDI data source. */
    public static final String DATASOURCE_PARAMETER = "restauth.datasource";
    /** Context attribute holding the running {@link RestAuth}. */
    public static final String APP_ATTRIBUTE = "dev.restauth.app";

    private static final Logger LOG = Logger.getLogger(RestAuthListener.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String config = context.getInitParameter(CONFIG_PARAMETER);
        Settings settings = SettingsLoader.load(config == null || config.isBlank() ? null : Path.of(config));
        RestAuth.Builder builder = RestAuth.builder(settings);
        String jndiName = context.getInitParameter(DATASOURCE_PARAMETER);
        if (jndiName != null && !jndiName.isBlank()) {
            builder.dataSource(lookup(jndiName));
        }
        RestAuth app = builder.build();
        context.setAttribute(APP_ATTRIBUTE, app);
        context.setAttribute(FrontServlet.ROUTER_ATTRIBUTE, app.router());
        LOG.info(() -> "restauth started in " + context.getContextPath() + " with " + app.router().paths().size()
                + " endpoints");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Object app = event.getServletContext().getAttribute(APP_ATTRIBUTE);
        if (app instanceof RestAuth) {
            ((RestAuth) app).close();
        }
        deregisterOwnDrivers();
    }

    /**
     * Deregisters the JDBC drivers that came with this web application (its {@code WEB-INF/lib}): registered in
     * the JVM-wide {@link DriverManager}, they would keep the stopped application's class loader alive. Drivers
     * of a shared class loader (the container's, or the JVM's when restauth is not in a WAR) are left alone.
     */
    private static void deregisterOwnDrivers() {
        ClassLoader own = RestAuthListener.class.getClassLoader();
        if (own == ClassLoader.getSystemClassLoader()) {
            return;
        }
        // Listing the drivers loads this application's copy of every registered driver class, and a driver class
        // registers itself when loaded: the second pass finds the copies the first one caused.
        for (int pass = 0; pass < 2; pass++) {
            for (Driver driver : Collections.list(DriverManager.getDrivers())) {
                if (driver.getClass().getClassLoader() == own) {
                    deregister(driver);
                }
            }
        }
    }

    private static void deregister(Driver driver) {
        try {
            DriverManager.deregisterDriver(driver);
        } catch (SQLException e) {
            LOG.warning(() -> "could not deregister JDBC driver " + driver.getClass().getName() + ": " + e);
        }
    }

    private static DataSource lookup(String name) {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("restauth.datasource: no DataSource bound at " + name + ": " + e, e);
        }
    }
}
