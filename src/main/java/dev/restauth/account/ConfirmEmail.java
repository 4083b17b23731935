package dev.restauth.account;

import dev.restauth.db.Database;

import java.util.OptionalLong;

/**
 * E-mail confirmation ({@code POST /registration/verify-email/}): confirms the address a verification key names (see
 * {@link EmailConfirmations}). Of two concurrent confirmations of one address, exactly one succeeds. Thread-safe.
 */
public final class ConfirmEmail {
    private final Database database;
    private final EmailConfirmations confirmations;

    ConfirmEmail(Database database, EmailConfirmations confirmations) {
        this.database = database;
        this.confirmations = confirmations;
    }

    /**
     * @return false for a key that is malformed, tampered with, expired, of an unknown address, or of an address
     *         confirmed already
     */
    public boolean run(String key) {
        OptionalLong address = confirmations.addressOf(key);
        return address.isPresent() && database.inTransaction(tx -> tx.emailAddresses().verify(address.getAsLong()));
    }
}
