package dev.restauth.account;

import dev.restauth.auth.Passwords;
import dev.restauth.db.Database;
import dev.restauth.db.Dialect;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.db.UserDao;
import dev.restauth.error.ValidationException;
import dev.restauth.password.PasswordValidators;
import dev.restauth.password.UserAttributes;
import dev.restauth.text.Messages;
import dev.restauth.user.Canonical;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A user made by an operator ({@code createsuperuser}) or an embedding application, not by sign-up: the password
 * must pass the password validators, and is hashed outside the transaction that writes the user and its address.
 * Thread-safe.
 */
public final class CreateUser {
    private final Database database;
    private final Passwords passwords;
    private final PasswordValidators validators;
    private final Clock clock;

    CreateUser(Database database, Passwords passwords, PasswordValidators validators, Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.validators = validators;
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
     * @throws ValidationException {@code username} / {@code email} when longer than their columns hold as stored
     *                             (the username after NFKC), {@code password} with the validators' messages, or
     *                             {@code username} / {@code email} when taken (in any letter case)
     */
    public User run(NewAccount account) {
        String username = Canonical.username(account.username());
        Dialect dialect = database.dialect();
        if (dialect.length(username) > User.NAME_LENGTH) {
            throw ValidationException.of("username", Messages.get("field.max_length", User.NAME_LENGTH));
        }
        if (dialect.length(account.email()) > EmailAddress.MAX_LENGTH
                || dialect.length(Canonical.key(account.email())) > Canonical.KEY_LENGTH) {
            throw ValidationException.of("email", Messages.get("field.max_length", EmailAddress.MAX_LENGTH));
        }
        List<String> problems = validators.validate(account.password(),
                new UserAttributes(username, account.email(), "", ""));
        if (!problems.isEmpty()) {
            throw new ValidationException(Map.of("password", problems));
        }
        String hash = passwords.encode(account.password());
        try {
            return database.inTransaction(tx -> {
                User user = tx.users().insert(new UserDao.NewUser(username, account.email(), hash, "", "", true,
                        account.staff(), account.superuser(), clock.instant()));
                if (!account.email().isEmpty()) {
                    tx.emailAddresses().insert(user.id(), account.email(), account.emailVerified(), true, true);
                }
                return user;
            });
        } catch (DuplicateKeyException e) {
            boolean nameTaken = database.read(tx -> tx.users().findByUsername(username).isPresent());
            throw nameTaken ? ValidationException.of("username", Messages.get("user.username_taken"))
                    : ValidationException.of("email", Messages.get("user.email_taken"));
        }
    }
}
