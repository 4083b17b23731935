package dev.restauth.endpoint;

import dev.restauth.auth.Identity;
import dev.restauth.auth.SessionService;
import dev.restauth.auth.TokenService;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.text.Messages;

import java.util.Optional;

/**
 * {@code POST /logout/}: dj-rest-auth's {@code LogoutView}. Deletes the caller's token (the next login issues a new
 * one) and ends the session the request came with. Open to anyone: without credentials it still answers
 * {@code 200 {"detail":"Successfully logged out."}}; a bad token is 401 like everywhere.
 */
public class LogoutServlet extends ApiServlet {
    private final transient TokenService tokens;
    private final transient SessionService sessions;
    private final boolean sessionLogin;

    public LogoutServlet(ApiSupport support, TokenService tokens, SessionService sessions, boolean sessionLogin) {
        super(support, Access.ANYONE, "POST");
        this.tokens = tokens;
        this.sessions = sessions;
        this.sessionLogin = sessionLogin;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        ApiResponse response = ApiResponse.detail(Messages.get("logout.done"));
        Optional<Identity> identity = request.identity();
        if (identity.isPresent()) {
            tokens.revoke(identity.get().user().id());
            if (identity.get().scheme() == Identity.Scheme.SESSION) {
                sessions.close(identity.get().sessionId());
                response.cookie(dev.restauth.auth.Cookies.delete(SessionService.SESSION_COOKIE));
            }
        }
        if (sessionLogin) {
            response.usedSession(); // Django's logout() flushes the request's session, whatever authenticated it
        }
        return response;
    }
}
