package dev.restauth.auth;

import dev.restauth.error.ApiException;
import dev.restauth.text.Messages;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.Set;

/**
 * The {@code sessionid} cookie, as DRF's {@code SessionAuthentication}: a live session of an active user
 * authenticates the request; an unknown or expired cookie is simply anonymous. A session-authenticated request with
 * an unsafe method must carry its session's CSRF token in {@code X-CSRFToken}, else 403.
 */
public final class SessionAuthenticator implements Authenticator {
    public static final String CSRF_HEADER = "X-CSRFToken";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Sessions sessions;

    public SessionAuthenticator(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Identity> authenticate(HttpServletRequest request) {
        String id = Cookies.value(request, Sessions.SESSION_COOKIE);
        Optional<Sessions.Live> session = sessions.find(id);
        if (session.isEmpty() || !session.get().user().active()) {
            return Optional.empty();
        }
        if (!SAFE_METHODS.contains(request.getMethod())
                && !sessions.csrfMatches(session.get(), request.getHeader(CSRF_HEADER))) {
            throw ApiException.permissionDenied(Messages.get("auth.csrf_failed"));
        }
        return Optional.of(Identity.session(session.get().user(), id));
    }

    @Override
    public String challenge() {
        return null;
    }

    @Override
    public boolean present(HttpServletRequest request) {
        return Cookies.value(request, Sessions.SESSION_COOKIE) != null;
    }

    @Override
    public boolean readsCookies() {
        return true;
    }
}
