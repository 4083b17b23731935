package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.error.ApiException;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

import java.util.List;
import java.util.function.Supplier;

/**
 * New recovery codes ({@code POST /mfa/recovery-codes/regenerate/}), only with a current second factor (a TOTP code
 * or an unused recovery code, counted as every second-factor code is): every earlier code dies, and the new ones are
 * shown this once. The security log records the new set in the transaction that makes it. Thread-safe.
 */
public final class RegenerateRecoveryCodes {
    private final Database database;
    private final SecondFactors factors;
    private final SecurityLog log;

    RegenerateRecoveryCodes(Database database, SecondFactors factors, SecurityLog log) {
        this.database = database;
        this.factors = factors;
        this.log = log;
    }

    /**
     * @param code the serializer's validation of the body, run once TOTP is known to be on
     * @throws ApiException 400 {@code {"detail":"MFA is not enabled."}}; 429 over the rate limit
     * @throws dev.restauth.error.ValidationException the body's errors, or {@code {"code":["Invalid code."]}}
     */
    public List<String> run(User user, Supplier<String> code, Client client) {
        if (database.read(tx -> tx.totp().find(user.id())).isEmpty()) {
            throw ApiException.badRequest(Messages.get("mfa.not_enabled"));
        }
        return factors.withCode(user, code.get(), client, tx -> {
            List<String> codes = factors.newRecoveryCodes(tx, user.id());
            log.record(tx, user.id(), SecurityLog.Event.RECOVERY_CODES_REGENERATED, SecurityLog.Outcome.OK, client,
                    null);
            return codes;
        });
    }
}
