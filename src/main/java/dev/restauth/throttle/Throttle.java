package dev.restauth.throttle;

import dev.restauth.auth.Keyring;
import dev.restauth.config.Rate;
import dev.restauth.config.Settings;
import dev.restauth.db.Database;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.db.ThrottleDao;
import dev.restauth.error.ApiException;
import dev.restauth.user.Keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * restauth's one decision point for rate limits and lockout: every credential path (password login, the old
 * password of a password change, reset confirmation, social login) and every mail-sending endpoint asks it before
 * doing any work, so an attempt over a limit costs no password hash and tells nothing about the account.
 *
 * <p>Use it around a credential check like this (or let {@link #guard} do it, as social login does):
 * <pre>{@code
 * Throttle.Attempt attempt = throttle.begin(Action.SOCIAL_LOGIN, request.clientAddress(), "facebook"); // or 429
 * Identity identity = provider.verify(token);      // throws when refused: the attempt stays a failure
 * attempt.succeeded();                              // the credential was right
 * }</pre>
 * An attempt counts as failed unless {@link Attempt#succeeded()} is called; an attempt that was never decided (the
 * provider was unreachable, hashing was saturated) calls {@link Attempt#unchecked()} instead.
 *
 * <p><b>Counting.</b> Each counter is a window that opens with the first hit after the previous one ended and lasts
 * the limit's period; it allows {@code count} hits. {@link #begin} counts one hit on each of the action's counters
 * in one transaction, each with one atomic upsert whose row lock is held until the transaction ends; when any
 * counter is over its limit the transaction is rolled back, so a refused attempt counts nowhere. Because every hit
 * is ordered by the database and sees the exact number before it, exactly {@code count} attempts per window get
 * through, however many nodes and threads race (a check-then-record design lets all racers through). Counting a
 * credential attempt as failed before it is checked is what makes that exact: a success takes its hit back after.
 * The price of a window over a sliding log: a client may spend one window's budget at its very end and the next
 * one's at once, twice the rate for a moment, never more on average.
 *
 * <p>Keys and client addresses are stored as HMACs (the table names no user, address or IP), time is the injected
 * clock's, and rows whose window ended are deleted every {@value #SWEEP_EVERY} hits on each node, so no cron job
 * is needed. With {@code throttle_enabled=false} nothing is counted and nothing refused. Thread-safe.
 */
public final class Throttle {
    /** Expired counters are swept every this many hits on each node. */
    static final int SWEEP_EVERY = 256;
    /** Runs of the counting transaction when H2's MERGE loses an insert race (the retry finds the row). */
    private static final int ATTEMPTS = 5;

    private final Database database;
    private final Keyring keyring;
    private final Clock clock;
    private final boolean enabled;
    private final Map<Action, List<RatedLimit>> limits = new EnumMap<>(Action.class);
    private final AtomicInteger hitsOnThisNode = new AtomicInteger();

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
     * Counts one attempt at {@code action}, or refuses it.
     *
     * @param client the client IP ({@code ApiRequest.clientAddress()}); may be null only for actions that count
     *               per key alone
     * @param key    what the action counts per (see {@link Action}); null for actions without a key
     * @return the attempt, on which a credential path reports success
     * @throws ApiException 429 with {@code Retry-After} when a limit is full; then nothing was counted
     */
    public Attempt begin(Action action, String client, String key) {
        Outcome outcome = count(action, client, key);
        if (outcome.refusedFor() > 0) {
            throw ApiException.throttled(outcome.refusedFor());
        }
        return new Attempt(outcome.counted());
    }

    /**
     * Runs a credential check as one attempt: a success when {@code check} returns, a failure when it throws, and
     * neither ({@link Attempt#unchecked()}) when it fails with a 5xx, because then the other side (a provider, the
     * hashing pool) was never asked and nothing was learnt about the credential.
     *
     * @throws ApiException 429 before {@code check} runs when a limit is full, or whatever {@code check} throws
     */
    public <T> T guard(Action action, String client, String key, Supplier<T> check) {
        Attempt attempt = begin(action, client, key);
        T result;
        try {
            result = check.get();
        } catch (ApiException e) {
            if (e.status() >= 500) {
                attempt.unchecked();
            }
            throw e;
        }
        attempt.succeeded();
        return result;
    }

    /**
     * Counts one hit if every limit of {@code action} has room, for work that is skipped silently rather than
     * refused (a mail nobody must learn was not sent).
     *
     * @return false, with nothing counted, when a limit is full
     */
    public boolean tryHit(Action action, String client, String key) {
        return count(action, client, key).refusedFor() == 0;
    }

    /** Deletes every counter whose window has ended; returns how many. Runs by itself now and then. */
    public int sweepExpired() {
        Instant now = now();
        return database.inTransaction(connection -> new ThrottleDao(connection, database.dialect())
                .deleteExpired(now));
    }

    /** Counts one attempt on every counter of the action, or none when one is full. */
    private Outcome count(Action action, String client, String key) {
        List<RatedLimit> rated = limits.get(action);
        if (!enabled || rated.isEmpty()) {
            return new Outcome(List.of(), 0);
        }
        Instant now = now();
        if (hitsOnThisNode.incrementAndGet() % SWEEP_EVERY == 0) {
            sweepExpired();
        }
        List<Bucket> buckets = new ArrayList<>();
        for (RatedLimit limit : rated) {
            buckets.add(new Bucket(limit.limit(), limit.rate(), keyHash(limit.limit(), client, key)));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return new Outcome(database.inTransaction(connection -> countAll(
                        new ThrottleDao(connection, database.dialect()), buckets, now)), 0);
            } catch (Refused refused) {
                return new Outcome(List.of(), refused.seconds);
            } catch (DuplicateKeyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** One hit on every counter; throws {@link Refused} (rolling all of them back) when any is over its limit. */
    private static List<Counted> countAll(ThrottleDao dao, List<Bucket> buckets, Instant now) {
        List<Counted> counted = new ArrayList<>();
        long wait = 0;
        for (Bucket bucket : buckets) {
            Rate rate = bucket.rate();
            ThrottleDao.Counter counter = dao.hit(bucket.limit().name(), bucket.keyHash(), now,
                    now.plus(rate.period()));
            if (counter.hits() > rate.count()) {
                wait = Math.max(wait, secondsUntil(now, counter.windowEnd()));
            }
            counted.add(new Counted(bucket, counter.windowEnd()));
        }
        if (wait > 0) {
            throw new Refused(wait);
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
            append(message, Keys.of(require(key, limit, "a key")));
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
     * One counted attempt. It counts as a failure unless {@link #succeeded()} or {@link #unchecked()} says
     * otherwise; only the first of those calls has an effect. Confined to the thread serving the request.
     */
    public final class Attempt {
        private final List<Counted> counted;
        private boolean settled;

        private Attempt(List<Counted> counted) {
            this.counted = counted;
        }

        /**
         * The credential was right: this client's failures for the key are forgiven ({@code CLEAR}), this attempt is
         * taken back from counters shared with other clients ({@code REFUND}), and attempt counters keep it.
         */
        public void succeeded() {
            settle(true);
        }

        /**
         * The credential was never decided (hashing saturated, the provider unreachable, only other fields
         * refused): the attempt is taken back from every failure counter; attempt counters keep it.
         */
        public void unchecked() {
            settle(false);
        }

        private void settle(boolean success) {
            if (settled) {
                return;
            }
            settled = true;
            List<Counted> failures = counted.stream()
                    .filter(c -> c.bucket().limit().onSuccess() != Limit.OnSuccess.KEEP).toList();
            if (failures.isEmpty()) {
                return;
            }
            database.useTransaction(connection -> {
                ThrottleDao dao = new ThrottleDao(connection, database.dialect());
                for (Counted c : failures) {
                    String name = c.bucket().limit().name();
                    if (success && c.bucket().limit().onSuccess() == Limit.OnSuccess.CLEAR) {
                        dao.delete(name, c.bucket().keyHash());
                    } else {
                        dao.refund(name, c.bucket().keyHash(), c.windowEnd());
                    }
                }
            });
        }
    }

    /** A limit that is on, with its configured rate. */
    private record RatedLimit(Limit limit, Rate rate) {
    }

    /** One counter of one attempt: the limit, its rate, and the HMAC of what it is counted per. */
    private record Bucket(Limit limit, Rate rate, String keyHash) {
    }

    private record Counted(Bucket bucket, Instant windowEnd) {
    }

    /** What counting an attempt did: its counters, or, when {@code refusedFor > 0}, the seconds to wait. */
    private record Outcome(List<Counted> counted, long refusedFor) {
    }

    /** The counting transaction found a full counter; thrown to roll it back. */
    private static final class Refused extends RuntimeException {
        private final long seconds;

        Refused(long seconds) {
            super(null, null, false, false);
            this.seconds = seconds;
        }
    }
}
