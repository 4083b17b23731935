package dev.restauth.account;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.restauth.auth.Client;
import dev.restauth.db.Database;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.db.MfaChallengeDao;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.user.Passkey;
import dev.restauth.user.User;
import dev.restauth.webauthn.RelyingParty;
import dev.restauth.webauthn.WebAuthnException;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finishes adding a passkey ({@code POST /passkeys/register/complete/}). The challenge the client signed names the
 * registration it finishes; it must be this user's, live, and is used up at once (a transaction of its own), pass or
 * fail. The response is checked outside any transaction (see {@link RelyingParty}); then the credential is stored
 * with its public key, counter, transports and whether it is discoverable, and recorded in the security log (with
 * its name) in the same transaction. A credential id is unique across users. Thread-safe.
 */
public final class RegisterPasskey {
    private static final Logger LOG = Logger.getLogger(RegisterPasskey.class.getName());

    private final Database database;
    private final PasskeyCeremonies ceremonies;
    private final SecurityLog log;

    RegisterPasskey(Database database, PasskeyCeremonies ceremonies, SecurityLog log) {
        this.database = database;
        this.ceremonies = ceremonies;
        this.log = log;
    }

    /**
     * @throws ValidationException {@code non_field_errors} "Registration challenge has expired. Please start over.",
     *                             "Registration verification failed." or "This credential is already registered."
     */
    public Passkey run(User user, NewPasskey body, Client client) {
        RelyingParty relyingParty = ceremonies.relyingParty();
        if (!body.credential().isJsonObject()) {
            throw PasskeyCeremonies.refused("passkey.registration_failed");
        }
        RelyingParty.Registration registration;
        try {
            registration = relyingParty.parseRegistration(body.credential().toString());
        } catch (WebAuthnException e) {
            throw PasskeyCeremonies.refused("passkey.registration_failed");
        }
        String hash = ceremonies.hash(registration.challenge());
        byte[] challenge = database.inTransaction(tx -> {
            Optional<MfaChallengeDao.Challenge> found =
                    tx.mfaChallenges().find(hash, SecondFactors.PASSKEY_REGISTRATION, ceremonies.now());
            if (found.isEmpty() || found.get().userId() == null || found.get().userId() != user.id()
                    || !tx.mfaChallenges().delete(hash, SecondFactors.PASSKEY_REGISTRATION)) {
                throw PasskeyCeremonies.refused("passkey.registration_expired");
            }
            return PasskeyCeremonies.challengeBytes(found.get());
        });
        RelyingParty.NewCredential credential;
        try {
            credential = relyingParty.verifyRegistration(registration, challenge);
        } catch (WebAuthnException e) {
            LOG.info(() -> "passkey registration refused: " + e.getMessage());
            throw PasskeyCeremonies.refused("passkey.registration_failed");
        }
        String name = body.name() == null || body.name().isEmpty() ? Messages.get("passkey.default_name") : body.name();
        String credentialHash = PasskeyCeremonies.credentialHash(credential.credentialId());
        try {
            return database.inTransaction(tx -> {
                if (tx.passkeys().findByCredentialHash(credentialHash).isPresent()) {
                    throw PasskeyCeremonies.refused("passkey.already_registered");
                }
                Passkey added = tx.passkeys().insert(user.id(), name, credential.credentialId(), credentialHash,
                        credential.credentialData(), credential.signCount(), transports(credential, body.credential()),
                        discoverable(body.credential()), ceremonies.now());
                log.record(tx, user.id(), SecurityLog.Event.PASSKEY_ADDED, SecurityLog.Outcome.OK, client, name);
                return added;
            });
        } catch (DuplicateKeyException raced) {
            throw PasskeyCeremonies.refused("passkey.already_registered");
        }
    }

    /** {@code response.transports} as the client reported them, else a top-level {@code transports} list. */
    private static String transports(RelyingParty.NewCredential credential, JsonElement json) {
        com.google.gson.JsonArray list = new com.google.gson.JsonArray();
        credential.transports().forEach(list::add);
        JsonElement topLevel = json.getAsJsonObject().get("transports");
        if (list.isEmpty() && topLevel != null && topLevel.isJsonArray()) {
            for (JsonElement item : topLevel.getAsJsonArray()) {
                if (item.isJsonPrimitive() && item.getAsJsonPrimitive().isString() && item.getAsString().length() < 32
                        && list.size() < 8) {
                    list.add(item.getAsString());
                }
            }
        }
        return list.toString();
    }

    /** The {@code credProps} extension's {@code rk} when the client reported it; else true, as the reference. */
    private static boolean discoverable(JsonElement json) {
        JsonElement results = json.getAsJsonObject().get("clientExtensionResults");
        if (results != null && results.isJsonObject()) {
            JsonElement props = results.getAsJsonObject().get("credProps");
            if (props != null && props.isJsonObject()) {
                JsonObject credProps = props.getAsJsonObject();
                JsonElement rk = credProps.get("rk");
                if (rk != null && rk.isJsonPrimitive() && rk.getAsJsonPrimitive().isBoolean()) {
                    return rk.getAsBoolean();
                }
            }
        }
        return true;
    }
}
