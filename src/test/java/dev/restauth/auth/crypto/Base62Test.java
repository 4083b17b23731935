package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base62Test {
    @Test
    void usesDjangosAlphabetDigitsThenUpperThenLower() {
        assertEquals("0", Base62.encode(0));
        assertEquals("9", Base62.encode(9));
        assertEquals("A", Base62.encode(10));
        assertEquals("Z", Base62.encode(35));
        assertEquals("a", Base62.encode(36));
        assertEquals("z", Base62.encode(61));
        assertEquals("10", Base62.encode(62));
    }

    // The timestamp part of Django 3.2.25's signing.dumps(..) at time.time() == 1700000000.
    @Test
    void encodesATimestampAsDjangoSigningDoes() {
        assertEquals("1r31eq", Base62.encode(1_700_000_000L));
        assertEquals(OptionalLong.of(1_700_000_000L), Base62.decode("1r31eq"));
    }

    @Test
    void decodesWhatItEncodes() {
        for (long value : new long[] {0, 1, 61, 62, 3843, 3844, Long.MAX_VALUE}) {
            assertEquals(OptionalLong.of(value), Base62.decode(Base62.encode(value)));
        }
    }

    @Test
    void encodeRefusesNegativeNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Base62.encode(-1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", " 1", "1_0", "a-b", "é", "zzzzzzzzzzzz", "AzL8n0Y58m8"})
    void decodeRefusesAnythingOutsideTheAlphabetOrALong(String text) {
        assertEquals(OptionalLong.empty(), Base62.decode(text));
    }

    @Test
    void decodeOfNullIsEmpty() {
        assertEquals(OptionalLong.empty(), Base62.decode(null));
    }
}
