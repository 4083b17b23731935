package dev.restauth.auth.crypto;

import java.util.Objects;

/**
 * Django's {@code PBKDF2PasswordHasher}: {@code pbkdf2_sha256$<iterations>$<salt>$<base64 of 32-byte key>}, the
 * default of Django 3.2 and so the form most existing rows are in. Verification reads the iterations from the hash
 * (up to ten million). Immutable and thread-safe.
 */
public final class Pbkdf2Sha256Hasher implements PasswordHasher {
    /** The algorithm name, the part of an encoded password before the first {@code $}. */
    public static final String ALGORITHM = "pbkdf2_sha256";
    /** Django 3.2's iteration count. */
    public static final int DEFAULT_ITERATIONS = 260_000;
    static final int SALT_LENGTH = Pbkdf2.SALT_LENGTH;
    static final int MAX_VERIFY_ITERATIONS = Pbkdf2.MAX_VERIFY_ITERATIONS;

    private static final Pbkdf2 PBKDF2 = new Pbkdf2(ALGORITHM, "PBKDF2WithHmacSHA256", 256);

    private final int iterations;

    /** A hasher with Django 3.2's {@value #DEFAULT_ITERATIONS} iterations. */
    public Pbkdf2Sha256Hasher() {
        this(DEFAULT_ITERATIONS);
    }

    /**
     * @param iterations the PBKDF2 iteration count for new hashes; positive
     * @throws IllegalArgumentException if {@code iterations} is not positive
     */
    public Pbkdf2Sha256Hasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.iterations = iterations;
    }

    @Override
    public String encode(String password) {
        return PBKDF2.encode(Objects.requireNonNull(password, "password"), iterations);
    }

    /** Django's {@code encode(password, salt)}: what {@code make_password(password, salt, 'pbkdf2_sha256')} gives. */
    String encode(String password, String salt) {
        return PBKDF2.encode(password, salt, iterations);
    }

    @Override
    public boolean verify(String password, String encoded) {
        return PBKDF2.verify(password, encoded);
    }

    @Override
    public boolean needsRehash(String encoded) {
        return PBKDF2.needsRehash(encoded, iterations);
    }
}
