package dev.restauth.endpoint;

import dev.restauth.account.Logout;
import dev.restauth.auth.SessionCookies;
import dev.restauth.auth.Sessions;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.text.Messages;

/**
 * {@code POST /logout/}: dj-rest-auth's {@code LogoutView}. Deletes the caller's token (the next login issues a new
 * one) and ends the session the request's {@code sessionid} cookie names, however the request was authenticated
 * (see {@link Logout}). Open to anyone: without credentials it still answers
 * {@code 200 {"detail":"Successfully logged out."}}; a bad token is 401 like everywhere.
 */
public class LogoutServlet extends ApiServlet {
    private final Logout logout;
    private final SessionCookies cookies;

    public LogoutServlet(Logout logout, SessionCookies cookies) {
        super(Access.ANYONE, "POST");
        this.logout = logout;
        this.cookies = cookies;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        Logout.LoggedOut done = logout.run(request.identity().orElse(null), request.cookie(Sessions.SESSION_COOKIE));
        ApiResponse response = ApiResponse.detail(Messages.get("logout.done"));
        if (done.sessionEnded()) {
            response.cookie(cookies.deleteSession());
        }
        if (done.sessionUsed()) {
            response.usedSession();
        }
        return response;
    }
}
