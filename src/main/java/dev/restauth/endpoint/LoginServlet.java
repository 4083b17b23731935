package dev.restauth.endpoint;

import dev.restauth.account.Login;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.auth.Sessions;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.LoginSerializer;

/**
 * {@code POST /login/}: dj-rest-auth's {@code LoginView}. Checks the credentials and returns the user's token,
 * {@code 200 {"key": "<40 hex>"}}; the same key on every login until logout. With session login on, also opens a
 * session ({@code sessionid} and {@code csrftoken} cookies).
 *
 * <p>Accepts {@code username} or {@code email} (per the authentication method) and {@code password}. Answers 400
 * {@code non_field_errors} "Unable to log in with provided credentials." for a wrong password, an unknown or an
 * inactive user alike, and "E-mail is not verified." under mandatory verification. Too many attempts from one IP, or
 * failures for one login, answer 429 {@code {"detail":"Request was throttled. Expected available in N seconds."}}
 * with {@code Retry-After} (see {@link Login}).
 */
public class LoginServlet extends ApiServlet {
    private final LoginSerializer serializer;
    private final Login login;
    private final LoginResponse response;

    public LoginServlet(LoginSerializer serializer, Login login, LoginResponse response) {
        super(Access.ANYONE, "POST");
        this.serializer = serializer;
        this.login = login;
        this.response = response;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        return response.ok(login.run(serializer.validate(request.data()), request.client(),
                request.cookie(Sessions.SESSION_COOKIE)));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("auth").post(Operation.of("Log in")
                .description("With `username` or `email` (per `authentication_method`) and `password`; answers the "
                        + "token (or the JWTs), or the second-factor step when the user has one.")
                .body(serializer.schema())
                .answers(200, "Logged in.", response.schema(), LoginResponse.cookieHeaders())
                .invalid("Wrong credentials (\"Unable to log in with provided credentials.\"), an unverified "
                        + "address, or field errors.")
                .throttled()
                .refuses(503, "Too many passwords are being checked at once; try again."));
    }
}
