package dev.restauth.mail;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Django's console e-mail backend: each mail is printed (headers, a blank line, the body, then a line of dashes)
 * instead of sent, so that {@code make run} shows a reset mail in its terminal with no mail server around. Never
 * fails. Thread-safe: one mail is printed whole before the next.
 */
public final class ConsoleTransport implements MailTransport {
    private static final String SEPARATOR = "-".repeat(79);

    private final PrintStream out;
    private final String from;

    /**
     * @param out  where mail is printed, usually {@code System.out}
     * @param from the From address shown
     */
    public ConsoleTransport(PrintStream out, String from) {
        this.out = Objects.requireNonNull(out, "out");
        this.from = Objects.requireNonNull(from, "from");
    }

    @Override
    public void send(Mail mail) {
        String text = "Subject: " + mail.subject() + "\n"
                + "From: " + from + "\n"
                + "To: " + mail.to() + "\n"
                + "\n"
                + mail.body() + "\n"
                + SEPARATOR + "\n";
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }
}
