package dev.restauth.account;

import dev.restauth.db.Database;
import dev.restauth.user.Passkey;

import java.util.List;

/** The user's passkeys, newest first ({@code GET /passkeys/}, and {@code GET /passkeys/<id>/}). Thread-safe. */
public final class ListPasskeys {
    private final Database database;

    ListPasskeys(Database database) {
        this.database = database;
    }

    public List<Passkey> run(long userId) {
        return database.read(tx -> tx.passkeys().findByUser(userId));
    }
}
