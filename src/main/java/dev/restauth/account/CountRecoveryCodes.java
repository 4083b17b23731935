package dev.restauth.account;

import dev.restauth.db.Database;

/**
 * How many recovery codes a user has left ({@code GET|POST /mfa/recovery-codes/}): the codes themselves are stored
 * hashed and cannot be shown again. 0 while TOTP is off. Reads only. Thread-safe.
 */
public final class CountRecoveryCodes {
    private final Database database;

    CountRecoveryCodes(Database database) {
        this.database = database;
    }

    public int run(long userId) {
        return database.read(tx -> tx.recoveryCodes().remaining(userId));
    }
}
