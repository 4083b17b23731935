package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;

import java.util.OptionalLong;

/**
 * E-mail confirmation ({@code POST /registration/verify-email/}): confirms the address a verification key names (see
 * {@link EmailConfirmations}). Of two concurrent confirmations of one address, exactly one succeeds, and only it is
 * recorded in the security log. Thread-safe.
 */
public final class ConfirmEmail {
    private final Database database;
    private final EmailConfirmations confirmations;
    private final SecurityLog log;

    ConfirmEmail(Database database, EmailConfirmations confirmations, SecurityLog log) {
        this.log = log;
        this.database = database;
        this.confirmations = confirmations;
    }

    /**
     * @return false for a key that is malformed, tampered with, expired, of an unknown address, or of an address
     *         confirmed already
     */
    public boolean run(String key, Client client) {
        OptionalLong address = confirmations.addressOf(key);
        return address.isPresent() && database.inTransaction(tx -> {
            if (!tx.emailAddresses().verify(address.getAsLong())) {
                return false;
            }
            tx.emailAddresses().findById(address.getAsLong()).ifPresent(confirmed -> log.record(tx,
                    confirmed.userId(), SecurityLog.Event.EMAIL_CONFIRMED, SecurityLog.Outcome.OK, client,
                    confirmed.email()));
            return true;
        });
    }
}
