package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.error.ValidationException;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.User;

import java.time.Instant;
import java.util.Optional;

/**
 * Passkey login ({@code POST /passkeys/login/complete/}): dj-rest-auth's {@code PasskeyLoginCompleteView}. The attempt
 * is counted on the per-IP login counter ({@link Action#PASSKEY_LOGIN}); the assertion is checked (see
 * {@link PasskeyCeremonies#assertion}: the challenge used up first, then the credential, its owner, signature, origin,
 * RP id and flags); then, in one transaction, the owner must be active, the signature counter must still move forward
 * (a conditional update: of two assertions racing, or a clone's, one fails), and the user is signed in. A passkey
 * with user verification is two factors: no TOTP step follows. Thread-safe.
 */
public final class PasskeyLogin {
    private final Database database;
    private final PasskeyCeremonies ceremonies;
    private final Throttle throttle;
    private final SignIn signIn;

    PasskeyLogin(Database database, PasskeyCeremonies ceremonies, Throttle throttle, SignIn signIn) {
        this.database = database;
        this.ceremonies = ceremonies;
        this.throttle = throttle;
        this.signIn = signIn;
    }

    /**
     * @throws ValidationException {@code non_field_errors}: "Authentication challenge has expired. Please start
     *                             over.", "Invalid credential format.", "Credential not found.", "Authentication
     *                             verification failed.", "User account is disabled."
     * @param sessionCookie the request's {@code sessionid} cookie, or null: with session login on, that session ends
     *                      when the login succeeds, as Django's {@code login()} flushes it
     * @throws dev.restauth.error.ApiException 429 over the per-IP login limit
     */
    public SignedIn run(PasskeyAssertion body, Client client, String sessionCookie) {
        throttle.begin(Action.PASSKEY_LOGIN, client.address(), null);
        PasskeyCeremonies.Asserted asserted = ceremonies.assertion(body.credential(), body.sessionId());
        Optional<SignedIn> signedIn = database.inTransaction(tx -> {
            User user = tx.users().findById(asserted.passkey().userId())
                    .orElseThrow(() -> PasskeyCeremonies.refused("passkey.not_found"));
            if (!user.active()) {
                throw PasskeyCeremonies.refused("passkey.user_disabled");
            }
            Instant now = ceremonies.now();
            if (!tx.passkeys().recordUse(asserted.passkey().id(), asserted.signCount(), now)) {
                return Optional.empty();
            }
            tx.users().updateLastLogin(user.id(), now);
            return Optional.of(signIn.recorded(tx, signIn.login(tx, user.loggedIn(now, user.password()),
                    sessionCookie), client, "passkey"));
        });
        if (signedIn.isEmpty()) {
            PasskeyCeremonies.cloned(asserted.passkey());
            throw PasskeyCeremonies.refused("passkey.login_failed");
        }
        return signedIn.get();
    }
}
