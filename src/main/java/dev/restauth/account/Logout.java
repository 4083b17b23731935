package dev.restauth.account;

import dev.restauth.auth.Identity;
import dev.restauth.auth.Sessions;
import dev.restauth.auth.Tokens;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;

/**
 * Logout ({@code POST /logout/}), in one transaction: the caller's token is deleted (the next login issues a new
 * one), and the session the request's cookie names ends, however the request was authenticated, as Django's
 * {@code logout()} flushes the request's session. Thread-safe.
 */
public final class Logout {
    private final Database database;
    private final Tokens tokens;
    private final Sessions sessions;
    private final boolean sessionLogin;

    Logout(Database database, Tokens tokens, Sessions sessions, Settings settings) {
        this.database = database;
        this.tokens = tokens;
        this.sessions = sessions;
        this.sessionLogin = settings.get(Settings.SESSION_LOGIN);
    }

    /**
     * What a logout did.
     *
     * @param sessionEnded the request named a session (its cookie is to be deleted)
     * @param sessionUsed  the session store was consulted (with session login on, always, as in Django)
     */
    public record LoggedOut(boolean sessionEnded, boolean sessionUsed) {
    }

    /**
     * @param identity  the request's authenticated identity, or null for an anonymous request
     * @param sessionId the request's session cookie, or null
     */
    public LoggedOut run(Identity identity, String sessionId) {
        database.useTransaction(tx -> {
            if (identity != null) {
                tokens.revoke(tx, identity.user().id());
            }
            if (sessionId != null) {
                sessions.close(tx, sessionId);
            }
        });
        return new LoggedOut(sessionId != null, sessionLogin);
    }
}
