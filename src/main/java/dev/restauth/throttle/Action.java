package dev.restauth.throttle;

import dev.restauth.config.Settings;
import dev.restauth.throttle.Limit.OnSuccess;
import dev.restauth.throttle.Limit.Scope;

import java.util.List;

/**
 * What restauth limits, and by which counters. An attempt at an action counts one hit on each of its limits; it is
 * refused when any of them is full. Limits marked {@code CLEAR} or {@code REFUND} count failures: every attempt
 * counts as failed until {@link Throttle.Attempt#succeeded()} says otherwise.
 *
 * <p>The key named below is what the caller passes as {@code key} to {@link Throttle#begin}; it is folded with
 * {@link dev.restauth.user.Canonical#key} (NFKC, lower case), so {@code Alice}, {@code ALICE} and {@code ａｌｉｃｅ} are
 * one key. A new credential path (JWT refresh, one-time codes) adds its action here.
 */
public enum Action {
    /** Password login; key: the login (username or address) as typed. */
    LOGIN(new Limit("login", Scope.CLIENT, OnSuccess.KEEP, Settings.THROTTLE_LOGIN),
            new Limit("login_failed", Scope.CLIENT_AND_KEY, OnSuccess.CLEAR, Settings.THROTTLE_LOGIN_FAILED),
            new Limit("login_lockout", Scope.KEY, OnSuccess.REFUND, Settings.THROTTLE_LOGIN_LOCKOUT)),
    /**
     * Social login; key: the provider (e.g. {@code facebook}). Shares the per-IP login counter with password login;
     * its failures (a token or code the provider refused) are counted apart from password failures.
     */
    SOCIAL_LOGIN(new Limit("login", Scope.CLIENT, OnSuccess.KEEP, Settings.THROTTLE_LOGIN),
            new Limit("social_login_failed", Scope.CLIENT_AND_KEY, OnSuccess.CLEAR, Settings.THROTTLE_LOGIN_FAILED)),
    /** Password change with the old password; key: the user's id. */
    PASSWORD_CHANGE(new Limit("password_change_failed", Scope.KEY, OnSuccess.CLEAR,
            Settings.THROTTLE_PASSWORD_CHANGE_FAILED)),
    /** Password reset confirmation; key: the uid of the link. */
    PASSWORD_RESET_CONFIRM(new Limit("password_reset_confirm", Scope.CLIENT, OnSuccess.KEEP,
            Settings.THROTTLE_PASSWORD_RESET_CONFIRM),
            new Limit("password_reset_confirm_failed", Scope.CLIENT_AND_KEY, OnSuccess.CLEAR,
                    Settings.THROTTLE_PASSWORD_RESET_CONFIRM_FAILED)),
    /** Registration; no key. */
    SIGNUP(new Limit("signup", Scope.CLIENT, OnSuccess.KEEP, Settings.THROTTLE_SIGNUP)),
    /** Password reset request; key: the address. */
    PASSWORD_RESET(new Limit("password_reset", Scope.CLIENT, OnSuccess.KEEP, Settings.THROTTLE_PASSWORD_RESET),
            new Limit("password_reset_email", Scope.KEY, OnSuccess.KEEP, Settings.THROTTLE_PASSWORD_RESET_EMAIL)),
    /** A confirmation mail asked for by {@code resend-email/}; key: the address. */
    CONFIRMATION_EMAIL(new Limit("confirmation_email", Scope.KEY, OnSuccess.KEEP,
            Settings.THROTTLE_CONFIRMATION_EMAIL)),
    /**
     * The "account already exists" mail that {@code prevent_enumeration} sends instead of an error; key: the
     * address. Its own counter: were it shared with {@link #CONFIRMATION_EMAIL}, a {@code resend-email/} after a
     * sign-up would answer differently for a taken address than for a new one.
     */
    ACCOUNT_EXISTS_EMAIL(new Limit("account_exists_email", Scope.KEY, OnSuccess.KEEP,
            Settings.THROTTLE_CONFIRMATION_EMAIL)),
    /**
     * A second-factor code (TOTP or recovery code): {@code mfa/verify/}, and the code TOTP deactivation, recovery-code
     * regeneration and passkey removal ask for; key: the user's id. Shares the per-IP login counter; wrong codes are
     * counted per user across IPs and nodes, and a right one takes back only its own hit, so a thief who has the
     * password cannot try codes from many addresses.
     */
    MFA_CODE(new Limit("login", Scope.CLIENT, OnSuccess.KEEP, Settings.THROTTLE_LOGIN),
            new Limit("mfa_failed", Scope.KEY, OnSuccess.REFUND, Settings.THROTTLE_MFA_FAILED)),
    /** Passkey login ({@code passkeys/login/complete/}); no key. Shares the per-IP login counter. */
    PASSKEY_LOGIN(new Limit("login", Scope.CLIENT, OnSuccess.KEEP, Settings.THROTTLE_LOGIN));

    private final List<Limit> limits;

    Action(Limit... limits) {
        // Counters are locked in this order; keep a shared limit (login) first everywhere, so two attempts never
        // wait on each other's rows in opposite orders.
        this.limits = List.of(limits);
    }

    List<Limit> limits() {
        return limits;
    }
}
