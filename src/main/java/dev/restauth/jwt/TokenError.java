package dev.restauth.jwt;

/**
 * A token that is not accepted, with simplejwt's reason as its message ("Token is invalid or expired", "Token has
 * wrong type", ...): the text clients see. Carries no stack trace; it is an answer, not a failure.
 */
public final class TokenError extends RuntimeException {
    TokenError(String message) {
        super(message, null, false, false);
    }
}
