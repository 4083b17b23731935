package dev.restauth.endpoint.passkeys;

import dev.restauth.account.PasskeyLogin;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.auth.Sessions;
import dev.restauth.endpoint.LoginResponse;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.PasskeyLoginCompleteSerializer;

/**
 * {@code POST /passkeys/login/complete/}: dj-rest-auth's {@code PasskeyLoginCompleteView}. Takes {@code credential}
 * (what {@code navigator.credentials.get()} answered) and {@code session_id}; answers as login does, with no
 * second-factor step. 400 {@code {"session_id":["This value does not match the required pattern."]}}, or
 * {@code non_field_errors} (see {@link PasskeyLogin}); 429 over the per-IP login limit.
 */
public class PasskeyLoginCompleteServlet extends ApiServlet {
    private final PasskeyLoginCompleteSerializer serializer;
    private final PasskeyLogin login;
    private final LoginResponse response;

    public PasskeyLoginCompleteServlet(PasskeyLoginCompleteSerializer serializer, PasskeyLogin login,
                                       LoginResponse response) {
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
        return EndpointDoc.of("passkeys").post(Operation.of("Log in with a passkey")
                .body(serializer.schema())
                .answers(200, "Logged in.", response.schema(), LoginResponse.cookieHeaders())
                .invalid("An expired challenge, a failed verification, or field errors.")
                .throttled());
    }
}
