package dev.restauth.social;

import dev.restauth.account.EmailConfirmations;
import dev.restauth.account.UsernameGenerator;
import dev.restauth.auth.crypto.DelegatingPasswordHasher;
import dev.restauth.config.EmailVerification;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.db.EmailAddressDao;
import dev.restauth.db.EmailAddressDao.EmailAddress;
import dev.restauth.db.SocialAccountDao;
import dev.restauth.db.SocialAccountDao.SocialAccount;
import dev.restauth.db.UserDao;
import dev.restauth.error.ApiException;
import dev.restauth.error.ValidationException;
import dev.restauth.http.Json;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Social login decided: allauth's {@code complete_social_login} with dj-rest-auth's API rules and without the
 * redirects. The provider proves who the user is ({@link SocialProvider#authenticate}, outside any transaction, as it
 * talks to the network); then, in one transaction:
 * <ul>
 * <li>an account known by (provider, uid) logs its user in, whatever the provider now says the address is;</li>
 * <li>a new account whose address belongs to a local user is refused with "User is already registered with this
 * e-mail address.": an address alone never hands over an account. With {@code social_connect_by_verified_email}, it
 * is connected to that user instead when the provider asserts the address verified and the user confirmed it too
 * (otherwise whoever registered the address first, unconfirmed, would share the account);</li>
 * <li>otherwise a user is created: username from first name, last name, address and the provider's login
 * ({@link UsernameGenerator}), no usable password, the address recorded as verified only if the provider says so;
 * an unverified one gets the confirmation mail (unless verification is {@code none}), and the login succeeds.</li>
 * </ul>
 * Concurrent first logins of one account end with one user. Thread-safe.
 */
public final class SocialLogins {
    /** Transactions run again after losing a race for the username, the address or the account. */
    private static final int ATTEMPTS = 3;

    private final Database database;
    private final Clock clock;
    private final EmailConfirmations confirmations;
    private final UsernameGenerator usernames = new UsernameGenerator();
    private final boolean uniqueEmail;
    private final boolean emailRequired;
    private final boolean sendConfirmation;
    private final boolean verificationMandatory;
    private final boolean connectByVerifiedEmail;

    public SocialLogins(Database database, Clock clock, Settings settings, EmailConfirmations confirmations) {
        this.database = database;
        this.clock = clock;
        this.confirmations = confirmations;
        this.uniqueEmail = settings.get(Settings.UNIQUE_EMAIL);
        this.emailRequired = settings.get(Settings.EMAIL_REQUIRED);
        this.sendConfirmation = settings.get(Settings.EMAIL_VERIFICATION) != EmailVerification.NONE;
        this.verificationMandatory = settings.get(Settings.EMAIL_VERIFICATION) == EmailVerification.MANDATORY;
        this.connectByVerifiedEmail = settings.get(Settings.SOCIAL_CONNECT_BY_VERIFIED_EMAIL);
    }

    /**
     * Logs a user in through a provider: the one place every social login is decided (a rate limit on social logins
     * belongs at the top of this method, before the provider is asked).
     *
     * @param linkForKey the link in a confirmation mail for a verification key
     * @return the user, active, with {@code last_login} set now
     * @throws ValidationException "Incorrect value" and the other 400s of the provider and of the rules above;
     *                             "Unable to log in with provided credentials." for an inactive user
     * @throws ApiException        502/504 when the provider cannot be used
     */
    public User login(SocialProvider provider, SocialCredentials credentials, UnaryOperator<String> linkForKey) {
        SocialIdentity identity = provider.authenticate(credentials);
        String profile = Json.write(identity.profile());
        return retryingRaces(() -> database.inTransaction(connection ->
                decide(connection, identity, profile, linkForKey)));
    }

    /**
     * Connects the provider's account to a logged-in user (dj-rest-auth's {@code SocialConnectView}). Connecting an
     * account the user has already is a login through it.
     *
     * @throws ValidationException "The social account is already connected to a different account."
     */
    public User connect(User user, SocialProvider provider, SocialCredentials credentials) {
        SocialIdentity identity = provider.authenticate(credentials);
        String profile = Json.write(identity.profile());
        return retryingRaces(() -> database.inTransaction(connection -> {
            SocialAccountDao accounts = new SocialAccountDao(connection);
            Instant now = clock.instant();
            Optional<SocialAccount> known = accounts.find(identity.provider(), identity.uid());
            if (known.isPresent() && known.get().userId() != user.id()) {
                throw ValidationException.nonField(Messages.get("social.connected_elsewhere"));
            }
            if (known.isPresent()) {
                accounts.touch(known.get().id(), now, profile);
            } else {
                accounts.insert(user.id(), identity.provider(), identity.uid(), now, profile);
            }
            return new UserDao(connection).findById(user.id()).orElseThrow(ApiException::notFound);
        }));
    }

    /** The user's connected accounts, oldest first. */
    public List<SocialAccount> accounts(long userId) {
        return database.inTransaction(connection -> new SocialAccountDao(connection).findByUser(userId));
    }

    /**
     * Disconnects one of the user's accounts; returns it. The last one stays while it is the only way to log in
     * (allauth's {@code validate_disconnect}): while the user has no usable password, or, under mandatory
     * verification, no confirmed address to reset one with.
     *
     * @throws ApiException        404 when the user has no account of that id
     * @throws ValidationException "Your account has no password set up." or "Your account has no verified e-mail
     *                             address."
     */
    public SocialAccount disconnect(long userId, long accountId) {
        return database.inTransaction(connection -> {
            SocialAccountDao dao = new SocialAccountDao(connection);
            List<SocialAccount> accounts = dao.findByUser(userId);
            SocialAccount account = accounts.stream().filter(a -> a.id() == accountId).findFirst()
                    .orElseThrow(ApiException::notFound);
            if (accounts.size() == 1) {
                User user = new UserDao(connection).findById(userId).orElseThrow(ApiException::notFound);
                if (!user.hasUsablePassword()) {
                    throw ValidationException.nonField(Messages.get("social.disconnect_no_password"));
                }
                if (verificationMandatory && new EmailAddressDao(connection).findByUser(userId).stream()
                        .noneMatch(EmailAddress::verified)) {
                    throw ValidationException.nonField(Messages.get("social.disconnect_no_verified_email"));
                }
            }
            dao.delete(account.id(), userId);
            return account;
        });
    }

    private User decide(Connection connection, SocialIdentity identity, String profile,
                        UnaryOperator<String> linkForKey) {
        SocialAccountDao accounts = new SocialAccountDao(connection);
        UserDao users = new UserDao(connection);
        Instant now = clock.instant();
        List<User> owners = identity.email() != null && uniqueEmail ? users.findByEmail(identity.email()) : List.of();
        // Read after the owners: each statement sees what was committed before it, so an owner created by a
        // concurrent first login of this same account comes with its account, which this finds.
        Optional<SocialAccount> known = accounts.find(identity.provider(), identity.uid());
        if (known.isPresent()) {
            accounts.touch(known.get().id(), now, profile);
            return loggedIn(users, users.findById(known.get().userId()).orElseThrow(), now);
        }
        if (!owners.isEmpty()) {
            User owner = connectableOwner(connection, owners, identity);
            accounts.insert(owner.id(), identity.provider(), identity.uid(), now, profile);
            return loggedIn(users, owner, now);
        }
        if (identity.email() == null && emailRequired) {
            throw ValidationException.nonField(Messages.get("social.email_missing"));
        }
        User user = signUp(connection, identity, now, linkForKey);
        accounts.insert(user.id(), identity.provider(), identity.uid(), now, profile);
        return loggedIn(users, user, now);
    }

    /**
     * The local user a new social account may join by address, only with {@code social_connect_by_verified_email},
     * an address the provider asserts verified and that one user confirmed.
     *
     * @throws ValidationException "User is already registered with this e-mail address." in every other case
     */
    private User connectableOwner(Connection connection, List<User> owners, SocialIdentity identity) {
        if (connectByVerifiedEmail && identity.emailVerified() && owners.size() == 1) {
            User owner = owners.get(0);
            boolean confirmed = new EmailAddressDao(connection).findByEmail(identity.email()).stream()
                    .anyMatch(address -> address.userId() == owner.id() && address.verified());
            if (confirmed) {
                return owner;
            }
        }
        throw emailTaken();
    }

    private User signUp(Connection connection, SocialIdentity identity, Instant now,
                        UnaryOperator<String> linkForKey) {
        String email = identity.email() == null ? "" : identity.email();
        String username = usernames.generate(connection, identity.firstName(), identity.lastName(), identity.email(),
                identity.username());
        User user = new UserDao(connection).insert(new UserDao.NewUser(username, email,
                DelegatingPasswordHasher.unusable(), identity.firstName(), identity.lastName(), true, false, false,
                now));
        if (!email.isEmpty()) {
            EmailAddress address = new EmailAddressDao(connection).insert(user.id(), email, identity.emailVerified(),
                    true, uniqueEmail);
            if (!address.verified() && sendConfirmation) {
                confirmations.send(connection, user, address, linkForKey);
            }
        }
        return user;
    }

    private static User loggedIn(UserDao users, User user, Instant now) {
        if (!user.active()) {
            throw ValidationException.nonField(Messages.get("login.invalid"));
        }
        users.updateLastLogin(user.id(), now);
        return users.findById(user.id()).orElseThrow();
    }

    private static ValidationException emailTaken() {
        return ValidationException.nonField(Messages.get("social.email_taken"));
    }

    /**
     * Runs a decision again when a concurrent one took the username, the address or the account first: the next
     * attempt sees the winner's rows and decides accordingly (the same user, another name, or the address rule).
     */
    private static User retryingRaces(Supplier<User> decision) {
        for (int attempt = 1; ; attempt++) {
            try {
                return decision.get();
            } catch (DuplicateKeyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
