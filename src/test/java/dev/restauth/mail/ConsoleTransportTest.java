package dev.restauth.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

class ConsoleTransportTest {
    @Test
    void aMailIsPrintedWithItsHeadersAndASeparator() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ConsoleTransport(out, "webmaster@localhost").send(new Mail("zoë@example.com", "[example.com] Hi",
                "Hello\nthere"));
        assertEquals("Subject: [example.com] Hi\n"
                + "From: webmaster@localhost\n"
                + "To: zoë@example.com\n"
                + "\n"
                + "Hello\n"
                + "there\n"
                + "-".repeat(79) + "\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
