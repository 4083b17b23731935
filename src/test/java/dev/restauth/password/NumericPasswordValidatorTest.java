package dev.restauth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected results checked against Python 3.11's {@code str.isdigit()}. */
class NumericPasswordValidatorTest {
    private static final List<String> NUMERIC = List.of("This password is entirely numeric.");
    private final NumericPasswordValidator validator = new NumericPasswordValidator();

    @Test
    void emptyPasswordIsNotNumeric() {
        assertEquals(List.of(), validator.validate("", null));
    }

    @Test
    void decimalDigitsOfAnyScriptAreNumeric() {
        assertEquals(NUMERIC, validator.validate("0123456789", null));
        assertEquals(NUMERIC, validator.validate("١٢٣٤٥٦٧٨٩٠", null));
        assertEquals(NUMERIC, validator.validate("०१२३", null));
        // Mathematical bold digits, outside the BMP.
        assertEquals(NUMERIC, validator.validate("\uD835\uDFCE\uD835\uDFCF", null));
    }

    @Test
    void digitsThatAreNotDecimalAreNumericToo() {
        assertEquals(NUMERIC, validator.validate("²³¹⁰", null));
        assertEquals(NUMERIC, validator.validate("₀₉", null));
        assertEquals(NUMERIC, validator.validate("①⑨⓪", null));
        assertEquals(NUMERIC, validator.validate("\uD83C\uDD00", null)); // DIGIT ZERO FULL STOP
    }

    @Test
    void otherNumeralsAreNotDigits() {
        for (String password : List.of("ⅫⅫ", "½", "⑩", "三", "1.5", "-1", "12 34", "1a")) {
            assertEquals(List.of(), validator.validate(password, null), password);
        }
    }
}
