package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.PasswordResetTokens;
import dev.restauth.config.AuthenticationMethod;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.Transaction;
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.Outbox;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.Canonical;
import dev.restauth.user.User;

import java.util.HashMap;
import java.util.Map;

/**
 * Password reset request ({@code POST /password/reset/}): dj-rest-auth's {@code AllAuthPasswordResetForm.save}. The
 * request itself, in one transaction, counts against {@code throttle_password_reset} per IP and
 * {@code throttle_password_reset_email} per address, and queues one outbox job: the same work whether the address is
 * known or not, so neither the answer, the limit nor the time taken tells them apart. The job, run by the outbox's
 * sender, mails every active owner of the address a reset link, at the address as stored (see
 * {@link StoredAddresses}); for an unknown address it queues nothing. Thread-safe.
 */
public final class RequestPasswordReset {
    /** The allauth template the reset mail is rendered from. */
    public static final String TEMPLATE = "password_reset_key";
    /** The outbox job that finds the owners of an address and mails them. */
    static final String JOB = "password_reset";

    private final Throttle throttle;
    private final Database database;
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
        outbox.register(JOB, this::mail);
    }

    /**
     * Makes the link of a reset mail from the uid and token. It is called once, with the placeholders
     * {@code {uid}} and {@code {token}}, which it must insert as they are: the job fills them in later.
     */
    @FunctionalInterface
    public interface LinkMaker {
        String link(String uid, String token);
    }

    /** Counts the request and queues the job that mails every active user owning {@code email} (any letter case). */
    public void run(Client client, String email, LinkMaker links) {
        String payload = email + "\n" + links.link("{uid}", "{token}");
        database.useTransaction(tx -> {
            throttle.begin(tx, Action.PASSWORD_RESET, client.address(), email);
            outbox.enqueueJob(tx, JOB, payload);
        });
    }

    /** The job: a reset mail for every active owner of the address; none for an unknown one. */
    private void mail(Transaction tx, String payload) {
        int newline = payload.indexOf('\n');
        String email = payload.substring(0, newline);
        String pattern = payload.substring(newline + 1);
        String key = Canonical.key(email);
        for (User user : tx.users().findByEmail(email)) {
            if (!user.active()) {
                continue;
            }
            Map<String, String> context = new HashMap<>();
            context.put("password_reset_url", pattern.replace("{uid}", tokens.uid(user))
                    .replace("{token}", tokens.make(tx, user)));
            if (mentionUsername) {
                context.put("username", user.username());
            }
            outbox.enqueue(tx, templates.render(TEMPLATE, context, StoredAddresses.of(tx, user, key)));
        }
    }
}
