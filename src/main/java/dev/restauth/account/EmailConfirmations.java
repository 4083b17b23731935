package dev.restauth.account;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import dev.restauth.auth.crypto.BadSignatureException;
import dev.restauth.auth.crypto.Signer;
import dev.restauth.config.Settings;
import dev.restauth.db.Transaction;
import dev.restauth.mail.Mail;
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.Outbox;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * E-mail verification keys and the mail that carries them, as allauth's HMAC confirmations: a key is Django's
 * {@code signing.dumps(<address id>, salt="account")}, {@code <b64 id>:<b62 time>:<b64 signature>}, valid for
 * {@code email_confirmation_expire_days}. No key is stored: a key is genuine when its signature is, and it dies
 * when its address is confirmed, so every key of an address dies with the first one used. Shared by the use cases
 * that send confirmation mail ({@link Register}, {@link ResendConfirmation}, {@link SocialLogin}) and the one that
 * reads the key back ({@link ConfirmEmail}). Thread-safe.
 */
final class EmailConfirmations {
    private static final String SALT = "account";
    /** The allauth template the mail is rendered from. */
    private static final String TEMPLATE = "email_confirmation";

    private final Signer signer;
    private final Duration maxAge;
    private final Outbox outbox;
    private final MailTemplates templates;

    EmailConfirmations(byte[] secretKey, Clock clock, Settings settings, Outbox outbox, MailTemplates templates) {
        this.signer = new Signer(secretKey, SALT, clock);
        this.maxAge = Duration.ofDays(settings.get(Settings.EMAIL_CONFIRMATION_EXPIRE_DAYS));
        this.outbox = outbox;
        this.templates = templates;
    }

    /**
     * Queues the confirmation mail for an address in the caller's transaction: it goes out iff that commits. Each
     * call makes a different key once a second has passed.
     *
     * @param linkForKey the link in the mail for a key (the request's {@code email_confirmation_url})
     */
    void send(Transaction tx, User user, EmailAddress address, UnaryOperator<String> linkForKey) {
        String link = linkForKey.apply(signer.dumps(new JsonPrimitive(address.id())));
        Mail mail = templates.render(TEMPLATE, Map.of("user_display", user.username(), "activate_url", link),
                address.email());
        outbox.enqueue(tx, mail);
    }

    /** The id of the address a key names; empty for a key that is malformed, tampered with or expired. */
    OptionalLong addressOf(String key) {
        try {
            JsonElement payload = signer.loads(key, maxAge);
            if (!payload.isJsonPrimitive() || !payload.getAsJsonPrimitive().isNumber()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(payload.getAsJsonPrimitive().getAsLong());
        } catch (BadSignatureException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
