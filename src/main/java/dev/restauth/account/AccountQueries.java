package dev.restauth.account;

import dev.restauth.db.Database;
import dev.restauth.db.UserDao;
import dev.restauth.serializer.SerializerContext;

/** The serializers' questions about existing accounts, answered from the database. Thread-safe. */
public final class AccountQueries implements SerializerContext.UserQueries {
    private final Database database;

    public AccountQueries(Database database) {
        this.database = database;
    }

    @Override
    public boolean usernameTaken(String username, long exceptUserId) {
        return database.inTransaction(connection -> new UserDao(connection).usernameTaken(username, exceptUserId));
    }

    /** allauth's {@code email_address_exists}: a user's own address or any recorded address, any letter case. */
    @Override
    public boolean emailTaken(String email) {
        return database.inTransaction(connection -> !new UserDao(connection).findByEmail(email).isEmpty());
    }
}
