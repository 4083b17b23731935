package dev.restauth.auth;

import dev.restauth.error.ApiException;
import dev.restauth.text.Messages;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Django's CSRF check as dj-rest-auth's JWT cookie authentication runs it: double submit, with no session behind it.
 * A request with an unsafe method must send a {@code csrftoken} cookie and an {@code X-CSRFToken} header holding the
 * same secret: another site can make a browser send the cookie, but cannot read it to put it in a header. Tokens are
 * Django's: 32 letters and digits (the secret itself) or 64 (the secret masked with a salt), compared by their
 * secret, in constant time. Stateless and thread-safe.
 */
public final class CsrfCookie {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int SECRET_LENGTH = 32;

    private CsrfCookie() {
    }

    /**
     * Passes a request with a safe method or a matching cookie and header.
     *
     * @throws ApiException 403 "CSRF Failed: CSRF cookie not set." or "CSRF Failed: CSRF token missing or
     *                      incorrect.", Django's reasons
     */
    public static void check(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        String cookie = Cookies.value(request, Sessions.CSRF_COOKIE);
        if (cookie == null) {
            throw ApiException.permissionDenied(Messages.get("auth.csrf_cookie_missing"));
        }
        String secret = secret(cookie);
        String sent = secret(request.getHeader(SessionAuthenticator.CSRF_HEADER));
        if (secret == null || sent == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.permissionDenied(Messages.get("auth.csrf_failed"));
        }
    }

    /** The secret of a token (Django's {@code _unmask_cipher_token}), or null for text that is no token. */
    private static String secret(String token) {
        if (token == null || (token.length() != SECRET_LENGTH && token.length() != 2 * SECRET_LENGTH)
                || !token.chars().allMatch(c -> CHARS.indexOf(c) >= 0)) {
            return null;
        }
        if (token.length() == SECRET_LENGTH) {
            return token;
        }
        StringBuilder secret = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            int salt = CHARS.indexOf(token.charAt(i));
            int cipher = CHARS.indexOf(token.charAt(SECRET_LENGTH + i));
            secret.append(CHARS.charAt(Math.floorMod(cipher - salt, CHARS.length())));
        }
        return secret.toString();
    }
}
