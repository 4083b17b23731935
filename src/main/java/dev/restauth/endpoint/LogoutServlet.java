package dev.restauth.endpoint;

import dev.restauth.auth.Cookies;
import dev.restauth.auth.SessionService;
import dev.restauth.auth.TokenService;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.text.Messages;

/**
 * {@code POST /logout/}: dj-rest-auth's {@code LogoutView}. Deletes the caller's token (the next login issues a new
 * one) and ends the session the request's {@code sessionid} cookie names, however the request was authenticated,
 * as Django's {@code logout()} flushes the request's session. Open to anyone: without credentials it still answers
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
        request.identity().ifPresent(identity -> tokens.revoke(identity.user().id()));
        String sessionId = request.cookie(SessionService.SESSION_COOKIE);
        if (sessionId != null) {
            sessions.close(sessionId);
            response.cookie(Cookies.delete(SessionService.SESSION_COOKIE));
        }
        if (sessionLogin) {
            response.usedSession();
        }
        return response;
    }
}
