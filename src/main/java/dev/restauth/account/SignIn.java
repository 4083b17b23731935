package dev.restauth.account;

import dev.restauth.auth.Sessions;
import dev.restauth.auth.Tokens;
import dev.restauth.config.Settings;
import dev.restauth.db.Transaction;
import dev.restauth.user.User;

/**
 * The one way a proven user is signed in, inside the transaction of the use case that proved them, so the login's
 * record and its token and session commit together. dj-rest-auth's rules: a login gets the token and, with session
 * login on, a session too; a registration gets a session with session login on and the token otherwise. Thread-safe.
 */
final class SignIn {
    private final Tokens tokens;
    private final Sessions sessions;
    private final boolean sessionLogin;

    SignIn(Tokens tokens, Sessions sessions, Settings settings) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.sessionLogin = settings.get(Settings.SESSION_LOGIN);
    }

    /** Login, social login and connect: the user's token, and a session when session login is on. */
    SignedIn login(Transaction tx, User user) {
        return new SignedIn(user, tokens.issue(tx, user.id()), sessionLogin ? sessions.open(tx, user) : null);
    }

    /** A new account logged in at once: a session when session login is on, else the token. */
    SignedIn registered(Transaction tx, User user) {
        if (sessionLogin) {
            return new SignedIn(user, null, sessions.open(tx, user));
        }
        return new SignedIn(user, tokens.issue(tx, user.id()), null);
    }
}
