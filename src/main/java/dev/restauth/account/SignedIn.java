package dev.restauth.account;

import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.Sessions;
import dev.restauth.user.User;

/**
 * What a login of any kind (password, registration, social login and connect) hands the client.
 *
 * @param user     the user, as stored after the login
 * @param tokenKey the API token's key, or null when none was issued (a registration answered by a session, JWT mode)
 * @param session  the session opened with session login on, or null
 * @param jwt      JWT mode's access and refresh tokens, or null outside JWT mode
 */
public record SignedIn(User user, String tokenKey, Sessions.Opened session, JsonWebTokens.Pair jwt) {
    /** A login outside JWT mode. */
    public SignedIn(User user, String tokenKey, Sessions.Opened session) {
        this(user, tokenKey, session, null);
    }

    @Override
    public String toString() {
        return "SignedIn{" + user + "}";
    }
}
