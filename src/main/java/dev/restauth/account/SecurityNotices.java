package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.config.Settings;
import dev.restauth.db.Transaction;
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.Outbox;
import dev.restauth.user.User;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Security notices by mail ({@code security_notices}): the account's owner is told when the password is changed or
 * reset, when an address is added, and (at the old address) when the primary address changes, each with when and
 * from which IP, never a secret. Queued in the outbox in the transaction of the change, so a notice goes out iff the
 * change commits. Templates as allauth's notifications, overridable in {@code email_templates_dir}:
 * {@code password_changed}, {@code password_reset}, {@code email_added}, {@code email_changed}; their context has
 * {@code username}, {@code timestamp}, {@code ip}, {@code user_agent} and what the template names. Thread-safe.
 */
final class SecurityNotices {
    static final String PASSWORD_CHANGED = "password_changed";
    static final String PASSWORD_RESET = "password_reset";
    static final String EMAIL_ADDED = "email_added";
    static final String EMAIL_CHANGED = "email_changed";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final MailTemplates templates;
    private final Outbox outbox;
    private final Clock clock;
    private final boolean enabled;

    SecurityNotices(MailTemplates templates, Outbox outbox, Clock clock, Settings settings) {
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
        this.enabled = settings.get(Settings.SECURITY_NOTICES);
    }

    /**
     * Queues a notice to {@code to} (nothing when notices are off or the address is empty).
     *
     * @param extra the template's own values (addresses), never a secret
     */
    void send(Transaction tx, String template, String to, User user, Client client, Map<String, String> extra) {
        if (!enabled || to == null || to.isEmpty()) {
            return;
        }
        Map<String, String> context = new HashMap<>(extra);
        context.put("username", user.username());
        context.put("timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        context.put("ip", client == null ? "" : client.address());
        context.put("user_agent", client == null ? "" : client.userAgent());
        outbox.enqueue(tx, templates.render(template, context, to));
    }
}
