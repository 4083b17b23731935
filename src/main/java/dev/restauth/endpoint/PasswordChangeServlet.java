package dev.restauth.endpoint;

import com.google.gson.JsonObject;

import dev.restauth.account.Accounts;
import dev.restauth.auth.Identity;
import dev.restauth.auth.SessionService;
import dev.restauth.auth.TokenService;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.PasswordChangeSerializer;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.User;

/**
 * {@code POST /password/change/}: dj-rest-auth's {@code PasswordChangeView}. Accepts {@code new_password1},
 * {@code new_password2} (and {@code old_password} when required), sets the password and answers
 * {@code {"detail":"New password has been saved."}}.
 *
 * <p>Every other session of the user ends. The session the change came through is kept under a new id, and the
 * token survives, as in dj-rest-auth; with {@code logout_on_password_change} the user is logged out everywhere
 * instead: all sessions end and the token is deleted.
 *
 * <p>A refused {@code old_password} counts against the user's {@code throttle_password_change_failed}; when that is
 * full the answer is 429, before the old password is hashed.
 */
public class PasswordChangeServlet extends ApiServlet {
    private final transient PasswordChangeSerializer serializer;
    private final transient Accounts accounts;
    private final transient SessionService sessions;
    private final transient TokenService tokens;
    private final transient Throttle throttle;
    private final boolean logoutOnChange;

    public PasswordChangeServlet(ApiSupport support, PasswordChangeSerializer serializer, Accounts accounts,
                                 SessionService sessions, TokenService tokens, Throttle throttle,
                                 boolean logoutOnChange) {
        super(support, Access.AUTHENTICATED, "POST");
        this.serializer = serializer;
        this.throttle = throttle;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.logoutOnChange = logoutOnChange;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        Identity identity = request.identity().orElseThrow();
        JsonObject data = request.data();
        Throttle.Attempt attempt = throttle.begin(Action.PASSWORD_CHANGE, request.clientAddress(),
                Long.toString(identity.user().id()));
        String password = GuardedValidation.run(attempt, () -> serializer.validate(data, identity.user()),
                "old_password");
        User user = accounts.setPassword(identity.user(), password);
        ApiResponse response = ApiResponse.detail(Messages.get("password_change.done"));
        if (logoutOnChange) {
            sessions.closeAll(user.id());
            tokens.revoke(user.id());
        } else if (identity.scheme() == Identity.Scheme.SESSION) {
            response.cookie(sessions.sessionCookie(sessions.keepAfterPasswordChange(identity.sessionId(), user)))
                    .usedSession();
        } else {
            sessions.closeAll(user.id());
            response.usedSession();
        }
        return response;
    }
}
