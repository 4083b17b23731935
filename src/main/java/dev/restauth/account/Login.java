package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.Passwords;
import dev.restauth.config.AuthenticationMethod;
import dev.restauth.config.EmailVerification;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.UserDao;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.throttle.ThrottledException;
import dev.restauth.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Password login ({@code POST /login/}): the one place a password login is accepted or refused. It is one password
 * hash between two transactions:
 * <ol>
 * <li>the rate limits ({@link Action#LOGIN}: attempts per IP, failures per IP and login, the lockout of a login
 * across IPs), counted by the login as typed, and the user's lookup. An attempt over a limit is refused with 429
 * before any hash, the same for an account that exists and one that does not;</li>
 * <li>exactly one password hash, outside any transaction, whether the user exists, is inactive or the password is
 * wrong; all three answer "Unable to log in with provided credentials.", so neither body nor time tells them
 * apart;</li>
 * <li>for a right password: the attempt settled, the hash upgraded when it is in an outdated algorithm or with
 * outdated parameters (a Django {@code pbkdf2_sha256} row: a second hash, once), {@code last_login}, the token and
 * the session (ending the one the request came with, as Django's {@code login()} does). With mandatory
 * verification an unconfirmed address is reported only now, after the credentials were found right. With
 * {@code mfa_enabled} and TOTP on for the user, no token or session yet: the answer is an ephemeral token for
 * {@code mfa/verify/} ({@link VerifySecondFactor}), whatever reset the password before.</li>
 * </ol>
 * The security log records the login with its token and session; a refused attempt (wrong credentials, a rate limit,
 * the lockout) in a transaction of its own, with the account when the login names one.
 * Thread-safe.
 */
public final class Login {
    private final Database database;
    private final Passwords passwords;
    private final Throttle throttle;
    private final SignIn signIn;
    private final Clock clock;
    private final AuthenticationMethod method;
    private final boolean verificationMandatory;
    private final SecurityLog log;

    Login(Database database, Passwords passwords, Throttle throttle, SignIn signIn, SecurityLog log, Clock clock,
          Settings settings) {
        this.log = log;
        this.database = database;
        this.passwords = passwords;
        this.throttle = throttle;
        this.signIn = signIn;
        this.clock = clock;
        this.method = settings.get(Settings.AUTHENTICATION_METHOD);
        this.verificationMandatory = settings.get(Settings.EMAIL_VERIFICATION) == EmailVerification.MANDATORY;
    }

    /**
     * Logs in the user these credentials belong to.
     *
     * @param client where the request comes from ({@code ApiRequest.client()}); its address counts for rate limits
     * @param sessionCookie the request's {@code sessionid} cookie, or null: with session login on, that session ends
     *                      when the login succeeds, as Django's {@code login()} flushes it
     * @throws ValidationException {@code non_field_errors} "Unable to log in with provided credentials." or
     *                             "E-mail is not verified."
     * @throws dev.restauth.error.ApiException 429 when a rate limit or the lockout refuses the attempt; 503 when
     *                                         password hashing is saturated
     */
    public SignedIn run(Credentials credentials, Client client, String sessionCookie) {
        Candidate candidate;
        try {
            candidate = database.inTransactionRetryingDuplicates(tx -> new Candidate(
                    throttle.begin(tx, Action.LOGIN, client.address(), credentials.login()),
                    find(tx.users(), credentials)));
        } catch (ThrottledException e) {
            // The same lookup and row for a known and an unknown login: the refusal tells nothing either way.
            Long userId = database.read(tx -> find(tx.users(), credentials)).map(User::id).orElse(null);
            log.recordRefusal(userId, SecurityLog.Event.LOGIN,
                    e.lockout() ? SecurityLog.Outcome.LOCKED : SecurityLog.Outcome.THROTTLED, client, null);
            throw e;
        }
        User user;
        try {
            user = candidate.attempt().judge(() -> check(candidate.user(), credentials.password()));
        } catch (ValidationException e) {
            log.recordRefusal(candidate.user().map(User::id).orElse(null), SecurityLog.Event.LOGIN,
                    SecurityLog.Outcome.FAILED, client, null);
            throw e;
        }
        String hash = passwords.needsRehash(user.password()) ? passwords.encode(credentials.password())
                : user.password();
        Optional<SignedIn> signedIn = database.inTransactionRetryingDuplicates(tx -> {
            candidate.attempt().succeeded(tx);
            if (!hash.equals(user.password())) {
                tx.users().updatePassword(user.id(), hash);
            }
            if (verificationMandatory && !tx.emailAddresses().isVerified(user.id(), user.email())) {
                log.record(tx, user.id(), SecurityLog.Event.LOGIN, SecurityLog.Outcome.UNVERIFIED, client, null);
                return Optional.empty(); // the settled attempt and the upgraded hash are committed all the same
            }
            // Second factors: a user with TOTP gets an ephemeral token instead, and logs in at mfa/verify/.
            Optional<SignedIn> waiting = signIn.awaitingSecondFactor(tx, user);
            if (waiting.isPresent()) {
                return waiting;
            }
            Instant now = clock.instant();
            tx.users().updateLastLogin(user.id(), now);
            return Optional.of(signIn.recorded(tx, signIn.login(tx, user.loggedIn(now, hash), sessionCookie), client,
                    "password"));
        });
        return signedIn.orElseThrow(() -> ValidationException.nonField(Messages.get("login.email_not_verified")));
    }

    /** The active user whose password this is; one password hash either way (an unknown login burns one). */
    private User check(Optional<User> candidate, String password) {
        if (candidate.isEmpty()) {
            passwords.burn(password);
            throw invalid();
        }
        User user = candidate.get();
        if (!passwords.verify(password, user.password()) || !user.active()) {
            throw invalid();
        }
        return user;
    }

    /**
     * The one account a login names. With {@code username_email}, a login that looks like an address is tried as
     * one first, as allauth's backend does; a shared address picks its oldest active owner.
     */
    private Optional<User> find(UserDao users, Credentials credentials) {
        boolean asEmail = credentials.byEmail()
                || (method == AuthenticationMethod.USERNAME_EMAIL && credentials.login().contains("@"));
        if (asEmail) {
            List<User> owners = users.findByEmail(credentials.login());
            if (!owners.isEmpty() || credentials.byEmail()) {
                return owners.stream().filter(User::active).findFirst().or(() -> owners.stream().findFirst());
            }
        }
        return users.findByUsername(credentials.login());
    }

    private static ValidationException invalid() {
        return ValidationException.nonField(Messages.get("login.invalid"));
    }

    private record Candidate(Throttle.Attempt attempt, Optional<User> user) {
    }
}
