package dev.restauth.demo;

import dev.restauth.config.EmailBackend;
import dev.restauth.config.Mode;
import dev.restauth.config.Settings;
import dev.restauth.mail.Mail;
import dev.restauth.mail.MailDeliveryException;
import dev.restauth.mail.MailTransport;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The demo's view of the console mail backend: hands every mail to the console transport as usual and keeps the
 * last {@value #CAPACITY} in memory, so that the demo page can show the links of the mails the console printed
 * ({@code GET /demo/mail}, see {@link DemoMailServlet}). Thread-safe.
 *
 * <p>Only for a developer's machine: {@link #wanted(Settings)} is true only in {@code dev} mode, with the demo on and
 * mail going to the console, where the same links are printed in the terminal anyway. Nothing is written anywhere.
 */
public final class DemoMailbox implements MailTransport {
    static final int CAPACITY = 20;

    private final MailTransport console;
    private final Deque<Mail> recent = new ArrayDeque<>();

    /** @param console the transport that really prints the mail */
    public DemoMailbox(MailTransport console) {
        this.console = Objects.requireNonNull(console, "console");
    }

    /** Whether these settings allow the mailbox: dev mode, the demo page served, console mail. */
    public static boolean wanted(Settings settings) {
        return settings.get(Settings.MODE) == Mode.DEV && DemoPage.served(settings)
                && settings.get(Settings.EMAIL_BACKEND) == EmailBackend.CONSOLE;
    }

    @Override
    public void send(Mail mail) throws MailDeliveryException {
        console.send(mail);
        synchronized (recent) {
            recent.addFirst(mail);
            while (recent.size() > CAPACITY) {
                recent.removeLast();
            }
        }
    }

    /** The mails printed most recently, newest first. */
    public List<Mail> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    /**
     * Serves {@code GET /demo/mail} from the standalone server's context; call it before the server starts.
     *
     * @throws IllegalStateException when the server has no servlet context (it was not made by
     *                               {@code RestAuthServer})
     */
    public void install(Server server) {
        ServletContextHandler context = server.getDescendant(ServletContextHandler.class);
        if (context == null) {
            throw new IllegalStateException("the server has no servlet context to serve the demo's mail from");
        }
        context.addServlet(new ServletHolder("restauth-demo-mail", new DemoMailServlet(this)),
                DemoPage.PATH + "/mail");
    }
}
