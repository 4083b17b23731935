package dev.restauth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected messages checked against Django 3.2.25's MinimumLengthValidator. */
class MinimumLengthValidatorTest {

    @Test
    void defaultMinimumIsEight() {
        MinimumLengthValidator validator = new MinimumLengthValidator();
        assertEquals(8, validator.minLength());
        assertEquals(List.of("This password is too short. It must contain at least 8 characters."),
                validator.validate("abcdefg", null));
        assertEquals(List.of(), validator.validate("abcdefgh", null));
    }

    @Test
    void minimumOfOneUsesTheSingularMessage() {
        assertEquals(List.of("This password is too short. It must contain at least 1 character."),
                new MinimumLengthValidator(1).validate("", null));
    }

    @Test
    void minimumOfTwoUsesThePluralMessage() {
        assertEquals(List.of("This password is too short. It must contain at least 2 characters."),
                new MinimumLengthValidator(2).validate("x", null));
    }

    @Test
    void minimumOfZeroOrLessAcceptsTheEmptyPassword() {
        assertEquals(List.of(), new MinimumLengthValidator(0).validate("", null));
        assertEquals(List.of(), new MinimumLengthValidator(-1).validate("", null));
    }

    @Test
    void lengthCountsCodePointsNotUtf16Chars() {
        MinimumLengthValidator validator = new MinimumLengthValidator(2);
        // One emoji is two Java chars but one Python character.
        assertEquals(List.of("This password is too short. It must contain at least 2 characters."),
                validator.validate("\uD83D\uDE00", null));
        assertEquals(List.of(), validator.validate("\uD83D\uDE00\uD83D\uDE00", null));
    }
}
