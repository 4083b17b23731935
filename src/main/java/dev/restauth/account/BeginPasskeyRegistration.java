package dev.restauth.account;

import com.google.gson.JsonObject;

import dev.restauth.db.Database;
import dev.restauth.user.Passkey;
import dev.restauth.user.User;
import dev.restauth.webauthn.RelyingParty;

import java.util.List;

/**
 * Starts adding a passkey ({@code POST /passkeys/register/begin/}): the creation options for
 * {@code navigator.credentials.create()}, with a new challenge kept (under its hash) for
 * {@code passkey_challenge_timeout}. Each begin has its own challenge, so two begun at once both finish. The user's
 * passkeys are excluded, so an authenticator is not registered twice. One transaction. Thread-safe.
 */
public final class BeginPasskeyRegistration {
    private final Database database;
    private final PasskeyCeremonies ceremonies;

    BeginPasskeyRegistration(Database database, PasskeyCeremonies ceremonies) {
        this.database = database;
        this.ceremonies = ceremonies;
    }

    public JsonObject run(User user) {
        String challenge = ceremonies.newChallenge();
        List<String> existing = database.inTransaction(tx -> {
            tx.mfaChallenges().insert(ceremonies.hash(challenge), SecondFactors.PASSKEY_REGISTRATION, user.id(),
                    challenge, ceremonies.expiry());
            return tx.passkeys().findByUser(user.id()).stream().map(Passkey::credentialId).toList();
        });
        String fullName = (user.firstName() + " " + user.lastName()).strip();
        return ceremonies.relyingParty().creationOptions(java.util.Base64.getUrlDecoder().decode(challenge),
                new RelyingParty.Account(PasskeyCeremonies.userHandle(user.id()), user.username(),
                        fullName.isEmpty() ? user.username() : fullName), existing);
    }
}
