package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.Identity;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Adds an e-mail address to the caller's account ({@code POST /emails/}), after a recent re-authentication, in one
 * transaction: the address (unconfirmed, not primary), its confirmation mail (registration's, {@link
 * EmailConfirmations}), the security-log row and, with {@code security_notices}, a notice to the primary address.
 * The uniqueness and letter-case rules are registration's: with {@code unique_email} an address any account has, in
 * any letter case, is refused (the database's unique index decides a race). Confirmation mails are counted as
 * {@code resend-email/}'s ({@link Action#CONFIRMATION_EMAIL}, per address). With {@code email_change} (allauth's
 * {@code ACCOUNT_CHANGE_EMAIL}) the account has at most one address waiting: a new one replaces it, and once
 * confirmed it replaces the primary ({@link ConfirmEmail}). Thread-safe.
 */
public final class AddEmailAddress {
    private final Database database;
    private final Throttle throttle;
    private final EmailConfirmations confirmations;
    private final Reauthentications reauthentications;
    private final SecurityLog log;
    private final SecurityNotices notices;
    private final boolean uniqueEmail;
    private final boolean emailChange;

    AddEmailAddress(Database database, Throttle throttle, EmailConfirmations confirmations,
                    Reauthentications reauthentications, SecurityLog log, SecurityNotices notices, Settings settings) {
        this.database = database;
        this.throttle = throttle;
        this.confirmations = confirmations;
        this.reauthentications = reauthentications;
        this.log = log;
        this.notices = notices;
        this.uniqueEmail = settings.get(Settings.UNIQUE_EMAIL);
        this.emailChange = settings.get(Settings.EMAIL_CHANGE);
    }

    /**
     * @param email      the address, validated as an e-mail address
     * @param linkForKey the confirmation link for a key
     * @return the user's addresses afterwards
     * @throws dev.restauth.error.ReauthenticationRequiredException 401 without a recent re-authentication
     * @throws ValidationException {@code email}: the user has it already, or another account has it
     * @throws dev.restauth.error.ApiException 429 when the address got too many confirmation mails
     */
    public List<EmailAddress> run(Identity identity, Client client, String email, UnaryOperator<String> linkForKey) {
        User user = identity.user();
        return database.inTransaction(tx -> {
            reauthentications.require(tx, identity);
            if (tx.emailAddresses().findForUser(user.id(), email).isPresent()) {
                throw ValidationException.of("email", Messages.get("emails.already_yours"));
            }
            if (uniqueEmail && tx.emailAddresses().taken(email)) {
                throw taken();
            }
            throttle.begin(tx, Action.CONFIRMATION_EMAIL, null, email);
            if (emailChange) {
                for (EmailAddress waiting : tx.emailAddresses().findByUser(user.id())) {
                    if (!waiting.primary() && !waiting.verified()) {
                        tx.emailAddresses().delete(waiting.id(), user.id());
                    }
                }
            }
            EmailAddress added;
            try {
                added = tx.nested(() -> tx.emailAddresses().insert(user.id(), email, false, false, uniqueEmail));
            } catch (DuplicateKeyException raced) {
                throw taken();
            }
            confirmations.send(tx, user, added, linkForKey);
            log.record(tx, user.id(), SecurityLog.Event.EMAIL_ADDED, SecurityLog.Outcome.OK, client, email);
            notices.send(tx, SecurityNotices.EMAIL_ADDED, user.email(), user, client, Map.of("email", email));
            return tx.emailAddresses().findByUser(user.id());
        });
    }

    private static ValidationException taken() {
        return ValidationException.of("email", Messages.get("user.email_taken"));
    }
}
