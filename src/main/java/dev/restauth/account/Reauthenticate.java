package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.Identity;
import dev.restauth.auth.Passwords;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.User;

/**
 * Re-authentication ({@code POST /reauthenticate/}): the caller proves the password again, or with {@code mfa_enabled}
 * and TOTP on, a second factor (a TOTP code or an unused recovery code), and the credential the request came with is
 * marked as recently authenticated for {@code reauthentication_timeout} ({@link Reauthentications}). Acts that change
 * how the account is reached (its e-mail addresses, ending other sessions) ask for that mark.
 *
 * <p>A password is counted as a password change's old password is ({@link Action#PASSWORD_CHANGE}, per user, across
 * IPs) and hashed outside any transaction; a code as every second-factor code ({@link SecondFactors#withCode}). The
 * mark and its security-log row commit together; a refused proof records a failed {@code reauthenticate}.
 * Thread-safe.
 */
public final class Reauthenticate {
    private final Database database;
    private final Passwords passwords;
    private final Throttle throttle;
    private final SecondFactors factors;
    private final Reauthentications reauthentications;
    private final SecurityLog log;
    private final boolean mfa;

    Reauthenticate(Database database, Passwords passwords, Throttle throttle, SecondFactors factors,
                   Reauthentications reauthentications, SecurityLog log, Settings settings) {
        this.database = database;
        this.passwords = passwords;
        this.throttle = throttle;
        this.factors = factors;
        this.reauthentications = reauthentications;
        this.log = log;
        this.mfa = settings.get(Settings.MFA_ENABLED);
    }

    /**
     * @param password the password, or null when a code is given
     * @param code     a second-factor code (only with {@code mfa_enabled}), or null
     * @throws ValidationException {@code {"password":["Invalid password."]}}, {@code {"code":["Invalid code."]}}, or
     *                             {@code non_field_errors} when neither was given
     * @throws dev.restauth.error.ApiException 429 over the rate limit; 503 when password hashing is saturated
     */
    public void run(Identity identity, Client client, String password, String code) {
        User user = identity.user();
        if (password != null) {
            Throttle.Attempt attempt = database.inTransaction(tx ->
                    throttle.begin(tx, Action.PASSWORD_CHANGE, client.address(), Long.toString(user.id())));
            try {
                attempt.judge(() -> check(user, password), "password");
            } catch (ValidationException e) {
                log.recordRefusal(user.id(), SecurityLog.Event.REAUTHENTICATE, SecurityLog.Outcome.FAILED, client,
                        "password");
                throw e;
            }
            database.inTransactionRetryingDuplicates(tx -> {
                attempt.succeeded(tx);
                mark(tx, identity, client, "password");
                return null;
            });
            return;
        }
        if (code != null && mfa) {
            try {
                factors.withCode(user, code, client, tx -> {
                    mark(tx, identity, client, "mfa");
                    return Boolean.TRUE;
                });
            } catch (ValidationException e) {
                log.recordRefusal(user.id(), SecurityLog.Event.REAUTHENTICATE, SecurityLog.Outcome.FAILED, client,
                        "mfa");
                throw e;
            }
            return;
        }
        throw ValidationException.nonField(Messages.get("reauthentication.password_or_code"));
    }

    private void mark(dev.restauth.db.Transaction tx, Identity identity, Client client, String method) {
        reauthentications.mark(tx, identity);
        log.record(tx, identity.user().id(), SecurityLog.Event.REAUTHENTICATE, SecurityLog.Outcome.OK, client, method);
    }

    private Boolean check(User user, String password) {
        // The caller's row as authenticated: a password changed meanwhile fails here, as it should.
        if (!user.hasUsablePassword() || !passwords.verify(password, user.password())) {
            throw ValidationException.of("password", Messages.get("reauthentication.invalid_password"));
        }
        return Boolean.TRUE;
    }
}
