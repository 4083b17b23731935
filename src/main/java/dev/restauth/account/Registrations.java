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
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.Outbox;
import dev.restauth.serializer.RegisterSerializer.SignUp;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.Keys;
import dev.restauth.user.User;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Sign-up: allauth's {@code complete_signup} without the redirects. The user, its e-mail address and the
 * confirmation mail are written in ONE transaction, so either all exist or none does; the mail goes out from the
 * outbox, so a sign-up succeeds while the SMTP server is down. Two sign-ups racing for one username or address
 * end with one account and a field error for the other, never a server error.
 *
 * <p>With {@code prevent_enumeration} (allauth's {@code ACCOUNT_PREVENT_ENUMERATION}), mandatory verification and
 * unique addresses, a sign-up with a taken address creates nothing and is answered as a new one, while the
 * address's owner is mailed "an account already exists" (at most once per {@code throttle_confirmation_email},
 * silently). It costs one password hash like a real sign-up. Thread-safe.
 */
public final class Registrations {
    /** The allauth template of the mail a taken address's owner gets under {@code prevent_enumeration}. */
    public static final String ACCOUNT_EXISTS_TEMPLATE = "account_already_exists";

    private final Database database;
    private final Passwords passwords;
    private final Clock clock;
    private final EmailConfirmations confirmations;
    private final Throttle throttle;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final UsernameGenerator usernames = new UsernameGenerator();
    private final boolean uniqueEmail;
    private final boolean sendConfirmation;
    private final boolean hideTakenAddresses;

    public Registrations(Database database, Passwords passwords, Clock clock, Settings settings,
                         EmailConfirmations confirmations, Throttle throttle, MailTemplates templates, Outbox outbox) {
        this.database = database;
        this.passwords = passwords;
        this.clock = clock;
        this.confirmations = confirmations;
        this.throttle = throttle;
        this.templates = templates;
        this.outbox = outbox;
        this.uniqueEmail = settings.get(Settings.UNIQUE_EMAIL);
        EmailVerification verification = settings.get(Settings.EMAIL_VERIFICATION);
        this.sendConfirmation = verification != EmailVerification.NONE;
        // Only mandatory verification answers a sign-up without logging anyone in, so only then can a taken
        // address be answered exactly like a new one (allauth's rule too).
        this.hideTakenAddresses = settings.get(Settings.PREVENT_ENUMERATION) && uniqueEmail
                && verification == EmailVerification.MANDATORY;
    }

    /**
     * Creates the account of a validated sign-up and queues its confirmation mail (unless verification is
     * {@code none}).
     *
     * @param linkForKey the link in the mail for a verification key
     * @return the new user; empty when {@code prevent_enumeration} found the address taken and mailed its owner
     *         instead (only under mandatory verification, whose answer names no user)
     * @throws ValidationException when a concurrent sign-up took the username or address first
     */
    public Optional<User> register(SignUp signUp, UnaryOperator<String> linkForKey) {
        // Hashed also when the address turns out taken: both answers cost the same.
        String hash = passwords.encode(signUp.password());
        Optional<User> created;
        try {
            created = database.inTransaction(connection -> {
                if (hideTakenAddresses && !signUp.email().isEmpty()
                        && !new UserDao(connection).findByEmail(signUp.email()).isEmpty()) {
                    return Optional.empty();
                }
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
                return Optional.of(user);
            });
        } catch (DuplicateKeyException raced) {
            Map<String, List<String>> errors = new LinkedHashMap<>(takenBy(signUp).errors());
            if (hideTakenAddresses) {
                errors.remove("email");
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            created = Optional.empty();
        }
        if (created.isEmpty()) {
            mailAddressOwner(signUp.email());
        }
        return created;
    }

    /**
     * Queues "an account already exists" for the owner of a taken address, at the owner's own spelling of it,
     * unless one went out within {@code throttle_confirmation_email}: a stranger must not be able to flood the
     * owner's mailbox by signing up again and again.
     */
    private void mailAddressOwner(String email) {
        if (!throttle.tryHit(Action.ACCOUNT_EXISTS_EMAIL, null, email)) {
            return;
        }
        String key = Keys.of(email);
        database.useTransaction(connection -> {
            for (User owner : new UserDao(connection).findByEmail(email)) {
                String stored = PasswordResets.storedAddress(connection, owner, key);
                outbox.enqueue(connection, templates.render(ACCOUNT_EXISTS_TEMPLATE, Map.of("email", stored), stored));
            }
        });
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
