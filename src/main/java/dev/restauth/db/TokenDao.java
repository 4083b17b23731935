package dev.restauth.db;

import dev.restauth.user.User;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/** {@code restauth_token}: at most one API token per user, stored as a keyed hash. Not thread-safe. */
public final class TokenDao {
    private static final String USER_BY_KEY_HASH = "SELECT " + UserDao.COLUMNS
            + " FROM restauth_token t JOIN restauth_user u ON u.id = t.user_id WHERE t.key_hash = ?";
    private static final String BY_USER = "SELECT user_id, key_hash, salt, created, sealed_key FROM restauth_token "
            + "WHERE user_id = ?";
    private static final String INSERT =
            "INSERT INTO restauth_token (user_id, key_hash, salt, created, sealed_key) VALUES (?, ?, ?, ?, ?)";
    private static final String DELETE_BY_USER = "DELETE FROM restauth_token WHERE user_id = ?";
    private static final String LIVE_BY_KEY_HASH = "SELECT " + UserDao.COLUMNS + ", t.created, t.last_seen"
            + " FROM restauth_token t JOIN restauth_user u ON u.id = t.user_id WHERE t.key_hash = ?";
    private static final String TOUCH = "UPDATE restauth_token SET last_seen = ? WHERE key_hash = ?";
    private static final String DESCRIBE = "UPDATE restauth_token SET ip = ?, user_agent = ?, last_seen = ? "
            + "WHERE user_id = ?";
    private static final String DEVICE_BY_USER = "SELECT key_hash, created, last_seen, ip, user_agent "
            + "FROM restauth_token WHERE user_id = ?";

    private final Connection connection;

    TokenDao(Connection connection) {
        this.connection = connection;
    }

    /**
     * A stored token: the hash of its key and the salt the key is derived from.
     *
     * @param sealedKey for a token taken over from another system, whose key cannot be derived: the key, sealed; else
     *                  null
     */
    public record TokenRow(long userId, String keyHash, String salt, Instant created, String sealedKey) {
        /** A token restauth issued itself: its key is derived from the salt. */
        public TokenRow(long userId, String keyHash, String salt, Instant created) {
            this(userId, keyHash, salt, created, null);
        }

        @Override
        public String toString() {
            return "TokenRow{userId=" + userId + "}";
        }
    }

    /** A token in use: its owner, when it was made and when it was last seen in use (null: not since). */
    public record TokenUse(User user, Instant created, Instant lastSeen) {
    }

    /** Where a token was issued and when it was last used, for its owner's list of sessions. */
    public record Device(String keyHash, Instant created, Instant lastSeen, String ip, String userAgent) {
    }

    /** The token whose key hashes to {@code keyHash}, with its owner and times. */
    public Optional<TokenUse> findUse(String keyHash) {
        return Jdbc.one(connection, LIVE_BY_KEY_HASH, row -> new TokenUse(UserDao.map(row, 1), Jdbc.instant(row, 13),
                Jdbc.instant(row, 14)), Jdbc.hexHash(keyHash));
    }

    /** Records that a token was used at {@code now}. */
    public void touch(String keyHash, Instant now) {
        Jdbc.update(connection, TOUCH, now, Jdbc.hexHash(keyHash));
    }

    /** Records where the user's token was just handed out. */
    public void describe(long userId, String ip, String userAgent, Instant now) {
        Jdbc.update(connection, DESCRIBE, ip, userAgent, now, userId);
    }

    /** The user's token as a device, if the user has one. */
    public Optional<Device> findDevice(long userId) {
        return Jdbc.one(connection, DEVICE_BY_USER, row -> new Device(row.getString(1), Jdbc.instant(row, 2),
                Jdbc.instant(row, 3), row.getString(4), row.getString(5)), userId);
    }

    /** The owner of the token whose key hashes to {@code keyHash}. */
    public Optional<User> findUserByKeyHash(String keyHash) {
        return Jdbc.one(connection, USER_BY_KEY_HASH, UserDao::map, Jdbc.hexHash(keyHash));
    }

    public Optional<TokenRow> findByUser(long userId) {
        return Jdbc.one(connection, BY_USER, row -> new TokenRow(row.getLong("user_id"), row.getString("key_hash"),
                row.getString("salt"), Jdbc.instant(row, "created"), row.getString("sealed_key")), userId);
    }

    /** @throws DuplicateKeyException when the user has a token already (a concurrent login created it) */
    public void insert(TokenRow token) {
        Jdbc.update(connection, INSERT, token.userId(), token.keyHash(), token.salt(), token.created(),
                token.sealedKey());
    }

    /** Deletes the user's token; returns whether there was one. */
    public boolean deleteByUser(long userId) {
        return Jdbc.update(connection, DELETE_BY_USER, userId) > 0;
    }
}
