package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.Passwords;
import dev.restauth.config.EmailVerification;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.db.Transaction;
import dev.restauth.db.UserDao;
import dev.restauth.error.ValidationException;
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.Outbox;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.Canonical;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Sign-up ({@code POST /registration/}): allauth's {@code complete_signup} without the redirects. The sign-up is
 * counted against {@code throttle_signup} before the body is validated, since validation itself says whether a
 * username or address is taken. The password is hashed outside any transaction; then the user, its e-mail address,
 * the confirmation mail and (unless verification is mandatory) the login and its row in the security log are written
 * in ONE transaction, so either all exist or none does; the mail goes out from the outbox, so a sign-up succeeds
 * while the SMTP server is down. Two sign-ups racing for one username or address end with one account and a field
 * error for the other.
 *
 * <p>With {@code prevent_enumeration} (allauth's {@code ACCOUNT_PREVENT_ENUMERATION}), mandatory verification and
 * unique addresses, a sign-up with a taken address creates nothing and is answered as a new one, while the
 * address's owner is mailed "an account already exists" (at most once per {@code throttle_confirmation_email},
 * silently). It costs one password hash like a real sign-up, and the same work up to the answer but for the two
 * rows a new account is: the same lookups, then one outbox row in the same transaction where a new address gets
 * its confirmation mail. That row is a job; the outbox's sender applies the limit and mails the owner later, so
 * whether the owner is mailed does not show in the request either. Thread-safe.
 */
public final class Register {
    /** The allauth template of the mail a taken address's owner gets under {@code prevent_enumeration}. */
    public static final String ACCOUNT_EXISTS_TEMPLATE = "account_already_exists";
    /** The outbox job that mails a taken address's owner, its payload the address as typed. */
    static final String ACCOUNT_EXISTS_JOB = "account_exists";

    private final Database database;
    private final Passwords passwords;
    private final Throttle throttle;
    private final EmailConfirmations confirmations;
    private final SignIn signIn;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final Clock clock;
    private final UsernameGenerator usernames = new UsernameGenerator();
    private final boolean uniqueEmail;
    private final boolean sendConfirmation;
    private final boolean verificationMandatory;
    private final boolean hideTakenAddresses;

    Register(Database database, Passwords passwords, Throttle throttle, EmailConfirmations confirmations,
             SignIn signIn, MailTemplates templates, Outbox outbox, Clock clock, Settings settings) {
        this.database = database;
        this.passwords = passwords;
        this.throttle = throttle;
        this.confirmations = confirmations;
        this.signIn = signIn;
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
        this.uniqueEmail = settings.get(Settings.UNIQUE_EMAIL);
        EmailVerification verification = settings.get(Settings.EMAIL_VERIFICATION);
        this.sendConfirmation = verification != EmailVerification.NONE;
        this.verificationMandatory = verification == EmailVerification.MANDATORY;
        // Only mandatory verification answers a sign-up without logging anyone in, so only then can a taken
        // address be answered exactly like a new one (allauth's rule too).
        this.hideTakenAddresses = settings.get(Settings.PREVENT_ENUMERATION) && uniqueEmail && verificationMandatory;
        outbox.register(ACCOUNT_EXISTS_JOB, this::mailAddressOwner);
    }

    /**
     * Creates the account of a sign-up and queues its confirmation mail (unless verification is {@code none}).
     *
     * @param validation the serializer's validation of the body, run once the sign-up was counted
     * @param linkForKey the link in the mail for a verification key
     * @param sessionCookie the request's {@code sessionid} cookie, or null: with session login on, that session ends
     *                      when the sign-up logs the new user in, as a login ends it
     * @return empty under mandatory verification (nobody is logged in, and the answer must not tell a taken address
     *         from a new one); otherwise the new user, logged in
     * @throws ValidationException the serializer's field errors, or the field a concurrent sign-up took first
     */
    public Optional<SignedIn> run(Client client, Supplier<SignUp> validation, UnaryOperator<String> linkForKey,
                                  String sessionCookie) {
        throttle.begin(Action.SIGNUP, client.address(), null);
        SignUp signUp = validation.get();
        // Hashed also when the address turns out taken: both answers cost the same.
        String hash = passwords.encode(signUp.password());
        Optional<SignedIn> created;
        try {
            created = database.inTransaction(tx -> create(tx, client, signUp, hash, linkForKey, sessionCookie));
        } catch (DuplicateKeyException raced) {
            Map<String, List<String>> errors = takenBy(signUp);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            // Lost the race for an address prevent_enumeration does not report: its owner is mailed all the same.
            database.useTransaction(tx -> outbox.enqueueJob(tx, ACCOUNT_EXISTS_JOB, signUp.email()));
            created = Optional.empty();
        }
        return verificationMandatory ? Optional.empty() : created;
    }

    /** The new account in one transaction; empty when {@code prevent_enumeration} found its address taken. */
    private Optional<SignedIn> create(Transaction tx, Client client, SignUp signUp, String hash,
                                      UnaryOperator<String> linkForKey, String sessionCookie) {
        // Generated before the address is checked: a taken address makes the same lookups as a new one.
        String username = signUp.username().isEmpty() ? usernames.generate(tx, signUp.email()) : signUp.username();
        if (hideTakenAddresses && !signUp.email().isEmpty() && !tx.users().findByEmail(signUp.email()).isEmpty()) {
            // One outbox row, as the confirmation mail of a new address is.
            outbox.enqueueJob(tx, ACCOUNT_EXISTS_JOB, signUp.email());
            return Optional.empty();
        }
        User user = tx.users().insert(new UserDao.NewUser(username, signUp.email(), hash, "", "",
                true, false, false, clock.instant()));
        if (!signUp.email().isEmpty()) {
            EmailAddress address = tx.emailAddresses().insert(user.id(), signUp.email(), false, true, uniqueEmail);
            if (sendConfirmation) {
                confirmations.send(tx, user, address, linkForKey);
            }
        }
        // A sign-up that logs the new user in is a login: the security log records it with the account.
        return Optional.of(verificationMandatory ? new SignedIn(user, null, null)
                : signIn.recorded(tx, signIn.registered(tx, user, sessionCookie), client, "registration"));
    }

    /**
     * The job: queues "an account already exists" for the owner of a taken address, at the owner's own spelling of
     * it, unless one went out within {@code throttle_confirmation_email}: a stranger must not be able to flood the
     * owner's mailbox by signing up again and again.
     */
    private void mailAddressOwner(Transaction tx, String email) {
        if (!throttle.tryHit(tx, Action.ACCOUNT_EXISTS_EMAIL, null, email)) {
            return;
        }
        String key = Canonical.key(email);
        for (User owner : tx.users().findByEmail(email)) {
            String stored = StoredAddresses.of(tx, owner, key);
            outbox.enqueue(tx, templates.render(ACCOUNT_EXISTS_TEMPLATE, Map.of("email", stored), stored));
        }
    }

    /**
     * The field errors for a sign-up that lost a race, as the serializer would have reported them, without the
     * address when {@code prevent_enumeration} must not report it.
     */
    private Map<String, List<String>> takenBy(SignUp signUp) {
        Map<String, List<String>> errors = database.read(tx -> {
            ValidationException.Collector found = new ValidationException.Collector();
            if (!signUp.username().isEmpty() && tx.users().findByUsername(signUp.username()).isPresent()) {
                found.add("username", Messages.get("user.username_taken"));
            }
            if (!signUp.email().isEmpty() && tx.emailAddresses().taken(signUp.email())) {
                found.add("email", Messages.get("user.email_taken"));
            }
            if (found.isEmpty()) {
                // The winner's row is not visible yet or was rolled back; the name is what the index guards.
                found.add("username", Messages.get("user.username_taken"));
            }
            return new LinkedHashMap<>(found.toException().errors());
        });
        if (hideTakenAddresses) {
            errors.remove("email");
        }
        return errors;
    }
}
