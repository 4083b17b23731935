package dev.restauth.endpoint;

import dev.restauth.auth.Credentials;
import dev.restauth.auth.LoginService;
import dev.restauth.auth.SessionService;
import dev.restauth.auth.TokenService;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.LoginSerializer;
import dev.restauth.serializer.TokenSerializer;
import dev.restauth.user.User;

/**
 * {@code POST /login/}: dj-rest-auth's {@code LoginView}. Checks the credentials and returns the user's token,
 * {@code 200 {"key": "<40 hex>"}}; the same key on every login until logout. With session login on, also opens a
 * session ({@code sessionid} and {@code csrftoken} cookies).
 *
 * <p>Accepts {@code username} or {@code email} (per the authentication method) and {@code password}. Answers 400
 * {@code non_field_errors} "Unable to log in with provided credentials." for a wrong password, an unknown or an
 * inactive user alike, and "E-mail is not verified." under mandatory verification. Too many attempts from one IP, or
 * failures for one login, answer 429 {@code {"detail":"Request was throttled. Expected available in N seconds."}}
 * with {@code Retry-After} (see {@link LoginService}).
 */
public class LoginServlet extends ApiServlet {
    private final transient LoginSerializer serializer;
    private final transient TokenSerializer tokenSerializer;
    private final transient LoginService logins;
    private final transient TokenService tokens;
    private final transient SessionService sessions;
    private final boolean sessionLogin;

    public LoginServlet(ApiSupport support, LoginSerializer serializer, TokenSerializer tokenSerializer,
                        LoginService logins, TokenService tokens, SessionService sessions, boolean sessionLogin) {
        this(support, Access.ANYONE, serializer, logins, tokenSerializer, tokens, sessions, sessionLogin);
    }

    /**
     * For views that prove the user some other way and answer as login does (dj-rest-auth's social views extend
     * {@code LoginView}): they override {@link #post} and need no login serializer or password check.
     */
    protected LoginServlet(ApiSupport support, Access access, TokenSerializer tokenSerializer, TokenService tokens,
                           SessionService sessions, boolean sessionLogin) {
        this(support, access, null, null, tokenSerializer, tokens, sessions, sessionLogin);
    }

    private LoginServlet(ApiSupport support, Access access, LoginSerializer serializer, LoginService logins,
                         TokenSerializer tokenSerializer, TokenService tokens, SessionService sessions,
                         boolean sessionLogin) {
        super(support, access, "POST");
        this.serializer = serializer;
        this.tokenSerializer = tokenSerializer;
        this.logins = logins;
        this.tokens = tokens;
        this.sessions = sessions;
        this.sessionLogin = sessionLogin;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        Credentials credentials = serializer.validate(request.data());
        User user = logins.authenticate(credentials, request.clientAddress());
        return respond(user);
    }

    /** The answer for a user who just proved who they are; the social login endpoints answer the same way. */
    protected ApiResponse respond(User user) {
        ApiResponse response = ApiResponse.ok(tokenSerializer.render(tokens.issue(user.id()), user));
        if (sessionLogin) {
            sessions.cookies(sessions.open(user)).forEach(response::cookie);
            response.usedSession();
        }
        return response;
    }
}
