package dev.restauth.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.error.InvalidTokenException;
import dev.restauth.error.NotAuthenticatedException;
import dev.restauth.jwt.Claims;
import dev.restauth.jwt.TokenError;
import dev.restauth.jwt.TokenType;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * A JWT access token, as dj-rest-auth's {@code JWTCookieAuthentication} (simplejwt's {@code JWTAuthentication} plus
 * a cookie): {@code Authorization: Bearer <token>} first (the keyword exactly so; any other header, {@code Token
 * ...} too, means no JWT credentials, and the cookie is then not read either); without the header, the
 * {@code jwt_auth_cookie} cookie, CSRF-checked as {@code jwt_auth_cookie_use_csrf} and
 * {@code jwt_auth_cookie_enforce_csrf_on_unauthenticated} say ({@link CsrfCookie}).
 *
 * <p>A token that fails its checks is 401 {@code token_not_valid} with the {@code messages} simplejwt sends. The
 * signature, not a table, proves the token; the user's row, read once, says whether the user still exists, is active,
 * and still accepts tokens issued when this one was ({@link JsonWebTokens#accepts}: logout, a password change or
 * reset and deactivation revoke them). Thread-safe.
 */
public final class JwtAuthenticator implements Authenticator {
    private static final String KEYWORD = "Bearer";

    private final JsonWebTokens tokens;
    private final Database database;
    private final String cookieName;
    private final boolean csrfWithCookie;
    private final boolean csrfAlways;

    public JwtAuthenticator(JsonWebTokens tokens, Database database, Settings settings) {
        this.tokens = tokens;
        this.database = database;
        this.cookieName = settings.get(Settings.JWT_AUTH_COOKIE);
        this.csrfWithCookie = settings.get(Settings.JWT_AUTH_COOKIE_USE_CSRF);
        this.csrfAlways = settings.get(Settings.JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED);
    }

    @Override
    public Optional<Identity> authenticate(HttpServletRequest request) {
        String raw;
        if (request.getHeader("Authorization") == null) {
            if (cookieName == null) {
                return Optional.empty();
            }
            raw = Cookies.value(request, cookieName);
            if (csrfAlways || (raw != null && csrfWithCookie)) {
                CsrfCookie.check(request);
            }
        } else {
            String[] words = AuthorizationHeader.words(request);
            if (words.length == 0 || !words[0].equals(KEYWORD)) {
                return Optional.empty();
            }
            if (words.length != 2) {
                throw NotAuthenticatedException.failed(Messages.get("jwt.bad_header"), "bad_authorization_header");
            }
            raw = words[1];
        }
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(Identity.jwt(userOf(raw)));
    }

    private User userOf(String raw) {
        Claims claims;
        try {
            claims = tokens.verify(raw, TokenType.ACCESS);
        } catch (TokenError e) {
            throw notValid(e.getMessage());
        }
        if (claims.userId() == null) {
            throw NotAuthenticatedException.failed(Messages.get("jwt.no_user_id"),
                    InvalidTokenException.TOKEN_NOT_VALID);
        }
        User user = database.read(tx -> tx.users().findById(claims.userId())).orElseThrow(() ->
                NotAuthenticatedException.failed(Messages.get("jwt.user_not_found"), "user_not_found"));
        if (!user.active()) {
            throw NotAuthenticatedException.failed(Messages.get("jwt.user_inactive"), "user_inactive");
        }
        if (!tokens.accepts(user, claims)) {
            throw notValid(Messages.get("jwt.blacklisted"));
        }
        return user;
    }

    /** simplejwt's answer for an access token no token class accepts. */
    private static NotAuthenticatedException notValid(String reason) {
        JsonObject attempt = new JsonObject();
        attempt.addProperty("token_class", TokenType.ACCESS.className());
        attempt.addProperty("token_type", TokenType.ACCESS.claim());
        attempt.addProperty("message", reason);
        JsonArray messages = new JsonArray();
        messages.add(attempt);
        return NotAuthenticatedException.failed(Messages.get("jwt.not_valid_for_any"),
                InvalidTokenException.TOKEN_NOT_VALID, messages);
    }

    @Override
    public String challenge() {
        return InvalidTokenException.CHALLENGE;
    }

    /**
     * Whether this scheme decides: a {@code Bearer} header, or no header and the access cookie. Reading the cookie
     * does not touch the session, so, as in Django, the answer does not say it varies by cookie.
     */
    @Override
    public boolean present(HttpServletRequest request) {
        if (request.getHeader("Authorization") == null) {
            return cookieName != null && Cookies.value(request, cookieName) != null;
        }
        String[] words = AuthorizationHeader.words(request);
        return words.length > 0 && words[0].equals(KEYWORD);
    }

    @Override
    public boolean readsCookies() {
        return false;
    }
}
