package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.PasswordResetTokens;
import dev.restauth.config.AuthenticationMethod;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.Outbox;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.Canonical;
import dev.restauth.user.User;

import java.util.HashMap;
import java.util.Map;

/**
 * Password reset request ({@code POST /password/reset/}): dj-rest-auth's {@code AllAuthPasswordResetForm.save}. In
 * one transaction: the request is counted against {@code throttle_password_reset} per IP and
 * {@code throttle_password_reset_email} per address, known or not (so the limit tells nothing either), and every
 * active owner of the address is mailed a reset link, at the address as stored (see {@link StoredAddresses}). Mail
 * is queued in the outbox, so a mail server that is down delays mail without failing the request. Thread-safe.
 */
public final class RequestPasswordReset {
    /** The allauth template the reset mail is rendered from. */
    public static final String TEMPLATE = "password_reset_key";

    private final Database database;
    private final Throttle throttle;
    private final PasswordResetTokens tokens;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final boolean mentionUsername;

    RequestPasswordReset(Database database, Throttle throttle, PasswordResetTokens tokens, MailTemplates templates,
                         Outbox outbox, Settings settings) {
        this.database = database;
        this.throttle = throttle;
        this.tokens = tokens;
        this.templates = templates;
        this.outbox = outbox;
        // allauth adds "In case you forgot, your username is ..." unless users log in by e-mail only.
        this.mentionUsername = settings.get(Settings.AUTHENTICATION_METHOD) != AuthenticationMethod.EMAIL;
    }

    /** Makes the link of a reset mail from the uid and token. */
    @FunctionalInterface
    public interface LinkMaker {
        String link(String uid, String token);
    }

    /** Queues a reset mail for every active user owning {@code email} (any letter case); none for an unknown one. */
    public void run(Client client, String email, LinkMaker links) {
        String key = Canonical.key(email);
        database.useTransaction(tx -> {
            throttle.begin(tx, Action.PASSWORD_RESET, client.address(), email);
            for (User user : tx.users().findByEmail(email)) {
                if (!user.active()) {
                    continue;
                }
                Map<String, String> context = new HashMap<>();
                context.put("password_reset_url", links.link(tokens.uid(user), tokens.make(tx, user)));
                if (mentionUsername) {
                    context.put("username", user.username());
                }
                outbox.enqueue(tx, templates.render(TEMPLATE, context, StoredAddresses.of(tx, user, key)));
            }
        });
    }
}
