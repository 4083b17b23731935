package dev.restauth.account;

import dev.restauth.auth.Passwords;
import dev.restauth.config.EmailVerification;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.db.EmailAddressDao;
import dev.restauth.db.EmailAddressDao.EmailAddress;
import dev.restauth.db.UserDao;
import dev.restauth.error.ValidationException;
import dev.restauth.serializer.RegisterSerializer.SignUp;
import dev.restauth.text.Messages;
import dev.restauth.user.User;

import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * Sign-up: allauth's {@code complete_signup} without the redirects. The user, its e-mail address and the
 * confirmation mail are written in ONE transaction, so either all exist or none does; the mail goes out from the
 * outbox, so a sign-up succeeds while the SMTP server is down. Two sign-ups racing for one username or address
 * end with one account and a field error for the other, never a server error. Thread-safe.
 */
public final class Registrations {
    private final Database database;
    private final Passwords passwords;
    private final Clock clock;
    private final EmailConfirmations confirmations;
    private final UsernameGenerator usernames = new UsernameGenerator();
    private final boolean uniqueEmail;
    private final boolean sendConfirmation;

    public Registrations(Database database, Passwords passwords, Clock clock, Settings settings,
                         EmailConfirmations confirmations) {
        this.database = database;
        this.passwords = passwords;
        this.clock = clock;
        this.confirmations = confirmations;
        this.uniqueEmail = settings.get(Settings.UNIQUE_EMAIL);
        this.sendConfirmation = settings.get(Settings.EMAIL_VERIFICATION) != EmailVerification.NONE;
    }

    /**
     * Creates the account of a validated sign-up and queues its confirmation mail (unless verification is
     * {@code none}).
     *
     * @param linkForKey the link in the mail for a verification key
     * @throws ValidationException when a concurrent sign-up took the username or address first
     */
    public User register(SignUp signUp, UnaryOperator<String> linkForKey) {
        String hash = passwords.encode(signUp.password());
        try {
            return database.inTransaction(connection -> {
                String username = signUp.username().isEmpty()
                        ? usernames.generate(connection, signUp.email()) : signUp.username();
                User user = new UserDao(connection).insert(new UserDao.NewUser(username, signUp.email(), hash,
                        "", "", true, false, false, clock.instant()));
                if (!signUp.email().isEmpty()) {
                    EmailAddress address = new EmailAddressDao(connection).insert(user.id(), signUp.email(), false,
                            true, uniqueEmail);
                    if (sendConfirmation) {
                        confirmations.send(connection, user, address, linkForKey);
                    }
                }
                return user;
            });
        } catch (DuplicateKeyException raced) {
            throw takenBy(signUp);
        }
    }

    /**
     * Queues a new confirmation mail for an unconfirmed address (resend-email). Any other address, known or not,
     * gets nothing, and the caller answers the same either way.
     */
    public void resendConfirmation(String email, UnaryOperator<String> linkForKey) {
        database.useTransaction(connection -> {
            for (EmailAddress address : new EmailAddressDao(connection).findByEmail(email)) {
                if (!address.verified()) {
                    User user = new UserDao(connection).findById(address.userId()).orElseThrow();
                    confirmations.send(connection, user, address, linkForKey);
                }
            }
        });
    }

    /** The field errors for a sign-up that lost a race, as the serializer would have reported them. */
    private ValidationException takenBy(SignUp signUp) {
        return database.inTransaction(connection -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            if (!signUp.username().isEmpty() && new UserDao(connection).findByUsername(signUp.username()).isPresent()) {
                errors.add("username", Messages.get("user.username_taken"));
            }
            if (!signUp.email().isEmpty() && new EmailAddressDao(connection).taken(signUp.email())) {
                errors.add("email", Messages.get("user.email_taken"));
            }
            if (errors.isEmpty()) {
                // The winner's row is not visible yet or was rolled back; the name is what the index guards.
                errors.add("username", Messages.get("user.username_taken"));
            }
            return errors.toException();
        });
    }
}
