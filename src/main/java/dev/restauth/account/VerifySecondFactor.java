package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.db.MfaChallengeDao;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.throttle.ThrottledException;
import dev.restauth.user.User;

import java.time.Instant;
import java.util.Optional;

/**
 * The second step of a two-factor login ({@code POST /mfa/verify/}): dj-rest-auth's {@code MFAVerifyView}, with the
 * ephemeral token made single-use. In two transactions:
 * <ol>
 * <li>the token's login is found (a random token, stored hashed, made by the one login attempt that proved the
 * password), its user must still be active, and the attempt is counted ({@link Action#MFA_CODE}: the per-IP login
 * counter, and wrong codes per user across IPs and nodes);</li>
 * <li>the token's row is locked and charged one failure, then the code is checked and spent (a TOTP code of a new
 * time step, or an unused recovery code). Right: the token is deleted (so it logs in once), the attempt settled,
 * {@code last_login} set and the user signed in as any login is, in this same transaction. Wrong: the failure stays,
 * and the fifth ends the token.</li>
 * </ol>
 * The security log records the finished login with its token and session (detail {@code mfa}); a wrong code as a
 * failed login, and an attempt a rate limit refused as a throttled one (locked when it was the user's wrong codes
 * across IPs), each in a transaction of its own.
 * Thread-safe.
 */
public final class VerifySecondFactor {
    /** How the security log names a login proven by a second factor, finished or refused. */
    private static final String METHOD = "mfa";

    private final Database database;
    private final SecondFactors factors;
    private final Throttle throttle;
    private final SignIn signIn;
    private final SecurityLog log;

    VerifySecondFactor(Database database, SecondFactors factors, Throttle throttle, SignIn signIn, SecurityLog log) {
        this.database = database;
        this.factors = factors;
        this.throttle = throttle;
        this.signIn = signIn;
        this.log = log;
    }

    /**
     * @throws ValidationException {@code {"ephemeral_token":["Invalid or expired token."]}} for a token that is
     *                             unknown, expired, used or out of attempts; {@code {"detail":["User account is
     *                             disabled."]}}; {@code {"code":["Invalid code."]}}
     * @param sessionCookie the request's {@code sessionid} cookie, or null: with session login on, that session ends
     *                      when the login completes, as Django's {@code login()} flushes it
     * @throws dev.restauth.error.ApiException 429 over a rate limit
     */
    public SignedIn run(SecondFactorProof proof, Client client, String sessionCookie) {
        String hash = factors.hash(proof.ephemeralToken());
        Begun begun;
        try {
            begun = begin(hash, client);
        } catch (ThrottledException e) {
            // The refused transaction was rolled back: the token's account is read again for the row.
            Long userId = database.read(tx -> tx.mfaChallenges().find(hash, SecondFactors.LOGIN, factors.now()))
                    .map(MfaChallengeDao.Challenge::userId).orElse(null);
            log.recordRefusal(userId, SecurityLog.Event.LOGIN,
                    e.lockout() ? SecurityLog.Outcome.LOCKED : SecurityLog.Outcome.THROTTLED, client, METHOD);
            throw e;
        }
        return check(proof, client, sessionCookie, hash, begun);
    }

    /** The first transaction: the token's login, its user, and the attempt counted. */
    private Begun begin(String hash, Client client) {
        return database.inTransaction(tx -> {
            MfaChallengeDao.Challenge challenge = tx.mfaChallenges().find(hash, SecondFactors.LOGIN, factors.now())
                    .orElseThrow(VerifySecondFactor::invalidToken);
            User user = tx.users().findById(challenge.userId()).orElseThrow(VerifySecondFactor::invalidToken);
            if (!user.active()) {
                throw ValidationException.of("detail", Messages.get("mfa.user_disabled"));
            }
            return new Begun(user, throttle.begin(tx, Action.MFA_CODE, client.address(),
                    SecondFactors.throttleKey(user.id())));
        });
    }

    /** The second transaction: the token charged, the code checked and spent, and the user signed in. */
    private SignedIn check(SecondFactorProof proof, Client client, String sessionCookie, String hash, Begun begun) {
        User user = begun.user();
        Outcome outcome = database.inTransaction(tx -> {
            Instant now = factors.now();
            if (!tx.mfaChallenges().countFailure(hash, SecondFactors.LOGIN, now, SecondFactors.MAX_FAILURES)) {
                return new Outcome(null, false); // another request used it, or its attempts ran out, meanwhile
            }
            if (factors.check(tx, user.id(), proof.code()) == SecondFactors.Proof.NONE) {
                Optional<MfaChallengeDao.Challenge> after = tx.mfaChallenges().find(hash, SecondFactors.LOGIN, now);
                if (after.isPresent() && after.get().failures() >= SecondFactors.MAX_FAILURES) {
                    tx.mfaChallenges().delete(hash, SecondFactors.LOGIN);
                }
                return new Outcome(null, true);
            }
            begun.attempt().succeeded(tx);
            tx.mfaChallenges().delete(hash, SecondFactors.LOGIN);
            tx.users().updateLastLogin(user.id(), now);
            return new Outcome(signIn.recorded(tx, signIn.login(tx, user.loggedIn(now, user.password()),
                    sessionCookie), client, METHOD), true);
        });
        if (!outcome.checked()) {
            begun.attempt().unchecked();
            throw invalidToken();
        }
        if (outcome.signedIn() == null) {
            log.recordRefusal(user.id(), SecurityLog.Event.LOGIN, SecurityLog.Outcome.FAILED, client, METHOD);
            throw ValidationException.of("code", Messages.get("mfa.invalid_code"));
        }
        return outcome.signedIn();
    }

    private static ValidationException invalidToken() {
        return ValidationException.of("ephemeral_token", Messages.get("mfa.invalid_token"));
    }

    private record Begun(User user, Throttle.Attempt attempt) {
    }

    /** @param checked false when the token was gone before the code could be checked */
    private record Outcome(SignedIn signedIn, boolean checked) {
    }
}
