package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.Identity;
import dev.restauth.db.Database;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.user.EmailAddress;

import java.util.List;

/**
 * Removes one of the caller's addresses ({@code DELETE /emails/}), after a recent re-authentication, in one
 * transaction with its security-log row. Never the primary address, and never the last confirmed one. Thread-safe.
 */
public final class RemoveEmailAddress {
    private final Database database;
    private final Reauthentications reauthentications;
    private final SecurityLog log;

    RemoveEmailAddress(Database database, Reauthentications reauthentications, SecurityLog log) {
        this.database = database;
        this.reauthentications = reauthentications;
        this.log = log;
    }

    /**
     * @return the user's addresses afterwards
     * @throws dev.restauth.error.ReauthenticationRequiredException 401 without a recent re-authentication
     * @throws ValidationException {@code email}: not the user's, the primary one, or the last confirmed one
     */
    public List<EmailAddress> run(Identity identity, Client client, String email) {
        long userId = identity.user().id();
        return database.inTransaction(tx -> {
            reauthentications.require(tx, identity);
            List<EmailAddress> addresses = tx.emailAddresses().findByUser(userId);
            EmailAddress address = tx.emailAddresses().findForUser(userId, email).orElseThrow(() ->
                    ValidationException.of("email", Messages.get("emails.not_yours")));
            if (address.primary()) {
                throw ValidationException.of("email", Messages.get("emails.primary_not_removable"));
            }
            if (address.verified() && addresses.stream().filter(EmailAddress::verified).count() == 1) {
                throw ValidationException.of("email", Messages.get("emails.last_verified"));
            }
            tx.emailAddresses().delete(address.id(), userId);
            log.record(tx, userId, SecurityLog.Event.EMAIL_REMOVED, SecurityLog.Outcome.OK, client,
                    address.email());
            return tx.emailAddresses().findByUser(userId);
        });
    }
}
