package dev.restauth.account;

import dev.restauth.db.Database;
import dev.restauth.error.ValidationException;
import dev.restauth.text.Messages;
import dev.restauth.user.SecurityEvent;
import dev.restauth.user.User;

import java.time.Instant;
import java.util.List;

/**
 * The security log as an operator reads it ({@code restauth audit}): every event since a time, of every account or
 * of one, oldest first. Reads only. Thread-safe.
 */
public final class ReadAuditLog {
    private final Database database;

    ReadAuditLog(Database database) {
        this.database = database;
    }

    /**
     * @param username the one account to show (its username, as registration spells it in any case), or null for all
     * @param since    the earliest time shown
     * @throws ValidationException {@code non_field_errors} when no account has that username
     */
    public List<SecurityEvent> run(String username, Instant since) {
        return database.read(tx -> {
            Long userId = null;
            if (username != null) {
                userId = tx.users().findByUsername(username).map(User::id).orElseThrow(() ->
                        ValidationException.nonField(Messages.get("audit.unknown_user", username)));
            }
            return tx.auditEvents().since(since, userId);
        });
    }
}
