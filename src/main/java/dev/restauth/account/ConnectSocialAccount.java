package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.db.SocialAccountDao;
import dev.restauth.error.ApiException;
import dev.restauth.error.ValidationException;
import dev.restauth.social.SocialCredentials;
import dev.restauth.social.SocialIdentity;
import dev.restauth.social.SocialProvider;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.SocialAccount;
import dev.restauth.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Connecting a provider's account to the logged-in user ({@code POST /<provider>/connect/}, dj-rest-auth's
 * {@code SocialConnectView}), counted as a social login attempt and answered as a login. Connecting an account the
 * user has already is a login through it; an account connected to another user is refused with "The social account is
 * already connected to a different account." (the reference logs the caller in as that other user instead).
 * Thread-safe.
 */
public final class ConnectSocialAccount {
    private final Database database;
    private final Throttle throttle;
    private final SignIn signIn;
    private final Clock clock;
    private final SecurityLog log;

    ConnectSocialAccount(Database database, Throttle throttle, SignIn signIn, SecurityLog log, Clock clock) {
        this.log = log;
        this.database = database;
        this.throttle = throttle;
        this.signIn = signIn;
        this.clock = clock;
    }

    /**
     * @throws ValidationException "The social account is already connected to a different account.", and the
     *                             provider's refusals
     */
    public SignedIn run(User user, SocialProvider provider, SocialCredentials credentials, Client client) {
        Throttle.Attempt attempt = database.inTransaction(tx ->
                throttle.begin(tx, Action.SOCIAL_LOGIN, client.address(), provider.id()));
        SocialIdentity identity = attempt.judge(() -> provider.authenticate(credentials));
        return database.inTransactionRetryingDuplicates(tx -> {
            attempt.succeeded(tx);
            SocialAccountDao accounts = tx.socialAccounts();
            Instant now = clock.instant();
            Optional<SocialAccount> known = accounts.find(identity.provider(), identity.uid());
            if (known.isPresent() && known.get().userId() != user.id()) {
                throw ValidationException.nonField(Messages.get("social.connected_elsewhere"));
            }
            if (known.isPresent()) {
                accounts.touch(known.get().id(), now, identity.profileText());
            } else {
                accounts.insert(user.id(), identity.provider(), identity.uid(), now, identity.profileText());
                log.record(tx, user.id(), SecurityLog.Event.SOCIAL_CONNECT, SecurityLog.Outcome.OK, client,
                        provider.id());
            }
            return signIn.login(tx, tx.users().findById(user.id()).orElseThrow(ApiException::notFound));
        });
    }
}
