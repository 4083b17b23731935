package dev.restauth.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Optional;

/**
 * The configured authenticators, tried in order; the first that recognises its credentials decides. The first
 * authenticator's challenge decides whether unauthenticated requests get 401 (with {@code WWW-Authenticate}) or
 * 403, as in DRF. Immutable and thread-safe.
 */
public final class Authentication {
    private final List<Authenticator> authenticators;

    public Authentication(List<Authenticator> authenticators) {
        this.authenticators = List.copyOf(authenticators);
    }

    /** The identity of the request, or empty for an anonymous one. */
    public Optional<Identity> authenticate(HttpServletRequest request) {
        for (Authenticator authenticator : authenticators) {
            Optional<Identity> identity = authenticator.authenticate(request);
            if (identity.isPresent()) {
                return identity;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the answer to this request depends on its cookies, as Django marks an answer that touched the session:
     * true when a scheme that reads them (the session) is consulted, that is unless a scheme that ignores the session
     * (the token, a JWT) decides before it, or none is configured. Feeds the {@code Vary} header.
     */
    public boolean variesByCookie(HttpServletRequest request) {
        for (Authenticator authenticator : authenticators) {
            if (authenticator.readsCookies()) {
                return true;
            }
            if (authenticator.present(request)) {
                return false;
            }
        }
        return false;
    }

    /** The challenge for a 401, or null when unauthenticated requests get 403. */
    public String challenge() {
        return authenticators.isEmpty() ? null : authenticators.get(0).challenge();
    }
}
