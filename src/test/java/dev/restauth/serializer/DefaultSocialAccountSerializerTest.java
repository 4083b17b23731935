package dev.restauth.serializer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.Instant;

class DefaultSocialAccountSerializerTest {
    @Test
    void timesAreWrittenAsDrfWritesThemInUtc() {
        assertEquals("2026-11-29T00:16:13.123456Z",
                DefaultSocialAccountSerializer.drfDateTime(Instant.parse("2026-11-29T00:16:13.123456789Z")));
        assertEquals("2026-11-29T00:16:13.000100Z",
                DefaultSocialAccountSerializer.drfDateTime(Instant.parse("2026-11-29T00:16:13.0001Z")));
        assertEquals("2026-11-29T00:16:13Z",
                DefaultSocialAccountSerializer.drfDateTime(Instant.parse("2026-11-29T00:16:13Z")));
    }
}
