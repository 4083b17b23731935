package dev.restauth.account;

import dev.restauth.auth.Passwords;
import dev.restauth.db.Database;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.db.EmailAddressDao;
import dev.restauth.db.UserDao;
import dev.restauth.error.ValidationException;
import dev.restauth.serializer.UserDetailsSerializer.ProfileChange;
import dev.restauth.text.Messages;
import dev.restauth.user.Keys;
import dev.restauth.user.User;

import java.time.Clock;
import java.util.Optional;

/**
 * Changes to accounts that several endpoints and commands share: creating a user, changing the profile, setting a
 * password. Hashing happens before the transaction opens, so no connection waits on argon2. Thread-safe.
 */
public final class Accounts {
    private final Database database;
    private final Passwords passwords;
    private final Clock clock;

    public Accounts(Database database, Passwords passwords, Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A user to create. {@code email} may be empty; a non-empty one is recorded as confirmed when so flagged. */
    public record NewAccount(String username, String email, String password, boolean staff, boolean superuser,
                             boolean emailVerified) {
        @Override
        public String toString() {
            return "NewAccount{username=" + username + "}";
        }
    }

    /**
     * Creates an active user with its e-mail address.
     *
     * @throws ValidationException when the username or the address is taken (in any letter case)
     */
    public User create(NewAccount account) {
        String hash = passwords.encode(account.password());
        String username = Keys.normalizeUsername(account.username());
        try {
            return database.inTransaction(connection -> {
                User user = new UserDao(connection).insert(new UserDao.NewUser(username, account.email(), hash,
                        "", "", true, account.staff(), account.superuser(), clock.instant()));
                if (!account.email().isEmpty()) {
                    new EmailAddressDao(connection).insert(user.id(), account.email(), account.emailVerified(),
                            true, true);
                }
                return user;
            });
        } catch (DuplicateKeyException e) {
            boolean nameTaken = database.inTransaction(connection ->
                    new UserDao(connection).findByUsername(username).isPresent());
            throw nameTaken ? ValidationException.of("username", Messages.get("user.username_taken"))
                    : ValidationException.of("email", Messages.get("user.email_taken"));
        }
    }

    /**
     * Saves a profile change and returns the user as stored.
     *
     * @throws ValidationException when another user took the username meanwhile
     */
    public User updateProfile(User user, ProfileChange change) {
        try {
            return database.inTransaction(connection -> {
                UserDao users = new UserDao(connection);
                users.updateProfile(user.id(), change.username(), change.firstName(), change.lastName());
                return users.findById(user.id()).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("username", Messages.get("user.username_taken"));
        }
    }

    /**
     * Hashes and stores a new password, provided the stored hash is still the one {@code user} was read with;
     * returns the user with its new hash, or empty when the password changed meanwhile. A password reset uses this:
     * its token was checked against the old hash, and two uses of one token racing must not both succeed.
     */
    public Optional<User> replacePassword(User user, String rawPassword) {
        String hash = passwords.encode(rawPassword);
        return database.inTransaction(connection -> {
            UserDao users = new UserDao(connection);
            if (!users.replacePassword(user.id(), user.password(), hash)) {
                return Optional.empty();
            }
            return users.findById(user.id());
        });
    }

    /** Hashes and stores a new password; returns the user with its new hash. */
    public User setPassword(User user, String rawPassword) {
        String hash = passwords.encode(rawPassword);
        return database.inTransaction(connection -> {
            UserDao users = new UserDao(connection);
            users.updatePassword(user.id(), hash);
            return users.findById(user.id()).orElseThrow();
        });
    }
}
