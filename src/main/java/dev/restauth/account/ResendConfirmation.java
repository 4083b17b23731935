package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

import java.util.function.UnaryOperator;

/**
 * A new confirmation mail ({@code POST /registration/resend-email/}): dj-rest-auth's
 * {@code ResendEmailVerificationView}. In one transaction: the request counts against
 * {@code throttle_confirmation_email} per address (known or not, in any letter case), and every unconfirmed address
 * spelled so in any letter case gets a new confirmation mail at its stored spelling. Any other address, known or
 * not, gets nothing, and the caller answers the same either way. Thread-safe.
 */
public final class ResendConfirmation {
    private final Database database;
    private final Throttle throttle;
    private final EmailConfirmations confirmations;

    ResendConfirmation(Database database, Throttle throttle, EmailConfirmations confirmations) {
        this.database = database;
        this.throttle = throttle;
        this.confirmations = confirmations;
    }

    /** @param linkForKey the link in the mail for a verification key */
    public void run(Client client, String email, UnaryOperator<String> linkForKey) {
        database.useTransaction(tx -> {
            throttle.begin(tx, Action.CONFIRMATION_EMAIL, client.address(), email);
            for (EmailAddress address : tx.emailAddresses().findByEmail(email)) {
                if (!address.verified()) {
                    User user = tx.users().findById(address.userId()).orElseThrow();
                    confirmations.send(tx, user, address, linkForKey);
                }
            }
        });
    }
}
