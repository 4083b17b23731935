package dev.restauth.password;

import dev.restauth.text.PythonText;
import dev.restauth.text.Messages;
import java.util.List;

/**
 * Django's {@code MinimumLengthValidator}: rejects passwords shorter than a minimum, counted in code points as
 * Python's {@code len()} does, so "😀" is one character even though Java stores it as two chars.
 *
 * <p>Immutable and thread-safe.
 */
public final class MinimumLengthValidator implements PasswordValidator {
    /** Django's default {@code min_length}. */
    public static final int DEFAULT_MIN_LENGTH = 8;

    private final int minLength;

    /** A validator with Django's default minimum of 8. */
    public MinimumLengthValidator() {
        this(DEFAULT_MIN_LENGTH);
    }

    /**
     * A validator requiring {@code minLength} characters. Like Django, any value is accepted; zero or less lets
     * every password through.
     */
    public MinimumLengthValidator(int minLength) {
        this.minLength = minLength;
    }

    /** The configured minimum. */
    public int minLength() {
        return minLength;
    }

    @Override
    public List<String> validate(String password, UserAttributes user) {
        if (PythonText.length(password) >= minLength) {
            return List.of();
        }
        // ngettext with the English plural rule: the singular form only for exactly one.
        String key = minLength == 1 ? "password.too_short.one" : "password.too_short.other";
        return List.of(Messages.get(key, minLength));
    }
}
