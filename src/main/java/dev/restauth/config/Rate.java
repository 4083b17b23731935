package dev.restauth.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit as allauth's {@code ACCOUNT_RATE_LIMITS} writes one: {@code <count>/<period>}, the period a unit
 * ({@code s}, {@code m}, {@code h}, {@code d}) with an optional multiplier, so {@code 30/m} is 30 per minute and
 * {@code 5/5m} is 5 per five minutes. {@code off} turns the one limit off. Immutable.
 *
 * @param count  hits allowed per period; 0 when the limit is off
 * @param period the length of one window; zero when the limit is off
 */
public record Rate(int count, Duration period) {
    /** No limit. */
    public static final Rate OFF = new Rate(0, Duration.ZERO);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})/(\\d{0,6})([smhd])");

    /** True unless this is {@link #OFF}. */
    public boolean on() {
        return count > 0;
    }

    /**
     * Parses {@code 30/m}, {@code 5/5m}, {@code 1/3m}, {@code 20/h}, {@code 100/d} or {@code off}.
     *
     * @throws IllegalArgumentException for anything else, or a count or period of zero
     */
    public static Rate parse(String raw) {
        String text = raw.strip().toLowerCase(Locale.ROOT);
        if (text.equals("off")) {
            return OFF;
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected <count>/<period> such as 30/m or 5/5m (s, m, h, d), "
                    + "or off");
        }
        int count = Integer.parseInt(matcher.group(1));
        long multiplier = matcher.group(2).isEmpty() ? 1 : Long.parseLong(matcher.group(2));
        if (count == 0 || multiplier == 0) {
            throw new IllegalArgumentException("count and period must be positive; write off to turn a limit off");
        }
        Duration unit = switch (matcher.group(3)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
        return new Rate(count, unit.multipliedBy(multiplier));
    }

    /** The rate as it is written in settings, e.g. {@code 5/5m}. */
    @Override
    public String toString() {
        if (!on()) {
            return "off";
        }
        long seconds = period.getSeconds();
        for (long[] unit : new long[][] {{86_400, 'd'}, {3600, 'h'}, {60, 'm'}}) {
            if (seconds % unit[0] == 0) {
                long amount = seconds / unit[0];
                return count + "/" + (amount == 1 ? "" : Long.toString(amount)) + (char) unit[1];
            }
        }
        return count + "/" + (seconds == 1 ? "" : Long.toString(seconds)) + "s";
    }
}
