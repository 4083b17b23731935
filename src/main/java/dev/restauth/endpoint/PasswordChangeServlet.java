package dev.restauth.endpoint;

import com.google.gson.JsonObject;

import dev.restauth.account.ChangePassword;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.auth.SessionCookies;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.PasswordChangeSerializer;
import dev.restauth.text.Messages;

/**
 * {@code POST /password/change/}: dj-rest-auth's {@code PasswordChangeView}. Accepts {@code new_password1},
 * {@code new_password2} (and {@code old_password} when required), sets the password and answers
 * {@code {"detail":"New password has been saved."}}.
 *
 * <p>Every other session of the user ends. The session the change came through is kept under a new id (a new
 * {@code sessionid} cookie), and the token survives, as in dj-rest-auth; with {@code logout_on_password_change} the
 * user is logged out everywhere instead. A refused {@code old_password} counts against the user's
 * {@code throttle_password_change_failed}; when that is full the answer is 429 (see {@link ChangePassword}).
 */
public class PasswordChangeServlet extends ApiServlet {
    private final PasswordChangeSerializer serializer;
    private final ChangePassword changePassword;
    private final SessionCookies cookies;

    public PasswordChangeServlet(PasswordChangeSerializer serializer, ChangePassword changePassword,
                                 SessionCookies cookies) {
        super(Access.AUTHENTICATED, "POST");
        this.serializer = serializer;
        this.changePassword = changePassword;
        this.cookies = cookies;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        JsonObject data = request.data();
        ChangePassword.Changed changed = changePassword.run(request.identity().orElseThrow(),
                request.client(), user -> serializer.validate(data, user));
        ApiResponse response = ApiResponse.detail(Messages.get("password_change.done"));
        if (changed.keptSessionId() != null) {
            response.cookie(cookies.session(changed.keptSessionId()));
        }
        if (changed.sessionUsed()) {
            response.usedSession();
        }
        return response;
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("auth").post(Operation.of("Change the password")
                .body(serializer.schema())
                .answers(200, "Password changed.", Schema.detail(), LoginResponse.cookieHeaders())
                .invalid("A wrong old password, or field errors.")
                .throttled()
                .refuses(503, "Too many passwords are being checked at once; try again."));
    }
}
