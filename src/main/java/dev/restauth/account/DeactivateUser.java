package dev.restauth.account;

import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.Sessions;
import dev.restauth.auth.Tokens;
import dev.restauth.db.Database;

/**
 * Deactivates a user (Django's {@code is_active = False}), for embedding applications and tools; no endpoint calls
 * it. In one transaction: the user can no longer log in, every session ends, the token is deleted, and in JWT mode
 * every access and refresh token of the user stops working on every node, and stays dead if the user is activated
 * again; the security log records the deactivation, without a client (no request made it). Thread-safe.
 */
public final class DeactivateUser {
    private final Database database;
    private final Tokens tokens;
    private final Sessions sessions;
    private final JsonWebTokens jwt;
    private final SecurityLog log;

    /** @param jwt JWT mode's tokens, or null outside JWT mode */
    DeactivateUser(Database database, Tokens tokens, Sessions sessions, JsonWebTokens jwt, SecurityLog log) {
        this.database = database;
        this.tokens = tokens;
        this.sessions = sessions;
        this.jwt = jwt;
        this.log = log;
    }

    /** @return false when there is no user with this pk */
    public boolean run(long userId) {
        return database.inTransaction(tx -> {
            if (tx.users().findById(userId).isEmpty()) {
                return false;
            }
            tx.users().updateActive(userId, false);
            sessions.closeAll(tx, userId);
            tokens.revoke(tx, userId);
            if (jwt != null) {
                jwt.revokeAccess(tx, userId);
                tx.refreshFamilies().revokeByUser(userId);
            }
            log.record(tx, userId, SecurityLog.Event.DEACTIVATE, SecurityLog.Outcome.OK, null, null);
            return true;
        });
    }
}
