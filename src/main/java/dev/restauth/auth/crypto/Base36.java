package dev.restauth.auth.crypto;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Base 36 with digits {@code 0-9a-z}, as Django's {@code int_to_base36}/{@code base36_to_int}: reset-link uids and
 * reset-token timestamps. Stateless and thread-safe.
 */
public final class Base36 {
    /** Django refuses longer input before parsing; 13 digits hold any non-negative {@code long}. */
    static final int MAX_LENGTH = 13;
    private static final Pattern DIGITS = Pattern.compile("[0-9a-z]{1," + MAX_LENGTH + "}");

    private Base36() {
    }

    /**
     * The base-36 digits of {@code value}, lower case, without leading zeros ({@code 0 -> "0"}, {@code 35 -> "z"},
     * {@code 36 -> "10"}).
     *
     * @throws IllegalArgumentException if {@code value} is negative, as Django does
     */
    public static String encode(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative base36 input");
        }
        return Long.toString(value, 36);
    }

    /**
     * The value of {@code text}, or empty unless it is 1 to 13 characters of {@code [0-9a-z]} whose value fits in
     * a {@code long}. Stricter than Django's {@code int(s, 36)}, which also takes upper case, signs, spaces and
     * underscores: none of those can appear in what {@link #encode} makes, so nothing genuine is refused.
     * Never throws; {@code null} gives empty.
     */
    public static OptionalLong decode(CharSequence text) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.toString(), 36));
        } catch (NumberFormatException overflow) {
            return OptionalLong.empty();
        }
    }
}
