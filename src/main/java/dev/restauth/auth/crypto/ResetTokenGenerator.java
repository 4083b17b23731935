package dev.restauth.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Django 3.2's {@code PasswordResetTokenGenerator} (SHA-256): one-use password-reset tokens that need no storage,
 * because they hash the user's state and die when it changes (a new password, a login) or when they time out.
 * Tokens made by Django check here and the other way round, given the same secret key and user state.
 *
 * <p>Token: {@code <ts>-<hash>}, where {@code ts} is base 36 of the whole seconds since 2001-01-01T00:00 and
 * {@code hash} is every second character of the hex HMAC {@code salted_hmac(KEY_SALT, before + ts + after,
 * secret, sha256)}: 32 hex characters. The hashed value is exactly {@code state.beforeTimestamp()}, the decimal
 * {@code ts}, then {@code state.afterTimestamp()}: {@link UserState#django} builds the two halves as Django does.
 *
 * <p>Time: Django counts from {@code datetime.now()}, naive local time; this counts from the UTC instant of its
 * {@link Clock}, so a Django server whose local zone is not UTC makes tokens that look older or newer here by the
 * zone's offset. Not accepted: Django 3.2's legacy tokens (SHA-1, or counted in days, from before Django 3.1).
 *
 * <p>Immutable and thread-safe. The secret key is not kept, only the HMAC key derived from it.
 */
public final class ResetTokenGenerator {
    /** Django's {@code key_salt}. */
    public static final String KEY_SALT = "django.contrib.auth.tokens.PasswordResetTokenGenerator";
    /** Django's default {@code PASSWORD_RESET_TIMEOUT}: three days. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofDays(3);

    static final Instant EPOCH = Instant.parse("2001-01-01T00:00:00Z");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SaltedHmac hmac;
    private final Duration timeout;
    private final Clock clock;

    /**
     * What a token hashes about its user, around the timestamp: the hashed value is
     * {@code beforeTimestamp + ts + afterTimestamp}. Both parts are non-null.
     */
    public record UserState(String beforeTimestamp, String afterTimestamp) {
        private static final DateTimeFormatter PYTHON_DATETIME =
                DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

        public UserState {
            Objects.requireNonNull(beforeTimestamp, "beforeTimestamp");
            Objects.requireNonNull(afterTimestamp, "afterTimestamp");
        }

        /** {@code state} before the timestamp and nothing after it. */
        public static UserState of(String state) {
            return new UserState(state, "");
        }

        /**
         * Django's {@code _make_hash_value}: {@code f'{pk}{password}{login_timestamp}{timestamp}{email}'}, where
         * {@code login_timestamp} is {@code last_login} to the second as Python prints it
         * ({@code 2024-01-02 03:04:05}, or empty if never) and {@code email} is empty if absent.
         *
         * @param pk           the primary key; its {@code toString} must be Python's {@code str(pk)}, as it is for
         *                     {@code Long}, {@code Integer}, {@code String} and {@code UUID}
         * @param passwordHash the encoded password as stored (it changes with every new password, salts differ)
         * @param lastLogin    the last login, or null if never; written in UTC, as Django reads it with
         *                     {@code USE_TZ = True}
         * @param email        the e-mail address, or null
         */
        public static UserState django(Object pk, String passwordHash, Instant lastLogin, String email) {
            Objects.requireNonNull(pk, "pk");
            Objects.requireNonNull(passwordHash, "passwordHash");
            String login = lastLogin == null ? "" : PYTHON_DATETIME.format(lastLogin.truncatedTo(ChronoUnit.SECONDS));
            return new UserState(pk + passwordHash + login, email == null ? "" : email);
        }
    }

    /**
     * @param secretKey Django's {@code force_bytes(settings.SECRET_KEY)}: the UTF-8 bytes of the secret; not kept
     * @param timeout   how long a token lives, Django's {@code PASSWORD_RESET_TIMEOUT}; not negative
     * @param clock     the time source
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public ResetTokenGenerator(byte[] secretKey, Duration timeout, Clock clock) {
        Objects.requireNonNull(secretKey, "secretKey");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        this.hmac = new SaltedHmac(KEY_SALT, secretKey);
        this.timeout = timeout;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A token for {@code state} now.
     *
     * @throws IllegalStateException if the clock is before 2001 (Django refuses too)
     */
    public String make(UserState state) {
        Objects.requireNonNull(state, "state");
        long now = secondsSinceEpoch();
        if (now < 0) {
            throw new IllegalStateException("the clock is before 2001");
        }
        return tokenAt(state, now);
    }

    /** {@link #make(UserState)} with {@code userState} before the timestamp and nothing after it. */
    public String make(String userState) {
        return make(UserState.of(userState));
    }

    /**
     * Whether {@code token} was made for {@code state} by a generator with this secret, and is no older than the
     * timeout (an age of exactly the timeout passes, as in Django). As in Django, a timestamp in the future is not
     * refused: only the key holder can make one. Never throws for any token, including null and malformed ones.
     *
     * @param state the user's current state, not null
     */
    public boolean check(UserState state, String token) {
        Objects.requireNonNull(state, "state");
        if (token == null) {
            return false;
        }
        int dash = token.indexOf('-');
        if (dash < 0 || token.indexOf('-', dash + 1) >= 0) {
            return false;
        }
        OptionalLong timestamp = Base36.decode(token.substring(0, dash));
        if (timestamp.isEmpty()) {
            return false;
        }
        long ts = timestamp.getAsLong();
        byte[] expected = tokenAt(state, ts).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        long now = secondsSinceEpoch();
        return ts >= now || Duration.ofSeconds(now - ts).compareTo(timeout) <= 0;
    }

    /** {@link #check(UserState, String)} with {@code userState} before the timestamp and nothing after it. */
    public boolean check(String userState, String token) {
        return check(UserState.of(userState), token);
    }

    private String tokenAt(UserState state, long ts) {
        byte[] digest = hmac.digest(state.beforeTimestamp() + ts + state.afterTimestamp());
        // hexdigest()[::2]: the high nibble of each byte.
        char[] hash = new char[digest.length];
        for (int i = 0; i < digest.length; i++) {
            hash[i] = HEX[(digest[i] >> 4) & 0xf];
        }
        return Base36.encode(ts) + "-" + new String(hash);
    }

    /** Django's {@code _num_seconds(_now())}: whole seconds since 2001-01-01, counted here in UTC. */
    private long secondsSinceEpoch() {
        return Duration.between(EPOCH, clock.instant()).getSeconds();
    }
}
