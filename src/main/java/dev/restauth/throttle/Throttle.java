package dev.restauth.throttle;

import dev.restauth.auth.Keyring;
import dev.restauth.config.Rate;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.db.ThrottleDao;
import dev.restauth.db.Transaction;
import dev.restauth.error.ValidationException;
import dev.restauth.user.Canonical;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * restauth's one decision point for rate limits and lockout: every credential path (password login, the old
 * password of a password change, reset confirmation, social login) and every mail-sending endpoint asks it before
 * doing any work, so an attempt over a limit costs no password hash and tells nothing about the account.
 *
 * <p>Every use case uses it the same way, in its own transactions:
 * <pre>{@code
 * Attempt attempt = database.inTransaction(tx -> throttle.begin(tx, Action.LOGIN, client, login)); // or 429
 * User user = attempt.judge(() -> checkPassword(...));   // a refused credential stays counted as a failure
 * database.inTransaction(tx -> { attempt.succeeded(tx); ...the effects of the login... });
 * }</pre>
 * An attempt counts as failed unless {@link Attempt#succeeded} is called; an attempt that was never decided (the
 * provider was unreachable, hashing was saturated) is taken back by {@link Attempt#judge} (or
 * {@link Attempt#unchecked()}). Actions that count attempts rather than failures (sign-ups, mails) just call
 * {@link #begin} in the transaction that does the work.
 *
 * <p><b>Counting.</b> Each counter is a window that opens with the first hit after the previous one ended and lasts
 * the limit's period; it allows {@code count} hits. {@link #begin} counts one hit on each of the action's counters,
 * each with one atomic upsert whose row lock is held until the caller's transaction ends; when any counter is over
 * its limit, the hits are undone and the attempt refused, so a refused attempt counts nowhere. Because every hit is
 * ordered by the database and sees the exact number before it, exactly {@code count} attempts per window get
 * through, however many nodes and threads race (a check-then-record design lets all racers through). Counting a
 * credential attempt as failed before it is checked is what makes that exact: a success takes its hit back after.
 * The price of a window over a sliding log: a client may spend one window's budget at its very end and the next
 * one's at once, twice the rate for a moment, never more on average.
 *
 * <p>Keys and client addresses are stored as HMACs (the table names no user, address or IP), time is the injected
 * clock's, and rows whose window ended are deleted by {@link dev.restauth.db.Sweeper}. With
 * {@code throttle_enabled=false} nothing is counted and nothing refused. Thread-safe.
 */
public final class Throttle {
    /** Runs of the counting when H2's MERGE loses an insert race (the next run finds the row). */
    private static final int ATTEMPTS = 5;

    private final Database database;
    private final Keyring keyring;
    private final Clock clock;
    private final boolean enabled;
    private final Map<Action, List<RatedLimit>> limits = new EnumMap<>(Action.class);

    public Throttle(Database database, Keyring keyring, Clock clock, Settings settings) {
        this.database = database;
        this.keyring = keyring;
        this.clock = clock;
        this.enabled = settings.get(Settings.THROTTLE_ENABLED);
        for (Action action : Action.values()) {
            List<RatedLimit> rated = new ArrayList<>();
            for (Limit limit : action.limits()) {
                Rate rate = settings.get(limit.rate());
                if (rate.on()) {
                    rated.add(new RatedLimit(limit, rate));
                }
            }
            limits.put(action, List.copyOf(rated));
        }
    }

    /**
     * Counts one attempt at {@code action} in the caller's transaction, or refuses it.
     *
     * @param client the client IP ({@code ApiRequest.clientAddress()}); may be null only for actions that count
     *               per key alone
     * @param key    what the action counts per (see {@link Action}); null for actions without a key
     * @return the attempt, on which a credential path reports success
     * @throws ThrottledException 429 with {@code Retry-After} when a limit is full; then nothing was counted
     */
    public Attempt begin(Transaction tx, Action action, String client, String key) {
        Outcome outcome = count(tx, action, client, key);
        if (outcome.refusedFor() > 0) {
            throw new ThrottledException(outcome.refusedFor(), outcome.lockout());
        }
        return new Attempt(outcome.counted());
    }

    /**
     * {@link #begin} in a transaction of its own, for an action counted before anything else is done (a sign-up, a
     * passkey login): no transaction at all when the action has no limit to count.
     */
    public Attempt begin(Action action, String client, String key) {
        if (!counts(action)) {
            return new Attempt(List.of());
        }
        return database.inTransaction(tx -> begin(tx, action, client, key));
    }

    /**
     * Counts one hit if every limit of {@code action} has room, for work that is skipped silently rather than
     * refused (a mail nobody must learn was not sent).
     *
     * @return false, with nothing counted, when a limit is full
     */
    public boolean tryHit(Transaction tx, Action action, String client, String key) {
        return count(tx, action, client, key).refusedFor() == 0;
    }

    /** Whether attempts at {@code action} are counted at all: throttling is on and the action has a limit. */
    private boolean counts(Action action) {
        return enabled && !limits.get(action).isEmpty();
    }

    /** Counts one attempt on every counter of the action, or none when one is full. */
    private Outcome count(Transaction tx, Action action, String client, String key) {
        if (!counts(action)) {
            return new Outcome(List.of(), 0, false);
        }
        List<RatedLimit> rated = limits.get(action);
        Instant now = now();
        List<Bucket> buckets = new ArrayList<>();
        for (RatedLimit limit : rated) {
            buckets.add(new Bucket(limit.limit(), limit.rate(), keyHash(limit.limit(), client, key)));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return new Outcome(tx.nested(() -> countAll(tx.throttle(), buckets, now)), 0, false);
            } catch (Refused refused) {
                return new Outcome(List.of(), refused.seconds, refused.lockout);
            } catch (DuplicateKeyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** One hit on every counter; throws {@link Refused} (undoing all of them) when any is over its limit. */
    private static List<Counted> countAll(ThrottleDao dao, List<Bucket> buckets, Instant now) {
        List<Counted> counted = new ArrayList<>();
        long wait = 0;
        boolean lockout = false;
        for (Bucket bucket : buckets) {
            Rate rate = bucket.rate();
            ThrottleDao.Counter counter = dao.hit(bucket.limit().name(), bucket.keyHash(), now,
                    now.plus(rate.period()));
            if (counter.hits() > rate.count()) {
                wait = Math.max(wait, secondsUntil(now, counter.windowEnd()));
                lockout |= bucket.limit().scope() == Limit.Scope.KEY;
            }
            counted.add(new Counted(bucket, counter.windowEnd()));
        }
        if (wait > 0) {
            throw new Refused(wait, lockout);
        }
        return counted;
    }

    /** Whole seconds until {@code end}, rounded up as DRF's {@code Throttled} does, and at least one. */
    private static long secondsUntil(Instant now, Instant end) {
        long millis = Duration.between(now, end).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private String keyHash(Limit limit, String client, String key) {
        StringBuilder message = new StringBuilder(limit.name());
        if (limit.scope() != Limit.Scope.KEY) {
            append(message, require(client, limit, "a client address"));
        }
        if (limit.scope() != Limit.Scope.CLIENT) {
            append(message, Canonical.key(require(key, limit, "a key")));
        }
        return keyring.hash("throttle", message.toString());
    }

    /** Length-prefixed, so no two different lists of parts make the same message. */
    private static void append(StringBuilder message, String part) {
        message.append('|').append(part.length()).append(':').append(part);
    }

    private static String require(String value, Limit limit, String what) {
        if (value == null) {
            throw new IllegalArgumentException("limit " + limit.name() + " is counted per " + what);
        }
        return value;
    }

    /** Millisecond precision: every database keeps it exactly, so a refund finds its window by equality. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * One counted attempt. It counts as a failure unless {@link #succeeded} or {@link #unchecked()} says otherwise;
     * only the first of those calls has an effect. Confined to the thread serving the request.
     */
    public final class Attempt {
        private final List<Counted> counted;
        private boolean settled;

        private Attempt(List<Counted> counted) {
            this.counted = counted;
        }

        /**
         * Runs the check that judges this attempt's credential, outside any transaction (it may hash a password or
         * ask a provider). A {@link ValidationException} naming one of {@code credentialFields} (any
         * ValidationException when none are named) is the failure this attempt already counts; any other exception
         * (the provider unreachable, hashing saturated, only other fields refused) leaves the credential undecided,
         * and the attempt is {@linkplain #unchecked() taken back}. A pass is for the caller to settle with
         * {@link #succeeded} in the transaction that acts on it.
         */
        public <T> T judge(Supplier<T> check, String... credentialFields) {
            try {
                return check.get();
            } catch (ValidationException e) {
                if (credentialFields.length > 0 && !refusesAny(e, credentialFields)) {
                    unchecked();
                }
                throw e;
            } catch (RuntimeException e) {
                unchecked();
                throw e;
            }
        }

        /**
         * The credential was right: this client's failures for the key are forgiven ({@code CLEAR}), this attempt is
         * taken back from counters shared with other clients ({@code REFUND}), and attempt counters keep it.
         */
        public void succeeded(Transaction tx) {
            settle(tx, true);
        }

        /**
         * The credential was never decided: the attempt is taken back from every failure counter, in a transaction
         * of its own; attempt counters keep it.
         */
        public void unchecked() {
            if (!settled && counted.stream().anyMatch(Counted::countsFailures)) {
                database.useTransaction(tx -> settle(tx, false));
            }
            settled = true;
        }

        private void settle(Transaction tx, boolean success) {
            if (settled) {
                return;
            }
            settled = true;
            ThrottleDao dao = tx.throttle();
            for (Counted c : counted) {
                if (!c.countsFailures()) {
                    continue;
                }
                String name = c.bucket().limit().name();
                if (success && c.bucket().limit().onSuccess() == Limit.OnSuccess.CLEAR) {
                    dao.delete(name, c.bucket().keyHash());
                } else {
                    dao.refund(name, c.bucket().keyHash(), c.windowEnd());
                }
            }
        }

        private static boolean refusesAny(ValidationException e, String... fields) {
            for (String field : fields) {
                if (e.errors().containsKey(field)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A limit that is on, with its configured rate. */
    private record RatedLimit(Limit limit, Rate rate) {
    }

    /** One counter of one attempt: the limit, its rate, and the HMAC of what it is counted per. */
    private record Bucket(Limit limit, Rate rate, String keyHash) {
    }

    private record Counted(Bucket bucket, Instant windowEnd) {
        boolean countsFailures() {
            return bucket.limit().onSuccess() != Limit.OnSuccess.KEEP;
        }
    }

    /**
     * What counting an attempt did: its counters, or, when {@code refusedFor > 0}, the seconds to wait and whether a
     * per-key counter (a lockout) was among the full ones.
     */
    private record Outcome(List<Counted> counted, long refusedFor, boolean lockout) {
    }

    /** The counting found a full counter; thrown to undo its hits. */
    private static final class Refused extends RuntimeException {
        private final long seconds;
        private final boolean lockout;

        Refused(long seconds, boolean lockout) {
            super(null, null, false, false);
            this.seconds = seconds;
            this.lockout = lockout;
        }
    }
}
