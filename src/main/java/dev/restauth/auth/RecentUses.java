package dev.restauth.auth;

import dev.restauth.db.Database;
import dev.restauth.db.Transaction;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The last uses of tokens and sessions, noted in memory and written together, so that an authenticated request never
 * waits for a write: a use is noted at most once a {@link LastSeen#GRAIN} per credential, and every
 * {@link #WRITE_INTERVAL} (and when restauth closes) the uses noted are written in one transaction. Until then this
 * node reads them from here ({@link #latest}); other nodes see them once written. A crash loses at most the uses of
 * the last interval: their credentials look that much longer idle. Thread-safe.
 */
public final class RecentUses {
    /** How often the uses noted are written. */
    public static final Duration WRITE_INTERVAL = Duration.ofSeconds(10);

    /** Where a credential's last use is kept. */
    enum Kind {
        TOKEN, DEVICE_TOKEN, SESSION;

        void write(Transaction tx, String hash, Instant at) {
            switch (this) {
                case TOKEN -> tx.tokens().touch(hash, at);
                case DEVICE_TOKEN -> tx.deviceTokens().touch(hash, at);
                case SESSION -> tx.sessions().touch(hash, at);
            }
        }
    }

    private record Use(Kind kind, Instant at) {
    }

    private final Database database;
    /** By the credential's stored hash (a keyed hash, unique across kinds). */
    private final ConcurrentMap<String, Use> noted = new ConcurrentHashMap<>();

    public RecentUses(Database database) {
        this.database = database;
    }

    /**
     * Notes that the credential stored as {@code hash} was used at {@code now}, unless its last use ({@code seen}, from
     * {@link #latest}; null when it was never used) is less than a {@link LastSeen#GRAIN} old.
     */
    void noteIfDue(Kind kind, String hash, Instant seen, Instant now) {
        if (seen == null || !now.isBefore(seen.plus(LastSeen.GRAIN))) {
            noted.merge(hash, new Use(kind, now), (old, use) -> use.at.isAfter(old.at) ? use : old);
        }
    }

    /** The later of {@code recorded} (the stored last use, or null) and a use of {@code hash} noted here. */
    public Instant latest(String hash, Instant recorded) {
        Use use = noted.get(hash);
        return use == null || (recorded != null && !use.at.isAfter(recorded)) ? recorded : use.at;
    }

    /** Writes every use noted, in one transaction; a use noted meanwhile waits for the next write. */
    public void write() {
        if (noted.isEmpty()) {
            return;
        }
        Map<String, Use> taken = new HashMap<>(noted);
        database.useTransaction(tx -> taken.forEach((hash, use) -> use.kind.write(tx, hash, use.at)));
        taken.forEach(noted::remove);
    }
}
