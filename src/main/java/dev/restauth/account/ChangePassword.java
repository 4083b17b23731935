package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.Identity;
import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.Passwords;
import dev.restauth.auth.Sessions;
import dev.restauth.auth.Tokens;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.User;

import java.util.function.Function;

/**
 * Password change ({@code POST /password/change/}). The validation (which checks {@code old_password} when it is
 * required) runs as one attempt at {@link Action#PASSWORD_CHANGE}: a refused old password counts against the user's
 * {@code throttle_password_change_failed}, and when that is full the answer is 429 before the old password is hashed.
 * The new password is hashed outside any transaction; then, in one transaction, it is stored and the user's other
 * sessions end. The session the change came through is kept under a new id, and the token survives, as in
 * dj-rest-auth; with {@code logout_on_password_change} the user is logged out everywhere instead: every session ends
 * and the token is deleted. In JWT mode with {@code jwt_revoke_on_logout}, the user's access tokens issued before
 * the change stop working (clients refresh), and with {@code logout_on_password_change} every refresh token of the
 * user ends too. The security log records the change in its transaction, and with {@code security_notices} the
 * owner is told by mail; a refused change records nothing.
 * Thread-safe.
 */
public final class ChangePassword {
    private final Database database;
    private final Passwords passwords;
    private final Throttle throttle;
    private final Tokens tokens;
    private final Sessions sessions;
    private final boolean logoutOnChange;
    private final JsonWebTokens jwt;
    private final SecurityLog log;
    private final SecurityNotices notices;

    /** @param jwt JWT mode's tokens when the change revokes them, else null */
    ChangePassword(Database database, Passwords passwords, Throttle throttle, Tokens tokens, Sessions sessions,
                   JsonWebTokens jwt, SecurityLog log, SecurityNotices notices, Settings settings) {
        this.log = log;
        this.notices = notices;
        this.database = database;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.sessions = sessions;
        this.logoutOnChange = settings.get(Settings.LOGOUT_ON_PASSWORD_CHANGE);
        this.jwt = jwt;
    }

    /**
     * What a change did to the caller's session.
     *
     * @param keptSessionId the new id of the session the change came through (its cookie is to be replaced), or null
     * @param sessionUsed   the session store was changed
     */
    public record Changed(String keptSessionId, boolean sessionUsed) {
        @Override
        public String toString() {
            return "Changed{sessionUsed=" + sessionUsed + "}";
        }
    }

    /**
     * @param validation the serializer's validation of the body for this user: the new password, or a
     *                   {@link dev.restauth.error.ValidationException} ({@code old_password} among its fields when
     *                   the old password was wrong)
     */
    public Changed run(Identity identity, Client client, Function<User, String> validation) {
        User caller = identity.user();
        Throttle.Attempt attempt = database.inTransaction(tx ->
                throttle.begin(tx, Action.PASSWORD_CHANGE, client.address(), Long.toString(caller.id())));
        String password = attempt.judge(() -> validation.apply(caller), "old_password");
        String hash = passwords.encode(password);
        return database.inTransaction(tx -> {
            attempt.succeeded(tx);
            tx.users().updatePassword(caller.id(), hash);
            log.record(tx, caller.id(), SecurityLog.Event.PASSWORD_CHANGE, SecurityLog.Outcome.OK, client, null);
            notices.send(tx, SecurityNotices.PASSWORD_CHANGED, caller.email(), caller, client, java.util.Map.of());
            User user = tx.users().findById(caller.id()).orElseThrow();
            if (jwt != null) {
                jwt.revokeAccess(tx, user.id());
                if (logoutOnChange) {
                    tx.refreshFamilies().revokeByUser(user.id());
                }
            }
            if (logoutOnChange) {
                sessions.closeAll(tx, user.id());
                tokens.revoke(tx, user.id());
                return new Changed(null, false);
            }
            if (identity.scheme() == Identity.Scheme.SESSION) {
                return new Changed(sessions.keepAfterPasswordChange(tx, identity.sessionId(), user), true);
            }
            sessions.closeAll(tx, user.id());
            return new Changed(null, true);
        });
    }
}
