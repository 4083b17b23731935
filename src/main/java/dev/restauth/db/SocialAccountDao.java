package dev.restauth.db;

import dev.restauth.user.SocialAccount;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code restauth_social_account}: allauth's social accounts, each found by (provider, uid). Reached through a
 * {@link Transaction}; not thread-safe.
 */
public final class SocialAccountDao {
    private static final String COLUMNS = "id, user_id, provider, uid, last_login, date_joined, extra_data";
    private static final String BY_PROVIDER_UID =
            "SELECT " + COLUMNS + " FROM restauth_social_account WHERE provider = ? AND uid = ?";
    private static final String BY_USER =
            "SELECT " + COLUMNS + " FROM restauth_social_account WHERE user_id = ? ORDER BY id";
    private static final String INSERT = "INSERT INTO restauth_social_account "
            + "(user_id, provider, uid, last_login, date_joined, extra_data) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String TOUCH =
            "UPDATE restauth_social_account SET last_login = ?, extra_data = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM restauth_social_account WHERE id = ? AND user_id = ?";

    private final Connection connection;

    SocialAccountDao(Connection connection) {
        this.connection = connection;
    }

    public Optional<SocialAccount> find(String provider, String uid) {
        return Jdbc.one(connection, BY_PROVIDER_UID, SocialAccountDao::map, provider, uid);
    }

    /** The user's accounts, oldest first. */
    public List<SocialAccount> findByUser(long userId) {
        return Jdbc.list(connection, BY_USER, SocialAccountDao::map, userId);
    }

    /**
     * Connects an account to a user.
     *
     * @throws DuplicateKeyException when (provider, uid) is connected already (a concurrent login connected it)
     */
    public SocialAccount insert(long userId, String provider, String uid, Instant now, String extraData) {
        long id = Jdbc.insert(connection, INSERT, userId, provider, uid, now, now, extraData);
        return new SocialAccount(id, userId, provider, uid, now, now, extraData);
    }

    /** Records a login through the account, with the profile the provider returned this time. */
    public void touch(long id, Instant now, String extraData) {
        Jdbc.update(connection, TOUCH, now, extraData, id);
    }

    /** Deletes one of the user's accounts; returns whether it was there. */
    public boolean delete(long id, long userId) {
        return Jdbc.update(connection, DELETE, id, userId) == 1;
    }

    private static SocialAccount map(ResultSet row) throws SQLException {
        return new SocialAccount(row.getLong("id"), row.getLong("user_id"), row.getString("provider"),
                row.getString("uid"), Jdbc.instant(row, "last_login"), Jdbc.instant(row, "date_joined"),
                row.getString("extra_data"));
    }
}
