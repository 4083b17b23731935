package dev.restauth.endpoint.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as DRF's {@code DateTimeField} writes them. */
final class Times {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** ISO 8601 in UTC with {@code Z}, microseconds when there are any; null stays null. */
    static String drf(Instant instant) {
        if (instant == null) {
            return null;
        }
        int micros = instant.getNano() / 1000;
        return SECONDS.format(instant) + (micros == 0 ? "" : String.format(".%06d", micros)) + "Z";
    }
}
