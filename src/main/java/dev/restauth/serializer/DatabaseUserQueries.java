package dev.restauth.serializer;

import dev.restauth.db.Database;

/** The questions validation asks about existing accounts, answered from restauth's database. Thread-safe. */
public final class DatabaseUserQueries implements SerializerContext.UserQueries {
    private final Database database;

    public DatabaseUserQueries(Database database) {
        this.database = database;
    }

    @Override
    public boolean usernameTaken(String username, long exceptUserId) {
        return database.read(tx -> tx.users().usernameTaken(username, exceptUserId));
    }

    /** allauth's {@code email_address_exists}: a user's own address or any recorded address, any letter case. */
    @Override
    public boolean emailTaken(String email) {
        return database.read(tx -> !tx.users().findByEmail(email).isEmpty());
    }

    @Override
    public int storedLength(String value) {
        return database.dialect().length(value);
    }
}
