package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.db.Transaction;
import dev.restauth.mail.Outbox;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

import java.util.function.UnaryOperator;

/**
 * A new confirmation mail ({@code POST /registration/resend-email/}): dj-rest-auth's
 * {@code ResendEmailVerificationView}. The request itself, in one transaction, counts against
 * {@code throttle_confirmation_email} per address (known or not, in any letter case) and queues one outbox job: the
 * same work whatever the address, so the caller's answer and its time tell nothing. The job, run by the outbox's
 * sender, gives every unconfirmed address spelled so in any letter case a new confirmation mail at its stored
 * spelling; any other address, known or not, gets nothing. Thread-safe.
 */
public final class ResendConfirmation {
    /** The outbox job that finds the unconfirmed addresses and mails them. */
    static final String JOB = "resend_confirmation";

    private final Database database;
    private final Throttle throttle;
    private final EmailConfirmations confirmations;
    private final Outbox outbox;

    ResendConfirmation(Database database, Throttle throttle, EmailConfirmations confirmations, Outbox outbox) {
        this.database = database;
        this.throttle = throttle;
        this.confirmations = confirmations;
        this.outbox = outbox;
        outbox.register(JOB, this::mail);
    }

    /**
     * @param linkForKey the link in the mail for a verification key; called once with the placeholder
     *                   {@code {key}}, which it must insert as it is: the job fills it in later
     */
    public void run(Client client, String email, UnaryOperator<String> linkForKey) {
        String payload = email + "\n" + linkForKey.apply("{key}");
        database.useTransaction(tx -> {
            throttle.begin(tx, Action.CONFIRMATION_EMAIL, client.address(), email);
            outbox.enqueueJob(tx, JOB, payload);
        });
    }

    /** The job: a confirmation mail for every unconfirmed address spelled so. */
    private void mail(Transaction tx, String payload) {
        int newline = payload.indexOf('\n');
        String email = payload.substring(0, newline);
        String pattern = payload.substring(newline + 1);
        for (EmailAddress address : tx.emailAddresses().findByEmail(email)) {
            if (!address.verified()) {
                User user = tx.users().findById(address.userId()).orElseThrow();
                confirmations.send(tx, user, address, key -> pattern.replace("{key}", key));
            }
        }
    }
}
