package dev.restauth.user;

import dev.restauth.text.PythonText;

/**
 * Django's {@code UnicodeUsernameValidator}, {@code ^[\w.@+-]+\Z}, with Python's Unicode {@code \w}: letters,
 * digits and underscores of any script, plus {@code . @ + -}.
 */
public final class UsernameValidator {
    private UsernameValidator() {
    }

    public static boolean isValid(String username) {
        return !username.isEmpty()
                && username.codePoints().allMatch(c -> PythonText.isWord(c) || c == '.' || c == '@' || c == '+'
                        || c == '-');
    }
}
