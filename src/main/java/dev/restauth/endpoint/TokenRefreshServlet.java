package dev.restauth.endpoint;

import dev.restauth.account.RefreshToken;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.auth.CsrfCookie;
import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.JwtCookies;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.TokenRefreshSerializer;

/**
 * {@code POST /token/refresh/}: dj-rest-auth's refresh view ({@code get_refresh_view()}, simplejwt's
 * {@code TokenRefreshView} with cookie support). Takes the refresh token from the body's {@code refresh}, else from
 * the refresh cookie, and answers {@code {"access": ..., "access_expiration": ...}} with the access cookie; with
 * rotation also the new refresh token (its cookie, and in the body unless {@code jwt_auth_httponly}). See
 * {@link RefreshToken} for what is refused and for reuse detection. Refusals are 401 {@code {"detail": ...,
 * "code": "token_not_valid"}} with {@code WWW-Authenticate: Bearer realm="api"}.
 *
 * <p>As simplejwt's token views, it reads no credentials. A refresh token taken from the cookie is CSRF-checked when
 * {@code jwt_auth_cookie_use_csrf} is on, as the access cookie is (dj-rest-auth leaves this endpoint unchecked).
 */
public class TokenRefreshServlet extends ApiServlet {
    private final TokenRefreshSerializer serializer;
    private final RefreshToken refreshToken;
    private final JwtCookies cookies;
    private final boolean csrf;

    /** @param csrf whether a refresh token from the cookie needs the CSRF token ({@code jwt_auth_cookie_use_csrf}) */
    public TokenRefreshServlet(TokenRefreshSerializer serializer, RefreshToken refreshToken, JwtCookies cookies,
                               boolean csrf) {
        super(Access.PUBLIC, "POST");
        this.serializer = serializer;
        this.refreshToken = refreshToken;
        this.cookies = cookies;
        this.csrf = csrf;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        String token = serializer.validate(request.data());
        if (token == null && cookies.refreshName() != null) {
            token = request.cookie(cookies.refreshName());
            if (token != null && csrf) {
                CsrfCookie.check(request.raw());
            }
        }
        JsonWebTokens.Pair refreshed = refreshToken.run(token);
        ApiResponse response = ApiResponse.ok(serializer.render(refreshed));
        cookies.set(refreshed.access(), refreshed.refresh()).forEach(response::cookie);
        return response;
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("jwt").post(Operation.of("A new access token for a refresh token")
                .body(serializer.schema())
                .answers(200, "The new access token (and refresh token, with rotation).", Schema.object()
                        .field("access", Schema.string()).field("access_expiration", Schema.string("date-time"))
                        .optional("refresh", Schema.string())
                        .optional("refresh_expiration", Schema.string("date-time")).build(),
                        LoginResponse.cookieHeaders())
                .invalid("Field errors.")
                .answers(401, "The refresh token is not valid.", Schema.credentialsRefused(),
                        java.util.Map.of("WWW-Authenticate", "`Bearer realm=\"api\"`"))
                .refuses(403, "A refresh token from its cookie without the CSRF token (`jwt_auth_cookie_use_csrf`)."));
    }
}
