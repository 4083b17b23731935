package dev.restauth.auth.crypto;

/**
 * Django's {@code BadSignature}: a signed value was tampered with, made with another key or salt, or is not a
 * signed value at all. The message never repeats the input.
 */
public class BadSignatureException extends Exception {
    public BadSignatureException(String message) {
        super(message);
    }

    BadSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
