package dev.restauth.auth;

import dev.restauth.config.Settings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The {@code Set-Cookie} values of {@link Sessions}, as Django writes them: {@code sessionid} (HttpOnly, for
 * {@code session_cookie_age}) and {@code csrftoken} (readable by the page's script, for a year), both {@code Secure}
 * with {@code cookie_secure}. Thread-safe.
 */
public final class SessionCookies {
    private static final long CSRF_COOKIE_AGE = 31_449_600; // Django's CSRF_COOKIE_AGE: one year

    private final Clock clock;
    private final long ageSeconds;
    private final boolean secure;

    public SessionCookies(Clock clock, Settings settings) {
        this.clock = clock;
        this.ageSeconds = settings.get(Settings.SESSION_COOKIE_AGE);
        this.secure = settings.get(Settings.COOKIE_SECURE);
    }

    /** The cookies of a newly opened session. */
    public List<String> opened(Sessions.Opened session) {
        Instant now = clock.instant();
        return List.of(
                Cookies.set(Sessions.CSRF_COOKIE, session.csrfToken(), CSRF_COOKIE_AGE, false, secure, now),
                session(session.id()));
    }

    /** The session cookie for a session id. */
    public String session(String id) {
        return Cookies.set(Sessions.SESSION_COOKIE, id, ageSeconds, true, secure, clock.instant());
    }

    /** Tells the client to drop its session cookie. */
    public String deleteSession() {
        return Cookies.delete(Sessions.SESSION_COOKIE);
    }
}
