package dev.restauth.auth;

import dev.restauth.auth.crypto.HashingPool;
import dev.restauth.auth.crypto.PasswordHasher;
import dev.restauth.auth.crypto.PoolBusyException;
import dev.restauth.error.ApiException;

import java.util.concurrent.Callable;

/**
 * Password hashing as the rest of restauth uses it: every hash runs on the bounded {@link HashingPool}, so a login
 * flood queues (and beyond the queue gets a fast 503) instead of each request thread holding argon2's ~19 MiB of
 * native memory. Thread-safe.
 */
public final class Passwords {
    /** Seconds a client is asked to wait when the hashing queue is full. */
    private static final long RETRY_AFTER_SECONDS = 1;

    private final PasswordHasher hasher;
    private final HashingPool pool;
    private volatile String dummy;

    public Passwords(PasswordHasher hasher, HashingPool pool) {
        this.hasher = hasher;
        this.pool = pool;
    }

    /** A new hash of {@code raw} in the preferred algorithm. */
    public String encode(String raw) {
        return onPool(() -> hasher.encode(raw));
    }

    /**
     * Whether {@code raw} is the password {@code encoded} was made from. An unusable or unknown hash costs one hash
     * all the same, so the answer's timing does not tell what kind of account it was.
     */
    public boolean verify(String raw, String encoded) {
        if (encoded == null || encoded.startsWith("!")) {
            burn(raw);
            return false;
        }
        return onPool(() -> hasher.verify(raw, encoded));
    }

    /** True when {@code encoded} should be replaced by a hash in the preferred algorithm and parameters. */
    public boolean needsRehash(String encoded) {
        return hasher.needsRehash(encoded);
    }

    /**
     * Spends exactly the time of one password check, for a login whose user does not exist: unknown user and wrong
     * password must look alike from outside (Django's {@code ModelBackend} does the same).
     */
    public void burn(String raw) {
        String target = dummy;
        if (target == null) {
            target = encode("restauth dummy password");
            dummy = target;
        }
        String against = target;
        onPool(() -> hasher.verify(raw, against));
    }

    private <T> T onPool(Callable<T> task) {
        try {
            return pool.run(task);
        } catch (PoolBusyException e) {
            throw ApiException.unavailable(RETRY_AFTER_SECONDS);
        }
    }
}
