package dev.restauth.account;

import dev.restauth.db.Database;
import dev.restauth.user.SocialAccount;

import java.util.List;

/** The user's connected social accounts, oldest first ({@code GET /socialaccounts/}). Thread-safe. */
public final class ListSocialAccounts {
    private final Database database;

    ListSocialAccounts(Database database) {
        this.database = database;
    }

    public List<SocialAccount> run(long userId) {
        return database.read(tx -> tx.socialAccounts().findByUser(userId));
    }
}
