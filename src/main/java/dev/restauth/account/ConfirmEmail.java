package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.Transaction;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

import java.util.Map;
import java.util.OptionalLong;

/**
 * E-mail confirmation ({@code POST /registration/verify-email/}): confirms the address a verification key names (see
 * {@link EmailConfirmations}). Of two concurrent confirmations of one address, exactly one succeeds, and only it is
 * recorded in the security log. With {@code email_change}, an added address replaces the primary one when it is
 * confirmed (allauth's {@code ACCOUNT_CHANGE_EMAIL}): it becomes primary, the user's other addresses are removed,
 * and the old primary address is told. Thread-safe.
 */
public final class ConfirmEmail {
    private final Database database;
    private final EmailConfirmations confirmations;
    private final SecurityLog log;
    private final SecurityNotices notices;
    private final boolean emailChange;

    ConfirmEmail(Database database, EmailConfirmations confirmations, SecurityLog log, SecurityNotices notices,
                 Settings settings) {
        this.database = database;
        this.confirmations = confirmations;
        this.log = log;
        this.notices = notices;
        this.emailChange = settings.get(Settings.EMAIL_CHANGE);
    }

    /**
     * @param client where the request came from, for the security log and the notice
     * @return false for a key that is malformed, tampered with, expired, of an unknown address, or of an address
     *         confirmed already
     */
    public boolean run(String key, Client client) {
        OptionalLong address = confirmations.addressOf(key);
        return address.isPresent() && database.inTransaction(tx -> {
            if (!tx.emailAddresses().verify(address.getAsLong())) {
                return false;
            }
            EmailAddress confirmed = tx.emailAddresses().findById(address.getAsLong()).orElseThrow();
            log.record(tx, confirmed.userId(), SecurityLog.Event.EMAIL_CONFIRMED, SecurityLog.Outcome.OK, client,
                    confirmed.email());
            if (emailChange && !confirmed.primary()) {
                User user = tx.users().findById(confirmed.userId()).orElseThrow();
                promote(tx, user, confirmed, client, log, notices);
                for (EmailAddress other : tx.emailAddresses().findByUser(user.id())) {
                    if (other.id() != confirmed.id()) {
                        tx.emailAddresses().delete(other.id(), user.id());
                    }
                }
            }
            return true;
        });
    }

    /**
     * Makes a confirmed address the user's primary one, in the caller's transaction: the flags, the user's own
     * address, the security-log row, and the notice to the old primary address.
     */
    static void promote(Transaction tx, User user, EmailAddress address, Client client, SecurityLog log,
                        SecurityNotices notices) {
        String old = user.email();
        tx.emailAddresses().setPrimary(user.id(), address.id());
        tx.users().updateEmail(user.id(), address.email());
        log.record(tx, user.id(), SecurityLog.Event.EMAIL_PRIMARY, SecurityLog.Outcome.OK, client, address.email());
        if (!old.isEmpty() && !old.equalsIgnoreCase(address.email())) {
            notices.send(tx, SecurityNotices.EMAIL_CHANGED, old, user, client,
                    Map.of("from_email", old, "to_email", address.email()));
        }
    }
}
