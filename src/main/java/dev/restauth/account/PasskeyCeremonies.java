package dev.restauth.account;

import com.google.gson.JsonElement;

import dev.restauth.auth.Keyring;
import dev.restauth.db.Database;
import dev.restauth.db.MfaChallengeDao;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.user.Passkey;
import dev.restauth.webauthn.RelyingParty;
import dev.restauth.webauthn.WebAuthnException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What the passkey use cases share: challenges (64 random bytes, kept in the database under a keyed hash of what
 * the client holds, single-use and expiring, so any node finishes what another began), the lookup of a credential
 * by its id, and the assertion check that both passkey login and the removal of a last passkey use. Thread-safe.
 */
final class PasskeyCeremonies {
    private static final Logger LOG = Logger.getLogger(PasskeyCeremonies.class.getName());
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Database database;
    private final SecondFactors factors;
    private final Keyring keyring;
    private final RelyingParty relyingParty;
    private final java.time.Duration challengeLifetime;

    PasskeyCeremonies(Database database, SecondFactors factors, Keyring keyring, RelyingParty relyingParty,
                      java.time.Duration challengeLifetime) {
        this.database = database;
        this.factors = factors;
        this.keyring = keyring;
        this.relyingParty = relyingParty;
        this.challengeLifetime = challengeLifetime;
    }

    /** A new challenge, base64url. */
    String newChallenge() {
        return B64URL.encodeToString(keyring.randomBytes(64));
    }

    java.time.Instant now() {
        return factors.now();
    }

    java.time.Instant expiry() {
        return factors.now().plus(challengeLifetime);
    }

    /** How a challenge or a session id is stored. */
    String hash(String clientValue) {
        return factors.hash(clientValue);
    }

    RelyingParty relyingParty() {
        return relyingParty;
    }

    /** The user handle of a user's passkeys: the id as ASCII digits, base64url (as py_webauthn's options). */
    static String userHandle(long userId) {
        return B64URL.encodeToString(Long.toString(userId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The unique key of a credential id (SHA-256 of its base64url, hex): short enough for any unique index. */
    static String credentialHash(String credentialId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(credentialId.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The challenge bytes a stored base64url challenge stands for. */
    static byte[] challengeBytes(MfaChallengeDao.Challenge challenge) {
        return Base64.getUrlDecoder().decode(challenge.payload());
    }

    /** An assertion that passed every check but the counter's last word, which its caller's transaction says. */
    record Asserted(Passkey passkey, long signCount) {
    }

    /**
     * Checks an assertion made for the login challenge of {@code sessionId}: the challenge is used up first (in a
     * transaction of its own, so it is gone whether or not what follows passes), then the credential is found, its
     * user handle compared with its owner, and the signature, origin, RP id, flags and counter checked, outside any
     * transaction. The caller stores the counter ({@code recordUse}) in the transaction that acts on it.
     *
     * @throws ValidationException {@code non_field_errors} with the reference's sentences
     */
    Asserted assertion(JsonElement credential, String sessionId) {
        String hash = hash(sessionId);
        MfaChallengeDao.Challenge challenge = database.inTransaction(tx -> {
            Optional<MfaChallengeDao.Challenge> found =
                    tx.mfaChallenges().find(hash, SecondFactors.PASSKEY_LOGIN, factors.now());
            if (found.isEmpty() || !tx.mfaChallenges().delete(hash, SecondFactors.PASSKEY_LOGIN)) {
                throw refused("passkey.login_expired");
            }
            return found.get();
        });
        if (credential == null || !credential.isJsonObject()) {
            throw refused("passkey.invalid_format");
        }
        RelyingParty.Assertion assertion;
        try {
            assertion = relyingParty.parseAssertion(credential.toString());
        } catch (WebAuthnException e) {
            throw refused("passkey.invalid_format");
        }
        Passkey passkey = database.read(tx -> tx.passkeys().findByCredentialHash(
                credentialHash(assertion.credentialId()))).orElseThrow(() -> refused("passkey.not_found"));
        if (challenge.userId() != null && challenge.userId() != passkey.userId()) {
            throw refused("passkey.not_found"); // a login begun for one user is finished by that user's passkey only
        }
        String handle = assertion.userHandle();
        if (handle != null && !handle.equals(userHandle(passkey.userId()))) {
            throw refused("passkey.login_failed");
        }
        try {
            return new Asserted(passkey, relyingParty.verifyAssertion(assertion, challengeBytes(challenge),
                    passkey.credentialData(), passkey.signCount()));
        } catch (WebAuthnException e) {
            if (e.reason() == WebAuthnException.Reason.CLONED) {
                cloned(passkey);
            } else {
                LOG.info(() -> "passkey assertion refused: " + e.getMessage());
            }
            throw refused("passkey.login_failed");
        }
    }

    /** Logged, for the operator: an authenticator whose counter went back is a copy, or was copied. */
    static void cloned(Passkey passkey) {
        LOG.warning(() -> "passkey " + passkey.id() + " of user " + passkey.userId() + " presented a signature "
                + "counter that did not increase: it may have been cloned; the assertion was refused");
    }

    static ValidationException refused(String messageKey) {
        return ValidationException.nonField(Messages.get(messageKey));
    }
}
