package dev.restauth.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A real SMTP server in the test JVM (GreenMail) on 127.0.0.1, on a free port or a given one. Close it after the
 * test.
 */
public final class Smtp implements AutoCloseable {
    private final GreenMail greenMail;

    private Smtp(int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** A server on a free port. */
    public static Smtp start() {
        return new Smtp(0);
    }

    /** A server on this port (one that {@link #closedPort()} handed out earlier). */
    public static Smtp start(int port) {
        return new Smtp(port);
    }

    /** A port nothing listens on: connections to it are refused, as to a mail server that is down. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received so far, in order. */
    public List<MimeMessage> messages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Waits (at most 30 s) until {@code count} messages have arrived; for mail sent by a background thread. */
    public boolean await(int count) {
        return greenMail.waitForIncomingEmail(30_000, count);
    }

    /** Forgets every message received. */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message as it travelled, headers and body, with the wire's CRLF line ends turned into LF. */
    public static String source(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of a single-part message, with LF line ends. */
    public static String text(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
