package dev.restauth.account;

import dev.restauth.db.Database;
import dev.restauth.error.ApiException;
import dev.restauth.text.Messages;

/** Renames one of the user's passkeys ({@code PATCH|PUT /passkeys/<id>/}), in one statement. Thread-safe. */
public final class RenamePasskey {
    private final Database database;

    RenamePasskey(Database database) {
        this.database = database;
    }

    /** @throws ApiException 404 when the user has no passkey of that id */
    public void run(long userId, long passkeyId, String name) {
        if (!database.inTransaction(tx -> tx.passkeys().rename(passkeyId, userId, name))) {
            throw ApiException.notFound(Messages.get("passkey.no_match"));
        }
    }
}
