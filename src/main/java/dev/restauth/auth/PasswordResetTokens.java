package dev.restauth.auth;

import dev.restauth.auth.crypto.Base36;
import dev.restauth.auth.crypto.ResetTokenGenerator;
import dev.restauth.auth.crypto.ResetTokenGenerator.UserState;
import dev.restauth.db.Database;
import dev.restauth.db.Transaction;
import dev.restauth.user.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The uid and token of a password-reset link, as allauth makes them: uid = base 36 of the user's pk (allauth's
 * {@code user_pk_to_url_str}, not Django's base64), token = allauth's {@code EmailAwarePasswordResetTokenGenerator},
 * i.e. Django's token over the user's pk, password hash, last login and e-mail, with every address the user has,
 * sorted and joined by {@code |}, appended. So a token dies when the password changes (it is single-use, and its
 * siblings die with it), when the user logs in again, when the addresses change, and after
 * {@code password_reset_timeout}. Nothing is stored. Thread-safe.
 */
public final class PasswordResetTokens {
    private final Database database;
    private final ResetTokenGenerator generator;

    public PasswordResetTokens(Database database, ResetTokenGenerator generator) {
        this.database = database;
        this.generator = generator;
    }

    /** The uid of a user in a reset link: base 36 of the pk (pk 1 is {@code 1}, 36 is {@code 10}). */
    public String uid(User user) {
        return Base36.encode(user.id());
    }

    /** A new token for the user, read in the caller's transaction. */
    public String make(Transaction tx, User user) {
        return generator.make(state(tx, user));
    }

    /** The user a uid names, if it decodes and the user exists (active or not, as in dj-rest-auth). */
    public Optional<User> userFor(String uid) {
        OptionalLong id = Base36.decode(uid);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return database.read(tx -> tx.users().findById(id.getAsLong()));
    }

    /** Whether the token is valid for the user (as just read from the database) and the addresses it has now. */
    public boolean check(User user, String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        UserState state = database.read(tx -> state(tx, user));
        return generator.check(state, token);
    }

    /** What the token hashes: Django's value with allauth's sorted addresses appended. */
    static UserState state(User user, List<String> addresses) {
        TreeSet<String> emails = new TreeSet<>(PasswordResetTokens::compareCodePoints);
        if (!user.email().isEmpty()) {
            emails.add(user.email());
        }
        emails.addAll(addresses);
        UserState django = UserState.django(user.id(), user.password(), user.lastLogin(), user.email());
        return new UserState(django.beforeTimestamp(), django.afterTimestamp() + String.join("|", emails));
    }

    private static UserState state(Transaction tx, User user) {
        List<String> addresses = new ArrayList<>();
        tx.emailAddresses().findByUser(user.id()).forEach(address -> addresses.add(address.email()));
        return state(user, addresses);
    }

    /** Python's string order: by code point, where Java's compareTo goes by UTF-16 unit. */
    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
