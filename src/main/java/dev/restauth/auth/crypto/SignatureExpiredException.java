package dev.restauth.auth.crypto;

/** Django's {@code SignatureExpired}: the signature is genuine but older than the maximum age asked for. */
public final class SignatureExpiredException extends BadSignatureException {
    public SignatureExpiredException(String message) {
        super(message);
    }
}
