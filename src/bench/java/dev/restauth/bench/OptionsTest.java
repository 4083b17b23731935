package dev.restauth.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    @Test
    void theDatabaseIsH2UnlessSaidAndPostgresqlSkipsTheMillionUserTable() {
        Options h2 = Options.parse(new String[0]);
        assertEquals("h2", h2.database());
        assertEquals(List.of(1_000, 100_000, 1_000_000), h2.sizes());

        Options postgresql = Options.parse(new String[] {"--database", "postgresql", "--runs", "1"});
        assertEquals("postgresql", postgresql.database());
        assertEquals(List.of(1_000, 100_000), postgresql.sizes());
        assertEquals(100_000, postgresql.mainSize());
        assertEquals(1, postgresql.runs());
    }

    @Test
    void anUnknownDatabaseOrAMissingValueIsRefusedWithTheUsage() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--database", "oracle"}));
        assertTrue(unknown.getMessage().contains(Options.USAGE), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--database"}));
    }
}
