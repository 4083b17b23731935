package dev.restauth.account;

import dev.restauth.auth.Identity;
import dev.restauth.auth.Keyring;
import dev.restauth.db.Transaction;
import dev.restauth.error.ReauthenticationRequiredException;

import java.time.Clock;
import java.time.Duration;

/**
 * Which credentials re-authenticated recently ({@code restauth_reauthentication}), shared by every node: the token a
 * request came with (the user's current token: a new one after logout starts over), the session (a new session id
 * starts over), or in JWT mode the user's access tokens together (they carry no id of their own to mark). A mark
 * lasts {@code reauthentication_timeout} seconds. Thread-safe.
 */
final class Reauthentications {
    private final Keyring keyring;
    private final Clock clock;
    private final Duration timeout;

    Reauthentications(Keyring keyring, Clock clock, Duration timeout) {
        this.keyring = keyring;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Marks the request's credential as re-authenticated now, in the caller's transaction. */
    void mark(Transaction tx, Identity identity) {
        tx.reauthentications().mark(credential(tx, identity), identity.user().id(), clock.instant().plus(timeout));
    }

    /**
     * Refuses an act unless the request's credential re-authenticated within the timeout, in the caller's
     * transaction.
     *
     * @throws ReauthenticationRequiredException 401 {@code reauthentication_required}
     */
    void require(Transaction tx, Identity identity) {
        if (!tx.reauthentications().fresh(credential(tx, identity), identity.user().id(), clock.instant())) {
            throw new ReauthenticationRequiredException();
        }
    }

    /** A keyed hash naming the credential; the token's is derived from its stored (keyed) hash, which a new key changes. */
    private String credential(Transaction tx, Identity identity) {
        long userId = identity.user().id();
        return switch (identity.scheme()) {
            case SESSION -> keyring.hash("reauthentication", "session|" + identity.sessionId());
            case TOKEN -> keyring.hash("reauthentication", "token|" + identity.tokenHash());
            case JWT -> keyring.hash("reauthentication", "jwt|" + userId);
        };
    }
}
