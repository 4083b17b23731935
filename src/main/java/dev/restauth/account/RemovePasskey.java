package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.db.Transaction;
import dev.restauth.error.ApiException;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.user.Passkey;
import dev.restauth.user.User;

import java.util.List;
import java.util.function.Supplier;

/**
 * Removes one of the user's passkeys ({@code DELETE /passkeys/<id>/}). One of several goes at once. The last one
 * needs a current second factor, as it ends passkey login for the account: a TOTP or recovery code ({@code code},
 * counted as every second-factor code is), or a fresh assertion by one of the user's own passkeys (the
 * {@code session_id} of a {@code passkeys/login/begin/} and the {@code credential} the authenticator answered), so a
 * stolen token alone cannot strip the account of it. The security log records the removal, with the passkey's name,
 * in the transaction that removes it. Thread-safe.
 */
public final class RemovePasskey {
    private final Database database;
    private final SecondFactors factors;
    private final PasskeyCeremonies ceremonies;
    private final SecurityLog log;

    RemovePasskey(Database database, SecondFactors factors, PasskeyCeremonies ceremonies, SecurityLog log) {
        this.database = database;
        this.factors = factors;
        this.ceremonies = ceremonies;
        this.log = log;
    }

    /**
     * @param validation the serializer's validation of the body, read only for the last passkey
     * @throws ApiException        404 when the user has no passkey of that id; 429 over the code's rate limit
     * @throws ValidationException {@code non_field_errors} "Removing your last passkey needs a current second
     *                             factor: ..." without one; a wrong code or refused assertion as elsewhere
     */
    public void run(User user, long passkeyId, Supplier<PasskeyRemoval> validation, Client client) {
        List<Passkey> passkeys = database.read(tx -> tx.passkeys().findByUser(user.id()));
        Passkey passkey = passkeys.stream().filter(p -> p.id() == passkeyId).findFirst()
                .orElseThrow(() -> ApiException.notFound(Messages.get("passkey.no_match")));
        if (passkeys.size() > 1 && database.inTransaction(tx -> tx.passkeys().countByUser(user.id()) > 1
                && remove(tx, passkey, client))) {
            return;
        }
        PasskeyRemoval removal = validation.get();
        if (removal.code() != null) {
            factors.withCode(user, removal.code(), client, tx -> remove(tx, passkey, client));
            return;
        }
        if (removal.assertion() == null) {
            throw ValidationException.nonField(Messages.get("passkey.last_needs_second_factor"));
        }
        PasskeyCeremonies.Asserted asserted = ceremonies.assertion(removal.assertion().credential(),
                removal.assertion().sessionId());
        if (asserted.passkey().userId() != user.id()) {
            throw PasskeyCeremonies.refused("passkey.login_failed");
        }
        boolean removed = database.inTransaction(tx ->
                tx.passkeys().recordUse(asserted.passkey().id(), asserted.signCount(), ceremonies.now())
                        && remove(tx, passkey, client));
        if (!removed) {
            throw PasskeyCeremonies.refused("passkey.login_failed");
        }
    }

    /** Deletes the passkey and, when it was still there, records its removal; false when it was gone already. */
    private boolean remove(Transaction tx, Passkey passkey, Client client) {
        if (!tx.passkeys().delete(passkey.id(), passkey.userId())) {
            return false;
        }
        log.record(tx, passkey.userId(), SecurityLog.Event.PASSKEY_REMOVED, SecurityLog.Outcome.OK, client,
                passkey.name());
        return true;
    }
}
