package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.Keyring;
import dev.restauth.auth.crypto.AesGcm;
import dev.restauth.auth.crypto.BadSignatureException;
import dev.restauth.auth.crypto.Totp;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.TotpDao;
import dev.restauth.db.Transaction;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the second-factor use cases share: the gate that turns a one-factor login into one waiting for its second
 * factor, the check of a code (TOTP or recovery code) that spends it, the TOTP secret sealed at rest, and recovery
 * codes.
 *
 * <p><b>Codes are single-use across nodes.</b> A TOTP code is accepted for a time step later than the last one the
 * user's row recorded, by one conditional update; a recovery code is spent by one conditional update of its row.
 * Two uses of one code racing: one wins, on any node.
 *
 * <p><b>Nothing at rest yields a factor.</b> The TOTP secret is sealed with AES-256-GCM under a key derived from the
 * secret key, bound to its user's id; recovery codes, ephemeral and activation tokens are stored as keyed hashes.
 * Thread-safe.
 */
final class SecondFactors {
    /** Challenge purposes ({@code restauth_mfa_challenge.purpose}). */
    static final String LOGIN = "mfa_login";
    static final String TOTP_ACTIVATION = "totp_activation";
    static final String PASSKEY_REGISTRATION = "passkey_registration";
    static final String PASSKEY_LOGIN = "passkey_login";
    /** Wrong codes an ephemeral or activation token survives; the fifth ends it. */
    static final int MAX_FAILURES = 5;
    /** Recovery codes: 10 characters of base32, 50 bits, shown as {@code xxxxx-xxxxx}. */
    private static final String RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int RECOVERY_LENGTH = 10;

    private final Database database;
    private final Keyring keyring;
    private final Throttle throttle;
    private final Clock clock;
    private final boolean enabled;
    private final Totp totp;
    private final Duration tokenLifetime;
    private final int recoveryCodeCount;

    SecondFactors(Database database, Keyring keyring, Throttle throttle, Clock clock, Settings settings) {
        this.database = database;
        this.keyring = keyring;
        this.throttle = throttle;
        this.clock = clock;
        this.enabled = settings.get(Settings.MFA_ENABLED);
        this.totp = new Totp(Totp.Algorithm.SHA1, settings.get(Settings.MFA_TOTP_DIGITS),
                settings.get(Settings.MFA_TOTP_PERIOD));
        this.tokenLifetime = Duration.ofSeconds(settings.get(Settings.MFA_EPHEMERAL_TOKEN_TIMEOUT));
        this.recoveryCodeCount = settings.get(Settings.MFA_RECOVERY_CODE_COUNT);
    }

    /** What proved a code. */
    enum Proof {
        TOTP, RECOVERY_CODE, NONE
    }

    /**
     * The gate: with {@code mfa_enabled} on and TOTP active for the user, a login waiting for its second factor,
     * whose ephemeral token is stored (hashed) for {@code mfa_ephemeral_token_timeout}; else empty.
     */
    Optional<SignedIn> awaitingSecondFactor(Transaction tx, User user) {
        if (!enabled || tx.totp().find(user.id()).isEmpty()) {
            return Optional.empty();
        }
        String token = newToken();
        tx.mfaChallenges().insert(hash(token), LOGIN, user.id(), null, now().plus(tokenLifetime));
        return Optional.of(SignedIn.awaitingSecondFactor(user, token));
    }

    /**
     * Checks a code and spends it, in the caller's transaction: a TOTP code of a step later than the last accepted
     * one (which it becomes), or an unused recovery code (which becomes used). Surrounding whitespace is ignored; a
     * recovery code may be typed in any letter case, with or without its dash.
     */
    Proof check(Transaction tx, long userId, String code) {
        String typed = code.strip();
        Optional<TotpDao.TotpRow> row = tx.totp().find(userId);
        if (row.isEmpty()) {
            return Proof.NONE;
        }
        if (typed.length() == totp.digits() && typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            Instant now = now();
            long step = totp.match(open(userId, row.get().sealedSecret()), typed, totp.step(now),
                    row.get().lastStep());
            return step >= 0 && tx.totp().acceptStep(userId, step, now) ? Proof.TOTP : Proof.NONE;
        }
        String recovery = typed.toLowerCase(Locale.ROOT).replace("-", "");
        if (recovery.length() == RECOVERY_LENGTH && recovery.chars().allMatch(c -> RECOVERY_ALPHABET.indexOf(c) >= 0)
                && tx.recoveryCodes().spend(userId, recoveryHash(userId, recovery), now())) {
            return Proof.RECOVERY_CODE;
        }
        return Proof.NONE;
    }

    /**
     * An act of a signed-in user that needs a current second factor (deactivating TOTP, new recovery codes, removing
     * the last passkey): the code is counted by {@link Action#MFA_CODE} and checked, and when right, {@code act} runs
     * in the transaction that spent it.
     *
     * @throws ValidationException {@code {"code":["Invalid code."]}}
     * @throws dev.restauth.error.ApiException 429 when the user's wrong codes reached {@code throttle_mfa_failed}
     */
    <T> T withCode(User user, String code, Client client, Function<Transaction, T> act) {
        Throttle.Attempt attempt = database.inTransaction(tx ->
                throttle.begin(tx, Action.MFA_CODE, client.address(), throttleKey(user.id())));
        Optional<T> done = database.inTransaction(tx -> {
            if (check(tx, user.id(), code) == Proof.NONE) {
                return Optional.empty();
            }
            attempt.succeeded(tx);
            return Optional.ofNullable(act.apply(tx));
        });
        if (done.isEmpty()) {
            throw ValidationException.of("code", Messages.get("mfa.invalid_code"));
        }
        return done.get();
    }

    /** Replaces the user's recovery codes with new ones; returns them, as the user sees them, this once. */
    List<String> newRecoveryCodes(Transaction tx, long userId) {
        List<String> shown = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < recoveryCodeCount; i++) {
            String code = keyring.randomString(RECOVERY_LENGTH, RECOVERY_ALPHABET);
            shown.add(code.substring(0, 5) + "-" + code.substring(5));
            hashes.add(recoveryHash(userId, code));
        }
        tx.recoveryCodes().deleteByUser(userId);
        tx.recoveryCodes().insertAll(userId, hashes, now());
        return shown;
    }

    /** The key counting a user's wrong codes ({@link Action#MFA_CODE}). */
    static String throttleKey(long userId) {
        return Long.toString(userId);
    }

    /** A new random token (ephemeral, activation): 256 bits, URL-safe. */
    String newToken() {
        return keyring.randomString(43, true);
    }

    /** How a token, session id or challenge is stored. */
    String hash(String token) {
        return keyring.hash("mfa_challenge", token);
    }

    /** The TOTP secret as stored: sealed, and bound to its user. */
    String seal(long userId, byte[] secret) {
        return AesGcm.seal(keyring.key("totp_secret"), secret, associatedData(userId));
    }

    byte[] open(long userId, String sealed) {
        try {
            return AesGcm.open(keyring.key("totp_secret"), sealed, associatedData(userId));
        } catch (BadSignatureException e) {
            throw new IllegalStateException("the TOTP secret of user " + userId + " does not open under this "
                    + "secret key (was secret_key changed?)", e);
        }
    }

    Totp totp() {
        return totp;
    }

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    Instant now() {
        return clock.instant();
    }

    private String recoveryHash(long userId, String code) {
        return keyring.hash("recovery_code", userId + ":" + code);
    }

    private static String associatedData(long userId) {
        return "restauth_totp:" + userId;
    }
}
