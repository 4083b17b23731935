package dev.restauth.account;

import com.google.gson.JsonObject;

import dev.restauth.auth.Keyring;
import dev.restauth.db.Database;
import dev.restauth.db.Transaction;
import dev.restauth.user.Canonical;
import dev.restauth.user.Passkey;
import dev.restauth.user.User;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Starts a passkey login ({@code POST /passkeys/login/begin/}): the request options for
 * {@code navigator.credentials.get()} plus a {@code session_id} (32 hex digits) that names the challenge kept for
 * {@code passkey_challenge_timeout}. Without a username or address, {@code allowCredentials} is empty and any
 * discoverable passkey of this site may answer. With one, it lists that user's credential ids, and the login can only
 * be finished by one of them; a name that has none (unknown, or without passkeys) gets one made-up id derived from
 * the name under the secret key, the same every time, so the answer does not tell whether the account exists or has
 * passkeys. One transaction. Thread-safe.
 */
public final class BeginPasskeyLogin {
    private final Database database;
    private final PasskeyCeremonies ceremonies;
    private final Keyring keyring;

    BeginPasskeyLogin(Database database, PasskeyCeremonies ceremonies, Keyring keyring) {
        this.database = database;
        this.ceremonies = ceremonies;
        this.keyring = keyring;
    }

    public JsonObject run(PasskeyHint hint) {
        String challenge = ceremonies.newChallenge();
        String sessionId = keyring.randomHex(16);
        String named = hint.username() != null && !hint.username().isEmpty() ? hint.username()
                : hint.email() != null && !hint.email().isEmpty() ? hint.email() : null;
        List<String> allowed = database.inTransaction(tx -> {
            Optional<User> user = named == null ? Optional.empty() : find(tx, hint);
            tx.mfaChallenges().insert(ceremonies.hash(sessionId), SecondFactors.PASSKEY_LOGIN,
                    user.map(User::id).orElse(null), challenge, ceremonies.expiry());
            return user.map(found -> tx.passkeys().findByUser(found.id()).stream().map(Passkey::credentialId)
                    .toList()).orElse(List.of());
        });
        if (named != null && allowed.isEmpty()) {
            allowed = List.of(decoy(named));
        }
        JsonObject options = ceremonies.relyingParty().requestOptions(Base64.getUrlDecoder().decode(challenge),
                allowed);
        options.addProperty("session_id", sessionId);
        return options;
    }

    /** The username wins over the address, as in the reference; a shared address picks its oldest active owner. */
    private static Optional<User> find(Transaction tx, PasskeyHint hint) {
        if (hint.username() != null && !hint.username().isEmpty()) {
            return tx.users().findByUsername(hint.username());
        }
        List<User> owners = tx.users().findByEmail(hint.email());
        return owners.stream().filter(User::active).findFirst().or(() -> owners.stream().findFirst());
    }

    /** A credential id no authenticator has: 32 bytes of a keyed hash of the name. */
    private String decoy(String named) {
        byte[] bytes = HexFormat.of().parseHex(keyring.hash("passkey_decoy", Canonical.key(named)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
