package dev.restauth.http;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The two headers every answer under the mount prefix carries. {@code X-Content-Type-Options: nosniff} keeps a
 * browser from reading a JSON answer as anything but JSON. {@code Cache-Control: no-store} keeps tokens, keys and
 * session cookies out of every cache on the way (RFC 6749, section 5.1, asks it of answers carrying tokens); it is set
 * on every answer, as nothing restauth answers is worth caching and one rule cannot miss a token-bearing answer.
 */
public final class SecurityHeaders {
    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String NOSNIFF = "nosniff";
    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String NO_STORE = "no-store";

    private SecurityHeaders() {
    }

    /** Sets both headers, replacing any earlier value. */
    public static void set(HttpServletResponse response) {
        response.setHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
        response.setHeader(CACHE_CONTROL, NO_STORE);
    }
}
