package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.db.MfaChallengeDao;
import dev.restauth.error.ApiException;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Confirms a proposed TOTP authenticator ({@code POST /mfa/totp/activate/}): with a code the proposal's secret gives
 * for the current time step (or one either side), TOTP becomes active with that step as the last one used (so the
 * code cannot log in afterwards), the activation token dies, and a new set of recovery codes is made and shown this
 * once; the security log records the activation. A wrong code leaves the proposal, with one failure counted; the
 * fifth ends it. One transaction. Thread-safe.
 */
public final class ActivateTotp {
    private final Database database;
    private final SecondFactors factors;
    private final SecurityLog log;

    ActivateTotp(Database database, SecondFactors factors, SecurityLog log) {
        this.database = database;
        this.factors = factors;
        this.log = log;
    }

    /**
     * @param validation the serializer's validation of the body, run once TOTP is known to be off
     * @return the new recovery codes
     * @throws ApiException        400 {@code {"detail":"MFA is already enabled. ..."}}
     * @throws ValidationException the body's errors, {@code activation_token} "Invalid or expired activation token." or
     *                             "Invalid activation token for this user.", {@code code} "Invalid code. Please check
     *                             your authenticator app and try again."
     */
    public List<String> run(User user, Supplier<TotpConfirmation> validation, Client client) {
        if (database.read(tx -> tx.totp().find(user.id())).isPresent()) {
            throw alreadyEnabled();
        }
        TotpConfirmation confirmation = validation.get();
        String hash = factors.hash(confirmation.activationToken());
        Result result;
        try {
            result = database.inTransaction(tx -> {
                Instant now = factors.now();
                Optional<MfaChallengeDao.Challenge> found =
                        tx.mfaChallenges().find(hash, SecondFactors.TOTP_ACTIVATION, now);
                if (found.isEmpty() || !tx.mfaChallenges().countFailure(hash, SecondFactors.TOTP_ACTIVATION, now,
                        SecondFactors.MAX_FAILURES)) {
                    return Result.refused("mfa.invalid_activation_token");
                }
                if (found.get().userId() != user.id()) {
                    return Result.refused("mfa.activation_token_other_user");
                }
                byte[] secret = factors.open(user.id(), found.get().payload());
                long step = factors.totp().match(secret, confirmation.code(), factors.totp().step(now), Long.MIN_VALUE);
                if (step == -1) {
                    if (found.get().failures() + 1 >= SecondFactors.MAX_FAILURES) {
                        tx.mfaChallenges().delete(hash, SecondFactors.TOTP_ACTIVATION);
                    }
                    return Result.wrongCode();
                }
                tx.mfaChallenges().deleteByUser(user.id(), SecondFactors.TOTP_ACTIVATION);
                tx.totp().insert(user.id(), found.get().payload(), step, now);
                log.record(tx, user.id(), SecurityLog.Event.TOTP_ACTIVATED, SecurityLog.Outcome.OK, client, null);
                return new Result(factors.newRecoveryCodes(tx, user.id()), null);
            });
        } catch (DuplicateKeyException raced) {
            throw alreadyEnabled(); // a concurrent confirmation activated TOTP first
        }
        if (result.refusal() != null) {
            String field = "wrong_code".equals(result.refusal()) ? "code" : "activation_token";
            String key = "wrong_code".equals(result.refusal()) ? "mfa.activation_invalid_code" : result.refusal();
            throw ValidationException.of(field, Messages.get(key));
        }
        return result.codes();
    }

    private static ApiException alreadyEnabled() {
        return ApiException.badRequest(Messages.get("mfa.already_enabled"));
    }

    private record Result(List<String> codes, String refusal) {
        static Result refused(String messageKey) {
            return new Result(null, messageKey);
        }

        static Result wrongCode() {
            return new Result(null, "wrong_code");
        }
    }
}
