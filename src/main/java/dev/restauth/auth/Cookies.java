package dev.restauth.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code Set-Cookie} values written the way Django writes them ({@code expires}, {@code Max-Age}, {@code Path=/},
 * {@code SameSite=Lax}), so clients see the same cookies as from dj-rest-auth. Cookie values here are always
 * [A-Za-z0-9], which need no quoting.
 */
public final class Cookies {
    private static final DateTimeFormatter EXPIRES =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private Cookies() {
    }

    /** A cookie that lives {@code maxAgeSeconds} from {@code now}. */
    public static String set(String name, String value, long maxAgeSeconds, boolean httpOnly, boolean secure,
                             Instant now) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; expires=").append(EXPIRES.format(now.plusSeconds(maxAgeSeconds)));
        if (httpOnly) {
            cookie.append("; HttpOnly");
        }
        cookie.append("; Max-Age=").append(maxAgeSeconds).append("; Path=/; SameSite=Lax");
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }

    /**
     * A cookie with every attribute Django's {@code set_cookie} writes, in its order: {@code Domain} (when given),
     * {@code expires}, {@code HttpOnly}, {@code Max-Age}, {@code Path}, {@code SameSite}, {@code Secure}.
     */
    public static String set(String name, String value, long maxAgeSeconds, Attributes attributes, Instant now) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value);
        if (attributes.domain() != null) {
            cookie.append("; Domain=").append(attributes.domain());
        }
        cookie.append("; expires=").append(EXPIRES.format(now.plusSeconds(maxAgeSeconds)));
        if (attributes.httpOnly()) {
            cookie.append("; HttpOnly");
        }
        cookie.append("; Max-Age=").append(maxAgeSeconds).append("; Path=").append(attributes.path())
                .append("; SameSite=").append(attributes.sameSite());
        if (attributes.secure()) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }

    /** Tells the client to drop a cookie set with these attributes, as Django's {@code delete_cookie}. */
    public static String delete(String name, Attributes attributes) {
        return name + "=\"\"" + (attributes.domain() != null ? "; Domain=" + attributes.domain() : "")
                + "; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=" + attributes.path() + "; SameSite="
                + attributes.sameSite();
    }

    /**
     * Where a cookie is sent and who may read it.
     *
     * @param domain   {@code Domain}, or null for the host that set it
     * @param sameSite {@code Lax}, {@code Strict} or {@code None}
     */
    public record Attributes(String domain, String path, String sameSite, boolean httpOnly, boolean secure) {
    }

    /** The value of a request cookie, or null when the request has none of that name. */
    public static String value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** Tells the client to drop a cookie, as Django's {@code delete_cookie}. */
    public static String delete(String name) {
        return name + "=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";
    }
}
