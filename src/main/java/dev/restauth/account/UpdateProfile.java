package dev.restauth.account;

import dev.restauth.db.Database;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

/** A change to the user's profile ({@code PUT/PATCH /user/}), in one transaction. Thread-safe. */
public final class UpdateProfile {
    private final Database database;

    UpdateProfile(Database database) {
        this.database = database;
    }

    /**
     * Saves a validated change and returns the user as stored.
     *
     * @throws ValidationException when another user took the username meanwhile
     */
    public User run(User user, ProfileChange change) {
        try {
            return database.inTransaction(tx -> {
                tx.users().updateProfile(user.id(), change.username(), change.firstName(), change.lastName());
                return tx.users().findById(user.id()).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("username", Messages.get("user.username_taken"));
        }
    }
}
