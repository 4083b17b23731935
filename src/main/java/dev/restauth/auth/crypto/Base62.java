package dev.restauth.auth.crypto;

import java.util.OptionalLong;

/**
 * Base 62 with Django's alphabet {@code 0-9A-Za-z} ({@code django.utils.baseconv.base62}): the timestamp in a signed
 * value. Stateless and thread-safe.
 */
public final class Base62 {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62() {
    }

    /**
     * The base-62 digits of {@code value} without leading zeros ({@code 0 -> "0"}, {@code 61 -> "z"},
     * {@code 62 -> "10"}).
     *
     * @throws IllegalArgumentException if {@code value} is negative (Django would prefix a '-'; no timestamp needs it)
     */
    public static String encode(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative base62 input");
        }
        if (value == 0) {
            return "0";
        }
        StringBuilder digits = new StringBuilder(11);
        while (value > 0) {
            digits.append(ALPHABET.charAt((int) (value % 62)));
            value /= 62;
        }
        return digits.reverse().toString();
    }

    /**
     * The value of {@code text}, or empty unless it is one or more characters of the alphabet whose value fits in
     * a {@code long} (leading zeros are accepted, as by Django). Never throws; {@code null} gives empty.
     */
    public static OptionalLong decode(CharSequence text) {
        if (text == null || text.length() == 0) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                digit = c - 'A' + 10;
            } else if (c >= 'a' && c <= 'z') {
                digit = c - 'a' + 36;
            } else {
                return OptionalLong.empty();
            }
            if (value > (Long.MAX_VALUE - digit) / 62) {
                return OptionalLong.empty();
            }
            value = value * 62 + digit;
        }
        return OptionalLong.of(value);
    }
}
