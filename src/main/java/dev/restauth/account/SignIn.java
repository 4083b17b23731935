package dev.restauth.account;

import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.Sessions;
import dev.restauth.auth.Tokens;
import dev.restauth.config.Settings;
import dev.restauth.db.Transaction;
import dev.restauth.user.User;

/**
 * The one way a proven user is signed in, inside the transaction of the use case that proved them, so the login's
 * record and its token and session commit together. dj-rest-auth's rules: a login gets the token and, with session
 * login on, a session too; a registration gets a session with session login on and the token otherwise. In JWT mode
 * ({@code use_jwt}) a JWT pair, whose refresh token opens a new family, takes the token's place in both, and a
 * registration also gets its session with session login on. Thread-safe.
 */
final class SignIn {
    private final Tokens tokens;
    private final Sessions sessions;
    private final JsonWebTokens jwt;
    private final boolean sessionLogin;

    /** @param jwt JWT mode's tokens, or null outside JWT mode */
    SignIn(Tokens tokens, Sessions sessions, JsonWebTokens jwt, Settings settings) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.jwt = jwt;
        this.sessionLogin = settings.get(Settings.SESSION_LOGIN);
    }

    /** Login, social login and connect: the user's token (or JWT pair), and a session when session login is on. */
    SignedIn login(Transaction tx, User user) {
        if (jwt != null) {
            return new SignedIn(user, null, sessionLogin ? sessions.open(tx, user) : null, jwt.issue(tx, user));
        }
        return new SignedIn(user, tokens.issue(tx, user.id()), sessionLogin ? sessions.open(tx, user) : null);
    }

    /** A new account logged in at once: a session when session login is on, else the token; or a JWT pair. */
    SignedIn registered(Transaction tx, User user) {
        if (jwt != null) {
            return new SignedIn(user, null, sessionLogin ? sessions.open(tx, user) : null, jwt.issue(tx, user));
        }
        if (sessionLogin) {
            return new SignedIn(user, null, sessions.open(tx, user));
        }
        return new SignedIn(user, tokens.issue(tx, user.id()), null);
    }
}
