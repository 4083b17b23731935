package dev.restauth.account;

import dev.restauth.db.Database;
import dev.restauth.db.TotpDao;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether TOTP is on for a user, since when, and the last use of any of its codes ({@code GET /mfa/status/}). Reads
 * only. Thread-safe.
 */
public final class ShowMfaStatus {
    private final Database database;

    ShowMfaStatus(Database database) {
        this.database = database;
    }

    public MfaStatus run(long userId) {
        return database.inTransaction(tx -> {
            Optional<TotpDao.TotpRow> totp = tx.totp().find(userId);
            if (totp.isEmpty()) {
                return new MfaStatus(false, null, null);
            }
            Instant lastUsed = totp.get().lastUsed();
            Instant recovery = tx.recoveryCodes().lastUsed(userId).orElse(null);
            if (recovery != null && (lastUsed == null || recovery.isAfter(lastUsed))) {
                lastUsed = recovery;
            }
            return new MfaStatus(true, totp.get().created(), lastUsed);
        });
    }
}
