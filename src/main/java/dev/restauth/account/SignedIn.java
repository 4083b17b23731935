package dev.restauth.account;

import dev.restauth.auth.Sessions;
import dev.restauth.user.User;

/**
 * What a login of any kind (password, registration, social login and connect) hands the client.
 *
 * @param user     the user, as stored after the login
 * @param tokenKey the API token's key, or null when none was issued (a registration answered by a session)
 * @param session  the session opened with session login on, or null
 */
public record SignedIn(User user, String tokenKey, Sessions.Opened session) {
    @Override
    public String toString() {
        return "SignedIn{" + user + "}";
    }
}
