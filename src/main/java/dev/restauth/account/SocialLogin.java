package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.crypto.DelegatingPasswordHasher;
import dev.restauth.config.EmailVerification;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.SocialAccountDao;
import dev.restauth.db.Transaction;
import dev.restauth.db.UserDao;
import dev.restauth.error.ValidationException;
import dev.restauth.social.SocialCredentials;
import dev.restauth.social.SocialIdentity;
import dev.restauth.social.SocialProvider;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.SocialAccount;
import dev.restauth.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Social login ({@code POST /<provider>/}): allauth's {@code complete_social_login} with dj-rest-auth's API rules and
 * without the redirects. The attempt is counted ({@link Action#SOCIAL_LOGIN}: the per-IP login counter and failures
 * per IP and provider); the provider proves who the user is, outside any transaction, as it talks to the network;
 * then, in one transaction, the attempt is settled and:
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
public final class SocialLogin {
    private final Database database;
    private final Throttle throttle;
    private final EmailConfirmations confirmations;
    private final SignIn signIn;
    private final Clock clock;
    private final UsernameGenerator usernames = new UsernameGenerator();
    private final boolean uniqueEmail;
    private final boolean emailRequired;
    private final boolean sendConfirmation;
    private final boolean connectByVerifiedEmail;

    SocialLogin(Database database, Throttle throttle, EmailConfirmations confirmations, SignIn signIn, Clock clock,
                Settings settings) {
        this.database = database;
        this.throttle = throttle;
        this.confirmations = confirmations;
        this.signIn = signIn;
        this.clock = clock;
        this.uniqueEmail = settings.get(Settings.UNIQUE_EMAIL);
        this.emailRequired = settings.get(Settings.EMAIL_REQUIRED);
        this.sendConfirmation = settings.get(Settings.EMAIL_VERIFICATION) != EmailVerification.NONE;
        this.connectByVerifiedEmail = settings.get(Settings.SOCIAL_CONNECT_BY_VERIFIED_EMAIL);
    }

    /**
     * Logs a user in through a provider.
     *
     * @param sessionCookie the request's {@code sessionid} cookie, or null: with session login on, that session ends
     *                      when the login succeeds, as Django's {@code login()} flushes it
     * @param linkForKey    the link in a confirmation mail for a verification key
     * @throws ValidationException "Incorrect value" and the other 400s of the provider and of the rules above;
     *                             "Unable to log in with provided credentials." for an inactive user
     * @throws dev.restauth.error.ApiException 429 over a rate limit; 502/504 when the provider cannot be used
     */
    public SignedIn run(SocialProvider provider, SocialCredentials credentials, Client client, String sessionCookie,
                        UnaryOperator<String> linkForKey) {
        Throttle.Attempt attempt = database.inTransaction(tx ->
                throttle.begin(tx, Action.SOCIAL_LOGIN, client.address(), provider.id()));
        SocialIdentity identity = attempt.judge(() -> provider.authenticate(credentials));
        return database.inTransactionRetryingDuplicates(tx -> {
            attempt.succeeded(tx);
            return signIn.recorded(tx, signIn.socialLogin(tx, decide(tx, identity, linkForKey), sessionCookie),
                    client, provider.id());
        });
    }

    private User decide(Transaction tx, SocialIdentity identity, UnaryOperator<String> linkForKey) {
        SocialAccountDao accounts = tx.socialAccounts();
        UserDao users = tx.users();
        Instant now = clock.instant();
        String profile = identity.profileText();
        List<User> owners = identity.email() != null && uniqueEmail ? users.findByEmail(identity.email()) : List.of();
        // Read after the owners: each statement sees what was committed before it, so an owner created by a
        // concurrent first login of this same account comes with its account, which this finds.
        Optional<SocialAccount> known = accounts.find(identity.provider(), identity.uid());
        if (known.isPresent()) {
            accounts.touch(known.get().id(), now, profile);
            return loggedIn(users, users.findById(known.get().userId()).orElseThrow(), now);
        }
        if (!owners.isEmpty()) {
            User owner = connectableOwner(tx, owners, identity);
            accounts.insert(owner.id(), identity.provider(), identity.uid(), now, profile);
            return loggedIn(users, owner, now);
        }
        if (identity.email() == null && emailRequired) {
            throw ValidationException.nonField(Messages.get("social.email_missing"));
        }
        User user = signUp(tx, identity, now, linkForKey);
        accounts.insert(user.id(), identity.provider(), identity.uid(), now, profile);
        return loggedIn(users, user, now);
    }

    /**
     * The local user a new social account may join by address, only with {@code social_connect_by_verified_email},
     * an address the provider asserts verified and that one user confirmed.
     *
     * @throws ValidationException "User is already registered with this e-mail address." in every other case
     */
    private User connectableOwner(Transaction tx, List<User> owners, SocialIdentity identity) {
        if (connectByVerifiedEmail && identity.emailVerified() && owners.size() == 1) {
            User owner = owners.get(0);
            boolean confirmed = tx.emailAddresses().findByEmail(identity.email()).stream()
                    .anyMatch(address -> address.userId() == owner.id() && address.verified());
            if (confirmed) {
                return owner;
            }
        }
        throw ValidationException.nonField(Messages.get("social.email_taken"));
    }

    private User signUp(Transaction tx, SocialIdentity identity, Instant now, UnaryOperator<String> linkForKey) {
        String email = identity.email() == null ? "" : identity.email();
        String username = usernames.generate(tx, identity.firstName(), identity.lastName(), identity.email(),
                identity.username());
        // A provider's names may be longer than the columns as this database counts them: cut, never refused.
        User user = tx.users().insert(new UserDao.NewUser(username, email, DelegatingPasswordHasher.unusable(),
                tx.dialect().cut(identity.firstName(), User.NAME_LENGTH),
                tx.dialect().cut(identity.lastName(), User.NAME_LENGTH), true, false, false, now));
        if (!email.isEmpty()) {
            EmailAddress address = tx.emailAddresses().insert(user.id(), email, identity.emailVerified(), true,
                    uniqueEmail);
            if (!address.verified() && sendConfirmation) {
                confirmations.send(tx, user, address, linkForKey);
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
}
