package dev.restauth.endpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.account.Logout;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.auth.JwtCookies;
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
 *
 * <p>In JWT mode it also blacklists the refresh token given back, read from the refresh cookie with
 * {@code jwt_auth_httponly} and from the body's {@code refresh} otherwise, and always drops both JWT cookies. Without
 * a refresh token it answers 401 {@code {"detail":"Refresh token was not included in cookie data."}} (or "... in
 * request data."), and for one that is not accepted 401 with the reason ({@code "Token is blacklisted"}, ...); these
 * 401s carry no challenge, as dj-rest-auth's.
 */
public class LogoutServlet extends ApiServlet {
    private final Logout logout;
    private final SessionCookies cookies;
    private final JwtCookies jwtCookies;

    public LogoutServlet(Logout logout, SessionCookies cookies) {
        this(logout, cookies, null);
    }

    /** @param jwtCookies JWT mode's cookies, or null outside JWT mode */
    public LogoutServlet(Logout logout, SessionCookies cookies, JwtCookies jwtCookies) {
        super(Access.ANYONE, "POST");
        this.logout = logout;
        this.cookies = cookies;
        this.jwtCookies = jwtCookies;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        String refresh = jwtCookies == null ? null : refreshToken(request);
        Logout.LoggedOut done = logout.run(request.identity().orElse(null), request.cookie(Sessions.SESSION_COOKIE),
                refresh, request.client());
        ApiResponse response = ApiResponse.detail(Messages.get("logout.done"));
        if (jwtCookies != null) {
            String refusal = refresh == null ? Messages.get(jwtCookies.httpOnly() ? "jwt.logout_no_refresh_cookie"
                    : "jwt.logout_no_refresh_data") : done.refusal();
            if (refusal != null) {
                response = ApiResponse.of(401, ApiResponse.detailBody(refusal));
            }
            jwtCookies.delete().forEach(response::cookie);
        }
        if (done.sessionEnded()) {
            response.cookie(cookies.deleteSession());
        }
        if (done.sessionUsed()) {
            response.usedSession();
        }
        return response;
    }

    /**
     * The refresh token given back: the refresh cookie's with {@code jwt_auth_httponly}, else the body's
     * {@code refresh} (a value that is not text cannot be a token, and is refused as one that is not valid).
     */
    private String refreshToken(ApiRequest request) {
        if (jwtCookies.httpOnly()) {
            return jwtCookies.refreshName() == null ? null : request.cookie(jwtCookies.refreshName());
        }
        JsonElement body = request.body();
        JsonElement refresh = body.isJsonObject() ? body.getAsJsonObject().get("refresh") : null;
        if (refresh == null) {
            return null;
        }
        return refresh.isJsonPrimitive() && refresh.getAsJsonPrimitive().isString() ? refresh.getAsString() : "";
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("auth").post(Operation.of("Log out")
                .description("Deletes the token and ends the session; in JWT mode blacklists the refresh token "
                        + "and drops the JWT cookies.")
                .body(anyBodyWithRefresh())
                .answers(200, "Logged out.", Schema.detail(), LoginResponse.cookieHeaders())
                .answers(401, "JWT mode: no refresh token, or one that is not accepted.", Schema.credentialsRefused()));
    }

    /**
     * Any body: only JWT mode reads one, for its {@code refresh} (when the refresh token is not in its cookie);
     * otherwise whatever is sent is ignored, as dj-rest-auth's {@code LogoutView} does.
     */
    private static JsonObject anyBodyWithRefresh() {
        JsonObject schema = new JsonObject();
        schema.addProperty("description", "Any body; read in JWT mode only, as `{\"refresh\": \"<refresh token>\"}`: "
                + "the refresh token to blacklist.");
        return schema;
    }
}
