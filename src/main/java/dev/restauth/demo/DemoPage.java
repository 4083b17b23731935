package dev.restauth.demo;

import dev.restauth.config.Settings;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The demo page of the standalone server: one static page at {@code /} that walks through restauth's API (register,
 * confirm, log in, edit the user, change and reset the password, social login, log out) by calling it with
 * {@code fetch()}, as a single-page app would. It is served only when {@link Settings#demoEnabled()} says so, and
 * only beside an API that has a mount prefix of its own (a prefix of {@code /} leaves no room for the page).
 *
 * <p>Everything the page needs lives under {@code /demo/}: its script and style sheet, and {@code /demo/config},
 * the few settings that shape it. The page itself is also answered at {@code /password-reset/confirm/...}, where the
 * default {@code password_reset_url} sends the reset mail's reader.
 */
public final class DemoPage {
    /** Where the demo's files and JSON live, besides {@code /} itself. */
    public static final String PATH = "/demo";

    private DemoPage() {
    }

    /** Whether a standalone server under these settings serves the page: {@code demo} on and a mount prefix. */
    public static boolean served(Settings settings) {
        return settings.demoEnabled() && !settings.get(Settings.MOUNT_PREFIX).isEmpty();
    }

    /**
     * Adds the page's servlets to the standalone server's context when the settings ask for the demo.
     *
     * @return whether the page was added
     */
    public static boolean install(ServletContextHandler context, Settings settings) {
        if (!served(settings)) {
            return false;
        }
        context.addServlet(new ServletHolder("restauth-demo", new DemoServlet()), "/");
        context.addServlet(new ServletHolder("restauth-demo-config", new DemoConfigServlet(settings)),
                PATH + "/config");
        return true;
    }
}
