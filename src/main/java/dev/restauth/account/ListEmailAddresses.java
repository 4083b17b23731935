package dev.restauth.account;

import dev.restauth.db.Database;
import dev.restauth.user.EmailAddress;

import java.util.List;

/** The user's e-mail addresses, oldest first ({@code GET /emails/}). Reads only. Thread-safe. */
public final class ListEmailAddresses {
    private final Database database;

    ListEmailAddresses(Database database) {
        this.database = database;
    }

    public List<EmailAddress> run(long userId) {
        return database.read(tx -> tx.emailAddresses().findByUser(userId));
    }
}
