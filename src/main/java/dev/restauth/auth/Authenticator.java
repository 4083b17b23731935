package dev.restauth.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** One way of proving who a request comes from: DRF's authentication classes. Implementations are thread-safe. */
public interface Authenticator {
    /**
     * The request's identity by this scheme.
     *
     * @return empty when the request carries no credentials of this scheme (the next authenticator is tried)
     * @throws dev.restauth.error.NotAuthenticatedException when credentials of this scheme are present but wrong
     * @throws dev.restauth.error.ApiException 403 when they are right but the request fails a check (CSRF)
     */
    Optional<Identity> authenticate(HttpServletRequest request);

    /** The {@code WWW-Authenticate} challenge of this scheme, or null when it has none (sessions). */
    String challenge();

    /** Whether the request carries credentials of this scheme (right or wrong), so this scheme decides. */
    boolean present(HttpServletRequest request);

    /** Whether this scheme reads cookies, so answers decided by it vary with the {@code Cookie} header. */
    boolean readsCookies();
}
