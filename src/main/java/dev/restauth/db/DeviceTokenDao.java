package dev.restauth.db;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code restauth_device_token}: with {@code token_per_device}, one API token per login, stored as a keyed hash. Not
 * thread-safe.
 */
public final class DeviceTokenDao {
    private static final String INSERT = "INSERT INTO restauth_device_token (key_hash, user_id, created) "
            + "VALUES (?, ?, ?)";
    private static final String USE_BY_KEY_HASH = "SELECT " + UserDao.COLUMNS + ", t.created, t.last_seen"
            + " FROM restauth_device_token t JOIN restauth_user u ON u.id = t.user_id WHERE t.key_hash = ?";
    private static final String TOUCH = "UPDATE restauth_device_token SET last_seen = ? WHERE key_hash = ?";
    private static final String DESCRIBE = "UPDATE restauth_device_token SET ip = ?, user_agent = ?, last_seen = ? "
            + "WHERE key_hash = ?";
    private static final String DEVICES_BY_USER = "SELECT key_hash, created, last_seen, ip, user_agent "
            + "FROM restauth_device_token WHERE user_id = ? ORDER BY created, key_hash";
    private static final String DELETE = "DELETE FROM restauth_device_token WHERE key_hash = ?";
    private static final String DELETE_BY_USER = "DELETE FROM restauth_device_token WHERE user_id = ?";

    private final Connection connection;

    DeviceTokenDao(Connection connection) {
        this.connection = connection;
    }

    public void insert(String keyHash, long userId, Instant created) {
        Jdbc.update(connection, INSERT, keyHash, userId, created);
    }

    /** The token whose key hashes to {@code keyHash}, with its owner and times. */
    public Optional<TokenDao.TokenUse> findUse(String keyHash) {
        return Jdbc.one(connection, USE_BY_KEY_HASH, row -> new TokenDao.TokenUse(UserDao.map(row, 1),
                Jdbc.instant(row, 13), Jdbc.instant(row, 14)), Jdbc.hexHash(keyHash));
    }

    /** Records that a token was used at {@code now}. */
    public void touch(String keyHash, Instant now) {
        Jdbc.update(connection, TOUCH, now, Jdbc.hexHash(keyHash));
    }

    /** Records where a token was just handed out. */
    public void describe(String keyHash, String ip, String userAgent, Instant now) {
        Jdbc.update(connection, DESCRIBE, ip, userAgent, now, Jdbc.hexHash(keyHash));
    }

    /** The user's tokens, oldest first. */
    public List<TokenDao.Device> findDevices(long userId) {
        return Jdbc.list(connection, DEVICES_BY_USER, row -> new TokenDao.Device(row.getString(1),
                Jdbc.instant(row, 2), Jdbc.instant(row, 3), row.getString(4), row.getString(5)), userId);
    }

    /** Deletes one token; returns whether it was there. */
    public boolean delete(String keyHash) {
        return Jdbc.update(connection, DELETE, Jdbc.hexHash(keyHash)) == 1;
    }

    /** Deletes every token of a user. */
    public int deleteByUser(long userId) {
        return Jdbc.update(connection, DELETE_BY_USER, userId);
    }
}
