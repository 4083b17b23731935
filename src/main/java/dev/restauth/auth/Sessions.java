package dev.restauth.auth;

import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.SessionDao;
import dev.restauth.db.Transaction;
import dev.restauth.user.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Login sessions kept in the database, so any node can serve any request: Django's session framework reduced to
 * what dj-rest-auth uses. The {@code sessionid} and {@code csrftoken} cookies ({@link SessionCookies}) carry random
 * values; the table keeps only their keyed hashes. The CSRF token belongs to its session (a token from another session is refused), and a
 * session ends when its user's password changes, unless the change was made through it. Opening and ending sessions
 * happen in the caller's transaction; finding one (every cookie-authenticated request) is a transaction of its own.
 * Expired sessions are deleted by {@link dev.restauth.db.Sweeper}. Thread-safe.
 */
public final class Sessions {
    public static final String SESSION_COOKIE = "sessionid";
    public static final String CSRF_COOKIE = "csrftoken";

    private final Database database;
    private final Keyring keyring;
    private final Clock clock;
    private final long ageSeconds;
    private final Duration idleTimeout;
    private final RecentUses recentUses;

    /** @param recentUses where a session's uses are noted until they are written */
    public Sessions(Database database, Keyring keyring, Clock clock, Settings settings, RecentUses recentUses) {
        this.database = database;
        this.recentUses = recentUses;
        this.keyring = keyring;
        this.clock = clock;
        this.ageSeconds = settings.get(Settings.SESSION_COOKIE_AGE);
        this.idleTimeout = Duration.ofSeconds(settings.get(Settings.SESSION_IDLE_TIMEOUT));
    }

    /** The raw values a new session hands to the client in its cookies. */
    public record Opened(String id, String csrfToken) {
        @Override
        public String toString() {
            return "Opened(********)";
        }
    }

    /** A live session found from its cookie. */
    public record Live(User user, String id, String csrfHash) {
    }

    /** Opens a session for a user who just logged in: a fresh id (never the one the client sent: no fixation). */
    public Opened open(Transaction tx, User user) {
        Opened session = new Opened(keyring.randomString(32, false), keyring.randomString(64, true));
        Instant now = clock.instant();
        tx.sessions().insert(idHash(session.id()), user.id(), authHash(user), csrfHash(session.csrfToken()), now,
                now.plusSeconds(ageSeconds));
        return session;
    }

    /**
     * The session a cookie names, if it is live and its user's password has not changed since it opened (a stale
     * one is deleted, as Django flushes a session whose auth hash no longer matches).
     */
    public Optional<Live> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        String hash = idHash(id);
        return database.inTransaction(tx -> {
            SessionDao sessions = tx.sessions();
            Optional<SessionDao.SessionRow> row = sessions.findLive(hash, clock.instant());
            if (row.isEmpty()) {
                return Optional.empty();
            }
            if (!Keyring.equal(row.get().authHash(), authHash(row.get().user()))) {
                sessions.delete(hash);
                return Optional.empty();
            }
            if (!seen(row.get())) {
                sessions.delete(hash); // idle longer than session_idle_timeout
                return Optional.empty();
            }
            return Optional.of(new Live(row.get().user(), id, row.get().csrfHash()));
        });
    }

    /**
     * Whether a session is still in use: not idle longer than {@code session_idle_timeout}. Notes this use when the
     * last one is a minute old or more ({@link LastSeen}, {@link RecentUses}).
     */
    private boolean seen(SessionDao.SessionRow row) {
        Instant now = clock.instant();
        Instant seen = recentUses.latest(row.idHash(), row.lastSeen());
        Instant lastSeen = seen != null ? seen : row.created();
        if (!idleTimeout.isZero() && !now.isBefore(lastSeen.plus(idleTimeout))) {
            return false;
        }
        recentUses.noteIfDue(RecentUses.Kind.SESSION, row.idHash(), seen, now);
        return true;
    }

    /** Records where a session was just opened (the login's client), for the user's list of sessions. */
    public void describe(Transaction tx, String id, Client client) {
        tx.sessions().describe(idHash(id), LastSeen.ip(client), client.userAgent(), clock.instant());
    }

    /** The keyed hash a session id is stored as: names the session without being it. */
    public String idHashOf(String id) {
        return idHash(id);
    }

    /** True when {@code token} is the CSRF token of this session. */
    public boolean csrfMatches(Live session, String token) {
        return token != null && !token.isEmpty() && token.length() <= 128
                && Keyring.equal(csrfHash(token), session.csrfHash());
    }

    /** Ends one session (logout). */
    public void close(Transaction tx, String id) {
        tx.sessions().delete(idHash(id));
    }

    /** Ends every session of a user. */
    public void closeAll(Transaction tx, long userId) {
        tx.sessions().deleteByUser(userId);
    }

    /**
     * After a password change made through session {@code id}: ends all the user's sessions and opens a new one
     * with a fresh id for this client, keeping its CSRF token (Django's {@code update_session_auth_hash}).
     *
     * @param user the user with the new password hash
     * @return the new session id
     */
    public String keepAfterPasswordChange(Transaction tx, String id, User user) {
        String newId = keyring.randomString(32, false);
        Instant now = clock.instant();
        SessionDao sessions = tx.sessions();
        Optional<SessionDao.SessionRow> current = sessions.findLive(idHash(id), now);
        sessions.deleteByUser(user.id());
        if (current.isPresent()) {
            sessions.insert(idHash(newId), user.id(), authHash(user), current.get().csrfHash(), now,
                    current.get().expires());
        }
        return newId;
    }

    private String idHash(String id) {
        return keyring.hash("session.id", id);
    }

    private String csrfHash(String token) {
        return keyring.hash("session.csrf", token);
    }

    private String authHash(User user) {
        return keyring.hash("session.auth", user.password());
    }
}
