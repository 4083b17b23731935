package dev.restauth.auth.crypto;

/** Reads the numbers of encoded password hashes. Stateless and thread-safe. */
final class Decimal {
    private Decimal() {
    }

    /**
     * The value of {@code digits} if it is what Python's {@code "%d"} writes for a positive {@code int}: ASCII digits
     * without sign, spaces or leading zero; otherwise -1. Anything else cannot have been written by Django, so no
     * genuine hash is refused.
     */
    static int positiveInt(String digits) {
        if (digits.isEmpty() || digits.length() > 10 || digits.charAt(0) == '0'
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long value = Long.parseLong(digits);
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }
}
