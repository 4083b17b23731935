package dev.restauth.jwt;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Token ids ({@code jti}): UUIDv7s (RFC 9562) written as 32 lower-case hex digits, the shape of simplejwt's
 * {@code uuid4().hex}. Their first 48 bits are the issue time in milliseconds, which is what per-user revocation
 * compares: {@code iat} has only whole seconds, too coarse to tell a token issued just before a logout from one
 * issued just after. The other 74 bits are random. Thread-safe.
 */
public final class Jti {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Jti() {
    }

    /** A new id stamped with {@code issued}. */
    public static String create(Instant issued) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        long millis = issued.toEpochMilli();
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (40 - 8 * i));
        }
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x70); // version 7
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // variant 10
        return HEX.formatHex(bytes);
    }

    /** The issue time an id carries; empty for an id of another shape (a token restauth did not issue). */
    public static Optional<Instant> issued(String jti) {
        if (jti == null || jti.length() != 32 || jti.charAt(12) != '7' || "89ab".indexOf(jti.charAt(16)) < 0
                || !jti.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(jti.substring(0, 12), 16)));
    }
}
