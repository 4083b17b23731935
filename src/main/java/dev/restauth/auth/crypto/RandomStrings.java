package dev.restauth.auth.crypto;

import java.security.SecureRandom;

/** Django's {@code get_random_string}: letters and digits from a CSPRNG. Thread-safe. */
final class RandomStrings {
    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomStrings() {
    }

    static String lettersAndDigits(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALLOWED.charAt(RANDOM.nextInt(ALLOWED.length()));
        }
        return new String(chars);
    }
}
