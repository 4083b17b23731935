package dev.restauth;

import dev.restauth.auth.Authentication;
import dev.restauth.config.Settings;
import dev.restauth.auth.Identity;
import dev.restauth.db.DatabaseUnavailableException;
import dev.restauth.error.ApiException;
import dev.restauth.error.NotAuthenticatedException;
import dev.restauth.http.ErrorAnswer;
import dev.restauth.http.RequestBody;
import dev.restauth.user.User;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * Library mode: restauth as the authentication of an application's own servlets. Mapped in front of them, it
 * authenticates each request exactly as restauth's endpoints do (the {@code Authorization: Token} header, the
 * {@code sessionid} cookie with its CSRF token on unsafe methods, in the configured order) and passes an
 * authenticated request on with
 * <ul>
 * <li>the request attribute {@link #USER_ATTRIBUTE} holding the {@link User} (see {@link #user});</li>
 * <li>{@code getUserPrincipal()} a {@link UserPrincipal}, {@code getRemoteUser()} the username, and
 * {@code getAuthType()} {@code "Token"} or {@code "Session"}.</li>
 * </ul>
 * Wrong credentials are refused with restauth's own JSON, before the application sees the request: an unknown token
 * is 401 {@code {"detail":"Invalid token."}}, a session request with an unsafe method and no matching
 * {@code X-CSRFToken} is 403. A request without credentials passes through untouched, or, from a filter that
 * {@linkplain #userRequired requires a user}, gets 401 {@code {"detail":"Authentication credentials were not
 * provided."}}. Failures of restauth itself (the database is down) propagate to the container.
 *
 * <p>Built in code with {@link #anonymousAllowed} or {@link #userRequired}, or declared in {@code web.xml} beside
 * {@link RestAuthListener}: it then takes the listener's restauth from the servlet context, and the init parameter
 * {@value #REQUIRE_USER_PARAMETER} {@code = true} makes it require a user. Map it over the application's paths, not
 * over restauth's own prefix, whose endpoints authenticate by themselves. Thread-safe.
 */
public final class RestAuthFilter implements Filter {
    /** Request attribute holding the authenticated {@link User}; absent on anonymous requests. */
    public static final String USER_ATTRIBUTE = "dev.restauth.user";
    /** Filter init parameter: {@code true} refuses requests without credentials. */
    public static final String REQUIRE_USER_PARAMETER = "require-user";

    private Authentication authentication;
    private int maxBodyBytes;
    private boolean requireUser;

    /** For {@code web.xml}: the authentication comes from {@link RestAuthListener} in {@link #init}. */
    public RestAuthFilter() {
    }

    private RestAuthFilter(RestAuth restAuth, boolean requireUser) {
        this.authentication = restAuth.authentication();
        this.maxBodyBytes = restAuth.settings().get(Settings.MAX_BODY_BYTES);
        this.requireUser = requireUser;
    }

    /** A filter that identifies the user where the request carries credentials and lets anonymous requests by. */
    public static RestAuthFilter anonymousAllowed(RestAuth restAuth) {
        return new RestAuthFilter(restAuth, false);
    }

    /** A filter that lets only authenticated requests through. */
    public static RestAuthFilter userRequired(RestAuth restAuth) {
        return new RestAuthFilter(restAuth, true);
    }

    /** The user {@link RestAuthFilter} authenticated for this request; empty when anonymous or not filtered. */
    public static Optional<User> user(ServletRequest request) {
        return Optional.ofNullable((User) request.getAttribute(USER_ATTRIBUTE));
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (authentication != null) {
            return;
        }
        Object app = config.getServletContext().getAttribute(RestAuthListener.APP_ATTRIBUTE);
        if (!(app instanceof RestAuth)) {
            throw new ServletException("no restauth in the servlet context: register " + RestAuthListener.class
                    .getName() + " in web.xml before this filter");
        }
        authentication = ((RestAuth) app).authentication();
        maxBodyBytes = ((RestAuth) app).settings().get(Settings.MAX_BODY_BYTES);
        requireUser = Boolean.parseBoolean(config.getInitParameter(REQUIRE_USER_PARAMETER));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest http = (HttpServletRequest) request;
        Optional<Identity> identity;
        try {
            identity = authentication.authenticate(http);
            if (identity.isEmpty() && requireUser) {
                throw NotAuthenticatedException.missing();
            }
        } catch (ApiException refused) {
            refuse(http, (HttpServletResponse) response, refused);
            return;
        } catch (DatabaseUnavailableException outage) {
            refuse(http, (HttpServletResponse) response, RestAuth.outage(outage));
            return;
        }
        if (identity.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, identity.get().user());
        chain.doFilter(new AuthenticatedRequest(http, identity.get()), response);
    }

    /**
     * Answers {@code refused} for the application. The body nobody will read is read and dropped first (up to the
     * size limit; beyond it the answer says {@code Connection: close}): a container closes a connection whose body was
     * left unread, and a client that was not told loses its next request on it.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, ApiException refused)
            throws IOException {
        if (!RequestBody.drain(request, maxBodyBytes)) {
            response.setHeader("Connection", "close");
        }
        ErrorAnswer.of(refused, authentication).write(response);
    }

    /** The principal of a request restauth authenticated: named by the username, carrying the whole user. */
    public record UserPrincipal(User user) implements Principal {
        @Override
        public String getName() {
            return user.username();
        }
    }

    /** The request as the application sees it: the container's, with restauth's user as its principal. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final Identity identity;
        private final UserPrincipal principal;

        AuthenticatedRequest(HttpServletRequest request, Identity identity) {
            super(request);
            this.identity = identity;
            this.principal = new UserPrincipal(identity.user());
        }

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public String getRemoteUser() {
            return principal.getName();
        }

        @Override
        public String getAuthType() {
            return identity.scheme() == Identity.Scheme.TOKEN ? "Token" : "Session";
        }
    }
}
