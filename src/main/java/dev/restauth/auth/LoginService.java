package dev.restauth.auth;

import dev.restauth.config.AuthenticationMethod;
import dev.restauth.config.EmailVerification;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.EmailAddressDao;
import dev.restauth.db.UserDao;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.User;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Password login: finds the user, checks the password, and decides. The single place where a password login is
 * accepted or refused.
 *
 * <p>The {@link Throttle} is asked first ({@link Action#LOGIN}: attempts per IP, failures per IP and login, and the
 * lockout of a login across IPs), by the login as typed, before the user is looked up: an attempt over a limit is
 * refused with 429 at no hash, the same for an account that exists and one that does not. Every admitted attempt
 * costs exactly one password hash, whether the user exists, is inactive or the password is wrong, and all three
 * answer "Unable to log in with provided credentials.", so neither the body nor the time tells them apart. A hash
 * in an outdated algorithm or with outdated parameters (a Django {@code pbkdf2_sha256} row) is replaced after a
 * successful check. With mandatory verification, an unconfirmed address is reported only after the credentials
 * were found right. Thread-safe.
 */
public final class LoginService {
    private final Database database;
    private final Passwords passwords;
    private final Throttle throttle;
    private final Clock clock;
    private final AuthenticationMethod method;
    private final boolean verificationMandatory;

    public LoginService(Database database, Passwords passwords, Throttle throttle, Clock clock, Settings settings) {
        this.database = database;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
        this.method = settings.get(Settings.AUTHENTICATION_METHOD);
        this.verificationMandatory = settings.get(Settings.EMAIL_VERIFICATION) == EmailVerification.MANDATORY;
    }

    /**
     * The user these credentials belong to; records the login ({@code last_login}).
     *
     * @param client the client's IP address ({@code ApiRequest.clientAddress()})
     * @throws ValidationException {@code non_field_errors} "Unable to log in with provided credentials." or
     *                             "E-mail is not verified."
     * @throws dev.restauth.error.ApiException 429 when a rate limit or the lockout refuses the attempt
     */
    public User authenticate(Credentials credentials, String client) {
        Throttle.Attempt attempt = throttle.begin(Action.LOGIN, client, credentials.login());
        Optional<User> proven;
        try {
            proven = check(credentials);
        } catch (RuntimeException undecided) {
            // Hashing saturated (503) or the database failed: the password was never judged, so no failure counts.
            attempt.unchecked();
            throw undecided;
        }
        if (proven.isEmpty()) {
            throw invalid();
        }
        attempt.succeeded();
        User user = proven.get();
        String upgraded = passwords.needsRehash(user.password()) ? passwords.encode(credentials.password()) : null;
        // Empty when the address is unconfirmed; the upgraded hash is committed either way.
        Optional<User> loggedIn = database.inTransaction(connection -> {
            UserDao users = new UserDao(connection);
            if (upgraded != null) {
                users.updatePassword(user.id(), upgraded);
            }
            if (verificationMandatory && !new EmailAddressDao(connection).isVerified(user.id(), user.email())) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            users.updateLastLogin(user.id(), now);
            return Optional.of(user.loggedIn(now, upgraded != null ? upgraded : user.password()));
        });
        return loggedIn.orElseThrow(() -> ValidationException.nonField(Messages.get("login.email_not_verified")));
    }

    /**
     * The active user whose password this is, or empty; costs exactly one password hash either way (an unknown
     * login burns one), as Django's {@code ModelBackend} does.
     */
    private Optional<User> check(Credentials credentials) {
        Optional<User> candidate = database.read(connection -> find(connection, credentials));
        if (candidate.isEmpty()) {
            passwords.burn(credentials.password());
            return Optional.empty();
        }
        User user = candidate.get();
        boolean right = passwords.verify(credentials.password(), user.password());
        return right && user.active() ? candidate : Optional.empty();
    }

    /**
     * The one account a login names. With {@code username_email}, a login that looks like an address is tried as
     * one first, as allauth's backend does; a shared address picks its oldest owner.
     */
    private Optional<User> find(Connection connection, Credentials credentials) {
        UserDao users = new UserDao(connection);
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
}
