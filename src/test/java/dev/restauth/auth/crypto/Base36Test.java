package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base36Test {
    // Django 3.2.25's int_to_base36 for these values (src/test/django/crypto_vectors.py).
    @Test
    void encodesLikeDjango() {
        assertEquals("0", Base36.encode(0));
        assertEquals("1", Base36.encode(1));
        assertEquals("z", Base36.encode(35));
        assertEquals("10", Base36.encode(36));
        assertEquals("zz", Base36.encode(1295));
        assertEquals("100", Base36.encode(1296));
        assertEquals("1y2p0ij32e8e7", Base36.encode(Long.MAX_VALUE));
    }

    @Test
    void decodesWhatItEncodes() {
        for (long value : new long[] {0, 1, 35, 36, 1295, 1296, 736_672_089, Long.MAX_VALUE}) {
            assertEquals(OptionalLong.of(value), Base36.decode(Base36.encode(value)));
        }
    }

    @Test
    void decodeAcceptsLeadingZeros() {
        assertEquals(OptionalLong.of(35), Base36.decode("000z"));
    }

    @Test
    void encodeRefusesNegativeNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Base36.encode(-1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Z", "1A", "-1", "+1", " 1", "1 ", "1_0", "é", "zzzzzzzzzzzzz", "1y2p0ij32e8e8",
        "00000000000001"})
    void decodeRefusesAnythingButLowerCaseDigitsThatFitALong(String text) {
        assertEquals(OptionalLong.empty(), Base36.decode(text));
    }

    @Test
    void decodeOfNullIsEmpty() {
        assertEquals(OptionalLong.empty(), Base36.decode(null));
    }
}
