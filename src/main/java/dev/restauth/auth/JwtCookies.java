package dev.restauth.auth;

import dev.restauth.config.Settings;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Set-Cookie} values of JWT mode, as dj-rest-auth's {@code set_jwt_cookies} and {@code unset_jwt_cookies}
 * write them: the access token in {@code jwt_auth_cookie} for the access lifetime, the refresh token in
 * {@code jwt_auth_refresh_cookie} for the refresh lifetime on {@code jwt_auth_refresh_cookie_path}; {@code HttpOnly},
 * {@code Secure}, {@code SameSite} and {@code Domain} as set. A cookie without a name is never written. Also the
 * {@code csrftoken} a login hands out when the access cookie is CSRF-checked. Thread-safe.
 */
public final class JwtCookies {
    private static final long CSRF_COOKIE_AGE = 31_449_600; // Django's CSRF_COOKIE_AGE: one year
    private static final String CSRF_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int CSRF_LENGTH = 64;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final String accessName;
    private final String refreshName;
    private final long accessAge;
    private final long refreshAge;
    private final boolean httpOnly;
    private final boolean csrf;
    private final boolean csrfSecure;
    private final Cookies.Attributes accessAttributes;
    private final Cookies.Attributes refreshAttributes;

    public JwtCookies(Clock clock, Settings settings) {
        this.clock = clock;
        this.accessName = settings.get(Settings.JWT_AUTH_COOKIE);
        this.refreshName = settings.get(Settings.JWT_AUTH_REFRESH_COOKIE);
        this.accessAge = settings.get(Settings.JWT_ACCESS_TOKEN_LIFETIME);
        this.refreshAge = settings.get(Settings.JWT_REFRESH_TOKEN_LIFETIME);
        this.httpOnly = settings.get(Settings.JWT_AUTH_HTTPONLY);
        this.csrf = settings.get(Settings.JWT_AUTH_COOKIE_USE_CSRF)
                || settings.get(Settings.JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED);
        this.csrfSecure = settings.get(Settings.COOKIE_SECURE);
        String domain = settings.get(Settings.JWT_AUTH_COOKIE_DOMAIN);
        String sameSite = settings.get(Settings.JWT_AUTH_SAMESITE);
        boolean secure = settings.get(Settings.JWT_AUTH_SECURE);
        this.accessAttributes = new Cookies.Attributes(domain, "/", sameSite, httpOnly, secure);
        this.refreshAttributes = new Cookies.Attributes(domain, settings.get(Settings.JWT_AUTH_REFRESH_COOKIE_PATH),
                sameSite, httpOnly, secure);
    }

    /** The name of the access cookie, or null when there is none. */
    public String accessName() {
        return accessName;
    }

    /** The name of the refresh cookie, or null when there is none. */
    public String refreshName() {
        return refreshName;
    }

    /** Whether the refresh token travels only in its cookie ({@code jwt_auth_httponly}). */
    public boolean httpOnly() {
        return httpOnly;
    }

    /** The cookies of a login or refresh: the access cookie, and the refresh cookie when {@code refresh} is given. */
    public List<String> set(String access, String refresh) {
        List<String> cookies = new ArrayList<>(2);
        if (accessName != null) {
            cookies.add(Cookies.set(accessName, access, accessAge, accessAttributes, clock.instant()));
        }
        if (refreshName != null && refresh != null) {
            cookies.add(Cookies.set(refreshName, refresh, refreshAge, refreshAttributes, clock.instant()));
        }
        return cookies;
    }

    /**
     * A new {@code csrftoken} cookie for a login whose cookies are CSRF-checked (readable by the page's script, for
     * a year, as Django's), or null when they are not.
     */
    public String csrf() {
        if (!csrf) {
            return null;
        }
        StringBuilder token = new StringBuilder(CSRF_LENGTH);
        for (int i = 0; i < CSRF_LENGTH; i++) {
            token.append(CSRF_CHARS.charAt(random.nextInt(CSRF_CHARS.length())));
        }
        return Cookies.set(Sessions.CSRF_COOKIE, token.toString(), CSRF_COOKIE_AGE, false, csrfSecure,
                clock.instant());
    }

    /** What logout sends: both cookies dropped. */
    public List<String> delete() {
        List<String> cookies = new ArrayList<>(2);
        if (accessName != null) {
            cookies.add(Cookies.delete(accessName, accessAttributes));
        }
        if (refreshName != null) {
            cookies.add(Cookies.delete(refreshName, refreshAttributes));
        }
        return cookies;
    }
}
