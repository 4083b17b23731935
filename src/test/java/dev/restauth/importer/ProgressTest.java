package dev.restauth.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What an import shows while it runs: in a log a line per tenth of a large table, nothing for a small one. */
class ProgressTest {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Progress log = new Progress(new PrintStream(buffer, true, StandardCharsets.UTF_8), false);

    @Test
    void aLargeTableGetsALineAtEachTenthWithItsRateAndTheTimeLeft() {
        log.begin("users", 20_000);
        for (int i = 0; i < 40; i++) {
            log.advance(500);
        }
        log.end();

        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(10, lines.size(), lines::toString);
        assertTrue(lines.get(0).matches("users +2,000 of 20,000 \\(10%\\), [0-9,]+ rows/s(, ETA \\d+m \\d\\ds)?"),
                lines.get(0));
        assertTrue(lines.get(9).matches("users +20,000 of 20,000 \\(100%\\), [0-9,]+ rows/s"), lines.get(9));
    }

    @Test
    void aSmallTableStaysQuietInALog() {
        log.begin("users", 14);
        log.advance(14);
        log.end();

        assertEquals("", buffer.toString(StandardCharsets.UTF_8));
    }
}
