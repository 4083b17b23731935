package dev.restauth.account;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import dev.restauth.auth.crypto.BadSignatureException;
import dev.restauth.auth.crypto.Signer;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.EmailAddressDao;
import dev.restauth.db.EmailAddressDao.EmailAddress;
import dev.restauth.mail.Mail;
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.Outbox;
import dev.restauth.user.User;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * E-mail verification keys, as allauth's HMAC confirmations: a key is Django's
 * {@code signing.dumps(<address id>, salt="account")}, {@code <b64 id>:<b62 time>:<b64 signature>}, valid for
 * {@code email_confirmation_expire_days}. No key is stored: a key is genuine when its signature is, and it dies
 * when its address is confirmed, so every key of an address dies with the first one used. Thread-safe.
 */
public final class EmailConfirmations {
    private static final String SALT = "account";

    private final Database database;
    private final Signer signer;
    private final Duration maxAge;
    private final Outbox outbox;
    private final MailTemplates templates;

    public EmailConfirmations(Database database, byte[] secretKey, Clock clock, Settings settings, Outbox outbox,
                              MailTemplates templates) {
        this.database = database;
        this.signer = new Signer(secretKey, SALT, clock);
        this.maxAge = Duration.ofDays(settings.get(Settings.EMAIL_CONFIRMATION_EXPIRE_DAYS));
        this.outbox = outbox;
        this.templates = templates;
    }

    /** A new key for an address; each call makes a different one once a second has passed. */
    public String keyFor(long emailAddressId) {
        return signer.dumps(new JsonPrimitive(emailAddressId));
    }

    /**
     * Queues the confirmation mail for an address in the caller's transaction: it goes out iff that commits.
     *
     * @param linkForKey the link in the mail for a key (the request's {@code email_confirmation_url})
     */
    public void send(Connection connection, User user, EmailAddress address, UnaryOperator<String> linkForKey) {
        String link = linkForKey.apply(keyFor(address.id()));
        Mail mail = templates.render("email_confirmation",
                Map.of("user_display", user.username(), "activate_url", link), address.email());
        outbox.enqueue(connection, mail);
    }

    /**
     * Confirms the address a key names.
     *
     * @return false for a key that is malformed, tampered with, expired, of an unknown address, or of an address
     *         confirmed already
     */
    public boolean confirm(String key) {
        long id;
        try {
            JsonElement payload = signer.loads(key, maxAge);
            if (!payload.isJsonPrimitive() || !payload.getAsJsonPrimitive().isNumber()) {
                return false;
            }
            id = payload.getAsJsonPrimitive().getAsLong();
        } catch (BadSignatureException | NumberFormatException e) {
            return false;
        }
        return database.inTransaction(connection -> new EmailAddressDao(connection).verify(id));
    }
}
