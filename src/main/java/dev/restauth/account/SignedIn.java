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
 * @param ephemeralToken a login that waits for its second factor: the token {@code mfa/verify/} takes (nothing else
 *                       was issued then: no token, session or JWT); null for a finished login
 */
public record SignedIn(User user, String tokenKey, Sessions.Opened session, JsonWebTokens.Pair jwt,
                       String ephemeralToken) {
    /** A login outside JWT mode. */
    public SignedIn(User user, String tokenKey, Sessions.Opened session) {
        this(user, tokenKey, session, null, null);
    }

    /** A finished login. */
    public SignedIn(User user, String tokenKey, Sessions.Opened session, JsonWebTokens.Pair jwt) {
        this(user, tokenKey, session, jwt, null);
    }

    /** A login whose first factor was right and which waits for the second, at {@code mfa/verify/}. */
    public static SignedIn awaitingSecondFactor(User user, String ephemeralToken) {
        return new SignedIn(user, null, null, null, ephemeralToken);
    }

    /** Whether this login waits for its second factor. */
    public boolean awaitsSecondFactor() {
        return ephemeralToken != null;
    }

    @Override
    public String toString() {
        return "SignedIn{" + user + "}";
    }
}
