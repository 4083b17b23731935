package dev.restauth.testing;

import dev.restauth.auth.crypto.Argon2Hasher;
import dev.restauth.auth.crypto.PasswordHasher;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real argon2 hasher that counts its calls, as Django's {@code CountingMD5PasswordHasher} does for
 * {@code test_authentication_timing}: whether two logins cost the same is then a deterministic count, not a timing.
 * Thread-safe.
 */
public final class CountingHasher implements PasswordHasher {
    private final PasswordHasher hasher;
    private final AtomicInteger hashes = new AtomicInteger();

    /** Counts calls to cheap argon2 (the test servers' parameters). */
    public CountingHasher() {
        this(new Argon2Hasher(64, 1, 1));
    }

    public CountingHasher(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** Hashes computed (encodes and verifies) since the last reset. */
    public int hashes() {
        return hashes.get();
    }

    public void reset() {
        hashes.set(0);
    }

    @Override
    public String encode(String password) {
        hashes.incrementAndGet();
        return hasher.encode(password);
    }

    @Override
    public boolean verify(String password, String encoded) {
        hashes.incrementAndGet();
        return hasher.verify(password, encoded);
    }

    @Override
    public boolean needsRehash(String encoded) {
        return hasher.needsRehash(encoded);
    }
}
