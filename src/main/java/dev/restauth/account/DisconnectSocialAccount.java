package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.config.EmailVerification;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.error.ApiException;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.SocialAccount;
import dev.restauth.user.User;

import java.util.List;

/**
 * Disconnecting one of the user's social accounts ({@code POST /socialaccounts/<pk>/disconnect/}), in one
 * transaction. The last one stays while it is the only way to log in (allauth's {@code validate_disconnect}): while
 * the user has no usable password, or, under mandatory verification, no confirmed address to reset one with.
 * Thread-safe.
 */
public final class DisconnectSocialAccount {
    private final Database database;
    private final boolean verificationMandatory;
    private final SecurityLog log;

    DisconnectSocialAccount(Database database, SecurityLog log, Settings settings) {
        this.log = log;
        this.database = database;
        this.verificationMandatory = settings.get(Settings.EMAIL_VERIFICATION) == EmailVerification.MANDATORY;
    }

    /**
     * @return the account disconnected
     * @throws ApiException        404 when the user has no account of that id
     * @throws ValidationException "Your account has no password set up." or "Your account has no verified e-mail
     *                             address."
     */
    public SocialAccount run(long userId, long accountId, Client client) {
        return database.inTransaction(tx -> {
            List<SocialAccount> accounts = tx.socialAccounts().findByUser(userId);
            SocialAccount account = accounts.stream().filter(a -> a.id() == accountId).findFirst()
                    .orElseThrow(ApiException::notFound);
            if (accounts.size() == 1) {
                User user = tx.users().findById(userId).orElseThrow(ApiException::notFound);
                if (!user.hasUsablePassword()) {
                    throw ValidationException.nonField(Messages.get("social.disconnect_no_password"));
                }
                if (verificationMandatory && tx.emailAddresses().findByUser(userId).stream()
                        .noneMatch(EmailAddress::verified)) {
                    throw ValidationException.nonField(Messages.get("social.disconnect_no_verified_email"));
                }
            }
            tx.socialAccounts().delete(account.id(), userId);
            log.record(tx, userId, SecurityLog.Event.SOCIAL_DISCONNECT, SecurityLog.Outcome.OK, client,
                    account.provider());
            return account;
        });
    }
}
