package dev.restauth.endpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.account.SignedIn;
import dev.restauth.apidoc.Schema;
import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.JwtCookies;
import dev.restauth.auth.SessionCookies;
import dev.restauth.http.ApiResponse;
import dev.restauth.serializer.JwtSerializer;
import dev.restauth.serializer.TokenSerializer;
import dev.restauth.serializer.UserDetailsSerializer;

import java.util.Map;

/**
 * The one way a login is answered, by login, registration, social login and connect alike (dj-rest-auth's
 * {@code LoginView.get_response}): the token serializer's body when a token was issued, and the session's cookies
 * when one was opened. In JWT mode, the JWT serializer's body ({@code access}, {@code refresh}, {@code user}, and the
 * expirations with {@code jwt_auth_return_expiration}) and the JWT cookies; with {@code jwt_auth_httponly} the body's
 * {@code refresh} is the empty string, the token travelling in its cookie only. A login waiting for its second factor
 * answers {@code {"ephemeral_token": "...", "mfa_required": true}} and nothing else. Thread-safe.
 */
public final class LoginResponse {
    private final TokenSerializer tokenSerializer;
    private final SessionCookies cookies;
    private final Jwt jwt;

    /**
     * JWT mode's parts.
     *
     * @param login        {@code JWT_SERIALIZER}, or {@code JWT_SERIALIZER_WITH_EXPIRATION} with
     *                     {@code jwt_auth_return_expiration}: logins
     * @param registration {@code JWT_SERIALIZER}: a registration logged in at once (dj-rest-auth's
     *                     {@code RegisterView}: the refresh token in the body, no cookies)
     * @param users        {@code USER_DETAILS_SERIALIZER}, for the {@code user} object
     */
    public record Jwt(JwtSerializer login, JwtSerializer registration, UserDetailsSerializer users,
                      JwtCookies cookies) {
    }

    public LoginResponse(TokenSerializer tokenSerializer, SessionCookies cookies) {
        this(tokenSerializer, cookies, null);
    }

    /** @param jwt JWT mode's parts, or null outside JWT mode */
    public LoginResponse(TokenSerializer tokenSerializer, SessionCookies cookies, Jwt jwt) {
        this.tokenSerializer = tokenSerializer;
        this.cookies = cookies;
        this.jwt = jwt;
    }

    /** The JSON Schema of {@link #ok}'s body: the login's, or the second-factor step's when MFA is on. */
    public JsonObject schema() {
        JsonObject login = jwt == null ? tokenSerializer.schema() : withUser(jwt.login().schema());
        JsonObject waiting = Schema.object().field("ephemeral_token", Schema.string())
                .field("mfa_required", Schema.bool()).build();
        JsonArray either = new JsonArray();
        either.add(login);
        either.add(waiting);
        JsonObject schema = new JsonObject();
        schema.add("anyOf", either);
        return schema;
    }

    /** The JSON Schema of {@link #created}'s 201 body. */
    public JsonObject createdSchema() {
        return jwt == null ? tokenSerializer.schema() : withUser(jwt.registration().schema());
    }

    /** The headers a login answer may carry, for the OpenAPI document. */
    public static Map<String, String> cookieHeaders() {
        return Map.of("Set-Cookie", "The session's and CSRF cookies (`session_login`), or the JWT cookies.");
    }

    /** The JWT serializer's schema with the {@code user} object as {@code USER_DETAILS_SERIALIZER} describes it. */
    private JsonObject withUser(JsonObject schema) {
        JsonObject copy = schema.deepCopy();
        if (copy.has("properties") && copy.getAsJsonObject("properties").has("user")) {
            copy.getAsJsonObject("properties").add("user", jwt.users().schema());
        }
        return copy;
    }

    /** 200 with the token's body (login, social login and connect). */
    public ApiResponse ok(SignedIn signedIn) {
        if (signedIn.awaitsSecondFactor()) {
            // dj-rest-auth's MFALoginView: no token, session or cookie until mfa/verify/ finishes the login
            JsonObject waiting = new JsonObject();
            waiting.addProperty("ephemeral_token", signedIn.ephemeralToken());
            waiting.addProperty("mfa_required", true);
            return ApiResponse.ok(waiting);
        }
        if (signedIn.jwt() != null) {
            JsonWebTokens.Pair tokens = signedIn.jwt();
            JsonWebTokens.Pair shown = jwt.cookies().httpOnly() ? new JsonWebTokens.Pair(tokens.access(),
                    tokens.accessExpiration(), "", tokens.refreshExpiration()) : tokens;
            ApiResponse response = ApiResponse.ok(jwt.login().render(shown, jwt.users().render(signedIn.user())));
            jwt.cookies().set(tokens.access(), tokens.refresh()).forEach(response::cookie);
            String csrf = signedIn.session() == null ? jwt.cookies().csrf() : null; // a session brings its own
            if (csrf != null) {
                response.cookie(csrf);
            }
            return withSession(response, signedIn);
        }
        return withSession(ApiResponse.ok(tokenSerializer.render(signedIn.tokenKey(), signedIn.user())), signedIn);
    }

    /** A new account logged in at once: 201 with the token's body, or 204 when a session answers instead. */
    public ApiResponse created(SignedIn signedIn) {
        if (signedIn.jwt() != null) {
            return withSession(ApiResponse.created(jwt.registration().render(signedIn.jwt(),
                    jwt.users().render(signedIn.user()))), signedIn);
        }
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
