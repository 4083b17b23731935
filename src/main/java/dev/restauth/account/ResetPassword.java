package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.JsonWebTokens;
import dev.restauth.auth.Passwords;
import dev.restauth.auth.Sessions;
import dev.restauth.auth.Tokens;
import dev.restauth.auth.crypto.Base36;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.User;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Password reset confirmation ({@code POST /password/reset/confirm/}): what dj-rest-auth's
 * {@code PasswordResetConfirmView} does once the link is used. The validation (uid, token, new passwords) runs as one
 * attempt at {@link Action#PASSWORD_RESET_CONFIRM}: confirmations count per IP, and a refused {@code uid} or
 * {@code token} against the IP and the uid (as the number it decodes to, so {@code 1}, {@code 01} and {@code 001}
 * share one count). The new password is hashed outside any transaction; then, in one transaction, it is stored only
 * if the password is still the one the token was checked against (two uses of one token racing: one wins), every
 * session of the user ends, and with {@code logout_on_password_reset} the token is deleted. The reset token dies with
 * the change, and so does every other token issued for the user. In JWT mode with {@code jwt_revoke_on_logout}, every
 * access and refresh token of the user ends too. Thread-safe.
 */
public final class ResetPassword {
    private final Database database;
    private final Passwords passwords;
    private final Throttle throttle;
    private final Tokens tokens;
    private final Sessions sessions;
    private final boolean logoutOnReset;
    private final JsonWebTokens jwt;
    private final SecurityLog log;
    private final SecurityNotices notices;

    /** @param jwt JWT mode's tokens when the reset revokes them, else null */
    ResetPassword(Database database, Passwords passwords, Throttle throttle, Tokens tokens, Sessions sessions,
                  JsonWebTokens jwt, SecurityLog log, SecurityNotices notices, Settings settings) {
        this.log = log;
        this.notices = notices;
        this.database = database;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.sessions = sessions;
        this.logoutOnReset = settings.get(Settings.LOGOUT_ON_PASSWORD_RESET);
        this.jwt = jwt;
    }

    /**
     * @param uid        the {@code uid} as the serializer will read it (trimmed), to count failures by; counted as
     *                   the pk it names, so {@code 1}, {@code 01} and {@code 001} share one counter
     * @param validation the serializer's validation of the body
     * @throws ValidationException the serializer's errors, or {@code {"token":["Invalid value"]}} when another use
     *                             of a token for this user won the race
     */
    public void run(Client client, String uid, Supplier<ResetConfirmation> validation) {
        Throttle.Attempt attempt = database.inTransaction(tx ->
                throttle.begin(tx, Action.PASSWORD_RESET_CONFIRM, client.address(), canonicalUid(uid)));
        ResetConfirmation confirmation = attempt.judge(validation, "uid", "token");
        User user = confirmation.user();
        String hash = passwords.encode(confirmation.newPassword());
        boolean changed = database.inTransaction(tx -> {
            attempt.succeeded(tx);
            if (!tx.users().replacePassword(user.id(), user.password(), hash)) {
                return false;
            }
            sessions.closeAll(tx, user.id());
            log.record(tx, user.id(), SecurityLog.Event.PASSWORD_RESET, SecurityLog.Outcome.OK, client, null);
            notices.send(tx, SecurityNotices.PASSWORD_RESET, user.email(), user, client, java.util.Map.of());
            if (jwt != null) {
                jwt.revokeAccess(tx, user.id());
                tx.refreshFamilies().revokeByUser(user.id());
            }
            if (logoutOnReset) {
                tokens.revoke(tx, user.id());
            }
            return true;
        });
        if (!changed) {
            throw ValidationException.of("token", Messages.get("password_reset.invalid_value"));
        }
    }

    /** The uid as the pk it names, so spellings of one pk count as one; the text itself when it names none. */
    private static String canonicalUid(String uid) {
        OptionalLong id = Base36.decode(uid);
        return id.isPresent() ? Long.toString(id.getAsLong()) : uid;
    }
}
