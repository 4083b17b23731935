package dev.restauth.account;

import dev.restauth.auth.PasswordResetTokens;
import dev.restauth.auth.SessionService;
import dev.restauth.auth.TokenService;
import dev.restauth.db.Database;
import dev.restauth.db.EmailAddressDao;
import dev.restauth.db.UserDao;
import dev.restauth.error.ValidationException;
import dev.restauth.mail.MailTemplates;
import dev.restauth.mail.Outbox;
import dev.restauth.text.Messages;
import dev.restauth.user.Keys;
import dev.restauth.user.User;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

/**
 * Password reset by e-mail, both halves: dj-rest-auth's {@code AllAuthPasswordResetForm.save} (a mail with a link
 * for every active owner of an address) and what {@code PasswordResetConfirmView} does once the link is used.
 *
 * <p>The mail goes to the address as stored for the account, never as typed in the request (Django's fix for
 * CVE-2019-19844: a look-alike address that matches case-insensitively must not receive the victim's link; the
 * reference peer still mails the typed spelling). Mail is queued in the outbox, in the same transaction as the
 * look-up, so a known and an unknown address answer alike and equally fast, and a mail server that is down
 * delays mail without failing the request. Thread-safe.
 */
public final class PasswordResets {
    /** The allauth template the reset mail is rendered from. */
    public static final String TEMPLATE = "password_reset_key";

    private final Database database;
    private final PasswordResetTokens tokens;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final Accounts accounts;
    private final SessionService sessions;
    private final TokenService apiTokens;
    private final Options options;

    /**
     * @param mentionUsername add "In case you forgot, your username is ..." (allauth does unless users log in by
     *                        e-mail only)
     * @param logoutOnReset   also delete the user's API token when the password is reset
     */
    public record Options(boolean mentionUsername, boolean logoutOnReset) {
    }

    /** Makes the link of a reset mail from the uid and token. */
    @FunctionalInterface
    public interface LinkMaker {
        String link(String uid, String token);
    }

    public PasswordResets(Database database, PasswordResetTokens tokens, MailTemplates templates, Outbox outbox,
                          Accounts accounts, SessionService sessions, TokenService apiTokens, Options options) {
        this.database = database;
        this.tokens = tokens;
        this.templates = templates;
        this.outbox = outbox;
        this.accounts = accounts;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.options = options;
    }

    /** Queues a reset mail for every active user owning {@code email} (any letter case); none for an unknown one. */
    public void request(String email, LinkMaker links) {
        String key = Keys.of(email);
        database.useTransaction(connection -> {
            for (User user : new UserDao(connection).findByEmail(email)) {
                if (!user.active()) {
                    continue;
                }
                Map<String, String> context = new HashMap<>();
                context.put("password_reset_url", links.link(tokens.uid(user), tokens.make(connection, user)));
                if (options.mentionUsername()) {
                    context.put("username", user.username());
                }
                outbox.enqueue(connection, templates.render(TEMPLATE, context, storedAddress(connection, user, key)));
            }
        });
    }

    /**
     * Sets the new password of a confirmed reset and ends the user's sessions (and, with
     * {@code logout_on_password_reset}, deletes the token).
     *
     * @param user the user as read when the token was checked
     * @throws ValidationException {@code {"token":["Invalid value"]}} when the password changed since the check:
     *                             another use of a token for this user won the race, so this one is dead
     */
    public User complete(User user, String newPassword) {
        User updated = accounts.replacePassword(user, newPassword).orElseThrow(() ->
                ValidationException.of("token", Messages.get("password_reset.invalid_value")));
        sessions.closeAll(updated.id());
        if (options.logoutOnReset()) {
            apiTokens.revoke(updated.id());
        }
        return updated;
    }

    /**
     * The user's own spelling of the address a request matched (by {@code key}): the account's e-mail or one of its
     * addresses. Mail goes there, never to the spelling typed in the request.
     */
    static String storedAddress(Connection connection, User user, String key) {
        if (Keys.of(user.email()).equals(key)) {
            return user.email();
        }
        for (EmailAddressDao.EmailAddress address : new EmailAddressDao(connection).findByUser(user.id())) {
            if (Keys.of(address.email()).equals(key)) {
                return address.email();
            }
        }
        return user.email();
    }
}
