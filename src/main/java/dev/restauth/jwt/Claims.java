package dev.restauth.jwt;

import java.time.Instant;

/**
 * What a token says, simplejwt's payload {@code {"token_type", "exp", "iat", "jti", "user_id"}} (plus {@code aud}
 * and {@code iss} when configured, which {@link JwtCodec} adds and checks itself).
 *
 * @param tokenType the {@code token_type} claim, e.g. {@code access}
 * @param expires   {@code exp}, seconds since the epoch
 * @param issuedAt  {@code iat}, seconds since the epoch; null when a token has none
 * @param jti       the token's id ({@link Jti})
 * @param userId    {@code user_id}, the user's pk; null when a token has no usable one
 */
public record Claims(String tokenType, long expires, Long issuedAt, String jti, Long userId) {
    /**
     * When the token was issued, to the millisecond when its id carries it ({@link Jti}), else to the second of
     * {@code iat}; null when neither says.
     */
    public Instant issued() {
        return Jti.issued(jti).orElseGet(() -> issuedAt == null ? null : Instant.ofEpochSecond(issuedAt));
    }

    /** Whether this is a token of that type. */
    public boolean is(TokenType type) {
        return type.claim().equals(tokenType);
    }
}
