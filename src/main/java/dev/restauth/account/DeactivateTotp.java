package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.error.ApiException;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

import java.util.function.Supplier;

/**
 * Turns TOTP off ({@code POST /mfa/totp/deactivate/}), only with a current second factor: a TOTP code, or (unlike
 * the reference, for the user who lost the authenticator and logged in with one) an unused recovery code. The code is
 * counted as every second-factor code is (see {@link SecondFactors#withCode}); when right, the authenticator, the
 * recovery codes and every login waiting for its second factor end in the transaction that spent it, which records
 * the deactivation in the security log. Thread-safe.
 */
public final class DeactivateTotp {
    private final Database database;
    private final SecondFactors factors;
    private final SecurityLog log;

    DeactivateTotp(Database database, SecondFactors factors, SecurityLog log) {
        this.database = database;
        this.factors = factors;
        this.log = log;
    }

    /**
     * @param code the serializer's validation of the body, run once TOTP is known to be on
     * @throws ApiException 400 {@code {"detail":"MFA is not enabled."}}; 429 over the rate limit
     * @throws dev.restauth.error.ValidationException the body's errors, or {@code {"code":["Invalid code."]}}
     */
    public void run(User user, Supplier<String> code, Client client) {
        if (database.read(tx -> tx.totp().find(user.id())).isEmpty()) {
            throw ApiException.badRequest(Messages.get("mfa.not_enabled"));
        }
        factors.withCode(user, code.get(), client, tx -> {
            tx.totp().delete(user.id());
            tx.recoveryCodes().deleteByUser(user.id());
            tx.mfaChallenges().deleteByUser(user.id(), SecondFactors.LOGIN);
            log.record(tx, user.id(), SecurityLog.Event.TOTP_DEACTIVATED, SecurityLog.Outcome.OK, client, null);
            return Boolean.TRUE;
        });
    }
}
