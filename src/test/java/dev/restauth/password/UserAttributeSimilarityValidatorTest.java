package dev.restauth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restauth.password.UserAttributeSimilarityValidator.Attribute;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values checked against Django 3.2.25 and CPython 3.11's difflib. */
class UserAttributeSimilarityValidatorTest {
    private static final UserAttributes EVERYTHING =
            new UserAttributes("jdoe", "jane.doe@example.com", "Jane", "Doe");

    @Test
    void nullUserChecksNothing() {
        assertEquals(List.of(), new UserAttributeSimilarityValidator().validate("jdoe", null));
    }

    @Test
    void userWithoutAttributesChecksNothing() {
        assertEquals(List.of(), new UserAttributeSimilarityValidator()
                .validate("jdoe", new UserAttributes(null, null, null, null)));
    }

    @Test
    void everyAttributeHasDjangosVerboseName() {
        UserAttributeSimilarityValidator validator = new UserAttributeSimilarityValidator();
        assertEquals(List.of("The password is too similar to the username."),
                validator.validate("JDOE", EVERYTHING));
        assertEquals(List.of("The password is too similar to the first name."),
                validator.validate("jane", new UserAttributes(null, null, "Jane", null)));
        assertEquals(List.of("The password is too similar to the last name."),
                validator.validate("doe", new UserAttributes(null, null, null, "Doe")));
        assertEquals(List.of("The password is too similar to the email address."),
                validator.validate("example", EVERYTHING));
    }

    @Test
    void onlyTheConfiguredAttributesAreComparedInTheirOrder() {
        UserAttributeSimilarityValidator validator =
                new UserAttributeSimilarityValidator(List.of(Attribute.LAST_NAME, Attribute.USERNAME), 0.7);
        assertEquals(List.of(), validator.validate("jane", EVERYTHING));
        assertEquals(List.of("The password is too similar to the last name."),
                validator.validate("doe", new UserAttributes("doe", null, null, "Doe")));
    }

    @Test
    void lowerMaximumSimilarityRejectsMore() {
        // quick_ratio("alice", "alice_yihn7e") is 0.588...: similar at 0.5, not at the default 0.7.
        UserAttributes user = new UserAttributes("alice_yihn7e", null, null, null);
        assertEquals(List.of(), new UserAttributeSimilarityValidator().validate("alice", user));
        assertEquals(List.of("The password is too similar to the username."),
                new UserAttributeSimilarityValidator(0.5).validate("alice", user));
    }

    @Test
    void maximumSimilarityBelowOneTenthIsRefusedWithDjangosMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UserAttributeSimilarityValidator(0.09));
        assertEquals("max_similarity must be at least 0.1", e.getMessage());
    }

    @Test
    void quickRatioMatchesDifflib() {
        assertEquals(1.0, ratio("abcd", "dcba"));
        assertEquals(0.6666666666666666, ratio("aab", "abb"));
        assertEquals(1.0, ratio("", ""));
        assertEquals(0.0, ratio("abc", ""));
        assertEquals(0.5882352941176471, ratio("alice", "alice_yihn7e"));
        assertEquals(0.8, ratio("\uD83D\uDE00a", "a\uD83D\uDE00\uD83D\uDE00"));
    }

    private static double ratio(String a, String b) {
        return UserAttributeSimilarityValidator.quickRatio(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
