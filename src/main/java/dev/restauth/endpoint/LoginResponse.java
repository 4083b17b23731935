package dev.restauth.endpoint;

import dev.restauth.account.SignedIn;
import dev.restauth.auth.SessionCookies;
import dev.restauth.http.ApiResponse;
import dev.restauth.serializer.TokenSerializer;

/**
 * The one way a login is answered, by login, registration, social login and connect alike (dj-rest-auth's
 * {@code LoginView.get_response}): the token serializer's body when a token was issued, and the session's cookies
 * when one was opened. Thread-safe.
 */
public final class LoginResponse {
    private final TokenSerializer tokenSerializer;
    private final SessionCookies cookies;

    public LoginResponse(TokenSerializer tokenSerializer, SessionCookies cookies) {
        this.tokenSerializer = tokenSerializer;
        this.cookies = cookies;
    }

    /** 200 with the token's body (login, social login and connect). */
    public ApiResponse ok(SignedIn signedIn) {
        return withSession(ApiResponse.ok(tokenSerializer.render(signedIn.tokenKey(), signedIn.user())), signedIn);
    }

    /** A new account logged in at once: 201 with the token's body, or 204 when a session answers instead. */
    public ApiResponse created(SignedIn signedIn) {
        if (signedIn.tokenKey() == null) {
            return withSession(ApiResponse.noContent(), signedIn);
        }
        return withSession(ApiResponse.created(tokenSerializer.render(signedIn.tokenKey(), signedIn.user())),
                signedIn);
    }

    private ApiResponse withSession(ApiResponse response, SignedIn signedIn) {
        if (signedIn.session() != null) {
            cookies.opened(signedIn.session()).forEach(response::cookie);
            response.usedSession();
        }
        return response;
    }
}
