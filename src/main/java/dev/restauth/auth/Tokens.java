package dev.restauth.auth;

import dev.restauth.auth.crypto.AesGcm;
import dev.restauth.auth.crypto.BadSignatureException;
import dev.restauth.db.Database;
import dev.restauth.db.TokenDao;
import dev.restauth.db.Transaction;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens with DRF's semantics (one per user; every login returns the same key until logout deletes it) but
 * never stored: the database keeps a keyed hash for lookups and a salt, and the key is re-derived from the secret
 * key and the salt. A copy of the database alone yields no usable token. A key restauth did not choose (a Django
 * site's DRF token, taken over by {@link #adopt}) cannot be derived; it is kept sealed with AES-256-GCM under a key
 * derived from the secret key and bound to its user, so it too is handed back on every login and unusable from a
 * copy of the database. Issuing and revoking happen in the caller's transaction; looking a key up (every
 * authenticated request) is a read of its own, and its use is noted in {@link RecentUses}, not written. Thread-safe.
 */
public final class Tokens {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{40}");
    private static final String SEALING_PURPOSE = "token_key";

    private final Database database;
    private final Keyring keyring;
    private final Clock clock;
    /** The AES key adopted keys are sealed under. */
    private final byte[] sealingKey;

    private final Duration idleTimeout;
    private final Duration maxAge;
    private final boolean perDevice;
    private final RecentUses recentUses;

    /**
     * Tokens that never expire, as DRF's, for tools that issue and adopt tokens ({@code import-django}, the bench's
     * seeder): the uses {@link #identify} notes here are never written, so a server passes its own {@link RecentUses}.
     */
    public Tokens(Database database, Keyring keyring, Clock clock) {
        this(database, keyring, clock, Duration.ZERO, Duration.ZERO, false, new RecentUses(database));
    }

    /**
     * @param idleTimeout how long a token may go unused ({@code token_idle_timeout}); zero: for ever
     * @param maxAge      how long a token lives however used ({@code token_max_age}); zero: for ever
     * @param perDevice   each login gets a token of its own ({@code token_per_device}), instead of DRF's one per user
     * @param recentUses  where a token's uses are noted until they are written
     */
    public Tokens(Database database, Keyring keyring, Clock clock, Duration idleTimeout, Duration maxAge,
                  boolean perDevice, RecentUses recentUses) {
        this.perDevice = perDevice;
        this.recentUses = recentUses;
        this.database = database;
        this.keyring = keyring;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.sealingKey = keyring.key(SEALING_PURPOSE);
    }

    /**
     * The user's key: the existing one, or a new one when the user has none.
     *
     * @throws dev.restauth.db.DuplicateKeyException when a concurrent login of the same user inserted first; run the
     *                                               transaction again ({@code inTransactionRetryingDuplicates}) and
     *                                               this finds the winner's key
     */
    public String issue(Transaction tx, long userId) {
        if (perDevice) {
            String key = keyring.randomHex(20);
            tx.deviceTokens().insert(lookupHash(key), userId, clock.instant());
            return key;
        }
        TokenDao tokens = tx.tokens();
        Optional<TokenDao.TokenRow> existing = tokens.findByUser(userId);
        if (existing.isPresent()) {
            String key = existing.get().sealedKey() == null ? derive(userId, existing.get().salt())
                    : open(userId, existing.get().sealedKey());
            if (key != null && Keyring.equal(lookupHash(key), existing.get().keyHash())) {
                return key;
            }
            tokens.deleteByUser(userId); // made under another secret key: unusable now
        }
        String salt = keyring.randomHex(16);
        String key = derive(userId, salt);
        tokens.insert(new TokenDao.TokenRow(userId, lookupHash(key), salt, clock.instant()));
        return key;
    }

    /** True when {@code key} has the form of a key this class accepts: DRF's 40 lowercase hex digits. */
    public static boolean wellFormed(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * The row that makes an existing key (a Django site's DRF token) the user's token: looked up by its hash, handed
     * back sealed by {@link #issue}. The caller inserts it.
     *
     * @throws IllegalArgumentException when the key is not {@link #wellFormed}
     */
    public TokenDao.TokenRow adopt(long userId, String key, Instant created) {
        if (!wellFormed(key)) {
            throw new IllegalArgumentException("a token key is 40 lowercase hex digits");
        }
        String sealed = AesGcm.seal(sealingKey, key.getBytes(StandardCharsets.US_ASCII),
                associatedData(userId));
        return new TokenDao.TokenRow(userId, lookupHash(key), keyring.randomHex(16), created, sealed);
    }

    /**
     * Who a key signs in, if the key is live: its owner, with the key's lookup hash, which names the token without
     * being it. The user may be inactive; callers decide.
     */
    public Optional<Identity> identify(String key) {
        if (!wellFormed(key)) {
            return Optional.empty();
        }
        String hash = lookupHash(key);
        Optional<TokenDao.TokenUse> use = database.read(tx -> perDevice ? tx.deviceTokens().findUse(hash)
                : tx.tokens().findUse(hash));
        if (use.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant created = use.get().created();
        Instant seen = recentUses.latest(hash, use.get().lastSeen());
        Instant lastSeen = seen != null ? seen : created;
        if (!maxAge.isZero() && !now.isBefore(created.plus(maxAge))
                || !idleTimeout.isZero() && !now.isBefore(lastSeen.plus(idleTimeout))) {
            return Optional.empty();
        }
        recentUses.noteIfDue(perDevice ? RecentUses.Kind.DEVICE_TOKEN : RecentUses.Kind.TOKEN, hash, seen, now);
        return Optional.of(Identity.token(use.get().user(), hash));
    }

    /** Records where the user's token was just handed out (the login's client), for the user's list of sessions. */
    public void describe(Transaction tx, long userId, String key, Client client) {
        if (perDevice) {
            tx.deviceTokens().describe(lookupHash(key), LastSeen.ip(client), client.userAgent(), clock.instant());
        } else {
            tx.tokens().describe(userId, LastSeen.ip(client), client.userAgent(), clock.instant());
        }
    }

    /** Deletes the user's token, and with {@code token_per_device} every token of the user; the next login issues a new key. */
    public void revoke(Transaction tx, long userId) {
        tx.tokens().deleteByUser(userId);
        if (perDevice) {
            tx.deviceTokens().deleteByUser(userId);
        }
    }

    /**
     * Logout: deletes the user's token; with {@code token_per_device}, only the token the request came with (none
     * when it came with a session or a JWT).
     */
    public void revoke(Transaction tx, Identity identity) {
        if (!perDevice) {
            revoke(tx, identity.user().id());
        } else if (identity.tokenHash() != null) {
            tx.deviceTokens().delete(identity.tokenHash());
        }
    }

    /** The sealed key of an adopted token, or null when it does not open (sealed under another secret key). */
    private String open(long userId, String sealed) {
        try {
            return new String(AesGcm.open(sealingKey, sealed, associatedData(userId)),
                    StandardCharsets.US_ASCII);
        } catch (BadSignatureException e) {
            return null;
        }
    }

    private static String associatedData(long userId) {
        return "restauth_token:" + userId;
    }

    private String derive(long userId, String salt) {
        return keyring.hash("token.key", userId + ":" + salt).substring(0, 40);
    }

    private String lookupHash(String key) {
        return keyring.hash("token.lookup", key);
    }
}
