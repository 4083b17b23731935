package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

import java.util.function.UnaryOperator;

/**
 * Sends the confirmation mail of one of the caller's unconfirmed addresses again ({@code PUT /emails/}), counted
 * as {@code resend-email/}'s ({@link Action#CONFIRMATION_EMAIL}, per address); an address confirmed already gets
 * nothing. Thread-safe.
 */
public final class ResendAddressConfirmation {
    private final Database database;
    private final Throttle throttle;
    private final EmailConfirmations confirmations;

    ResendAddressConfirmation(Database database, Throttle throttle, EmailConfirmations confirmations) {
        this.database = database;
        this.throttle = throttle;
        this.confirmations = confirmations;
    }

    /**
     * @throws ValidationException {@code email} when the user has no such address
     * @throws dev.restauth.error.ApiException 429 when the address got too many confirmation mails
     */
    public void run(User user, Client client, String email, UnaryOperator<String> linkForKey) {
        database.useTransaction(tx -> {
            EmailAddress address = tx.emailAddresses().findForUser(user.id(), email).orElseThrow(() ->
                    ValidationException.of("email", Messages.get("emails.not_yours")));
            if (address.verified()) {
                return;
            }
            throttle.begin(tx, Action.CONFIRMATION_EMAIL, client.address(), address.email());
            confirmations.send(tx, user, address, linkForKey);
        });
    }
}
