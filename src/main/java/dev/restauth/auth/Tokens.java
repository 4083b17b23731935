package dev.restauth.auth;

import dev.restauth.db.Database;
import dev.restauth.db.TokenDao;
import dev.restauth.db.Transaction;
import dev.restauth.user.User;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens with DRF's semantics (one per user; every login returns the same key until logout deletes it) but
 * never stored: the database keeps a keyed hash for lookups and a salt, and the key is re-derived from the secret
 * key and the salt. A copy of the database alone yields no usable token. Issuing and revoking happen in the caller's
 * transaction; looking a key up (every authenticated request) is a read of its own. Thread-safe.
 */
public final class Tokens {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{40}");

    private final Database database;
    private final Keyring keyring;
    private final Clock clock;

    public Tokens(Database database, Keyring keyring, Clock clock) {
        this.database = database;
        this.keyring = keyring;
        this.clock = clock;
    }

    /**
     * The user's key: the existing one, or a new one when the user has none.
     *
     * @throws dev.restauth.db.DuplicateKeyException when a concurrent login of the same user inserted first; run the
     *                                               transaction again ({@code inTransactionRetryingDuplicates}) and
     *                                               this finds the winner's key
     */
    public String issue(Transaction tx, long userId) {
        TokenDao tokens = tx.tokens();
        Optional<TokenDao.TokenRow> existing = tokens.findByUser(userId);
        if (existing.isPresent()) {
            String key = derive(userId, existing.get().salt());
            if (Keyring.equal(lookupHash(key), existing.get().keyHash())) {
                return key;
            }
            tokens.deleteByUser(userId); // made under another secret key: unusable now
        }
        String salt = keyring.randomHex(16);
        String key = derive(userId, salt);
        tokens.insert(new TokenDao.TokenRow(userId, lookupHash(key), salt, clock.instant()));
        return key;
    }

    /** The owner of a key, if the key is live. The user may be inactive; callers decide. */
    public Optional<User> userFor(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        String hash = lookupHash(key);
        return database.read(tx -> tx.tokens().findUserByKeyHash(hash));
    }

    /** Deletes the user's token (logout); the next login issues a new key. */
    public void revoke(Transaction tx, long userId) {
        tx.tokens().deleteByUser(userId);
    }

    private String derive(long userId, String salt) {
        return keyring.hash("token.key", userId + ":" + salt).substring(0, 40);
    }

    private String lookupHash(String key) {
        return keyring.hash("token.lookup", key);
    }
}
