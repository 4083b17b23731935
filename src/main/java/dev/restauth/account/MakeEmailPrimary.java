package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.Identity;
import dev.restauth.db.Database;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

import java.util.List;

/**
 * Makes one of the caller's confirmed addresses the primary one ({@code PATCH /emails/}), after a recent
 * re-authentication, in one transaction: the flags, the user's own address ({@code restauth_user.email}), the
 * security-log row and, with {@code security_notices}, a notice to the old primary address. Thread-safe.
 */
public final class MakeEmailPrimary {
    private final Database database;
    private final Reauthentications reauthentications;
    private final SecurityLog log;
    private final SecurityNotices notices;

    MakeEmailPrimary(Database database, Reauthentications reauthentications, SecurityLog log,
                     SecurityNotices notices) {
        this.database = database;
        this.reauthentications = reauthentications;
        this.log = log;
        this.notices = notices;
    }

    /**
     * @return the user's addresses afterwards
     * @throws dev.restauth.error.ReauthenticationRequiredException 401 without a recent re-authentication
     * @throws ValidationException {@code email}: not the user's, or not confirmed
     */
    public List<EmailAddress> run(Identity identity, Client client, String email) {
        long userId = identity.user().id();
        return database.inTransaction(tx -> {
            reauthentications.require(tx, identity);
            EmailAddress address = tx.emailAddresses().findForUser(userId, email).orElseThrow(() ->
                    ValidationException.of("email", Messages.get("emails.not_yours")));
            if (!address.verified()) {
                throw ValidationException.of("email", Messages.get("emails.not_verified"));
            }
            if (!address.primary()) {
                User user = tx.users().findById(userId).orElseThrow();
                ConfirmEmail.promote(tx, user, address, client, log, notices);
            }
            return tx.emailAddresses().findByUser(userId);
        });
    }
}
