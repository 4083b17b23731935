package dev.restauth.auth.crypto;

import java.util.Objects;

/**
 * Django's {@code PBKDF2SHA1PasswordHasher}: {@code pbkdf2_sha1$<iterations>$<salt>$<base64 of 20-byte key>}, in
 * Django's default {@code PASSWORD_HASHERS} so that rows of sites which once preferred it keep working. Kept here to
 * verify such rows, which are then replaced on login. Immutable and thread-safe.
 */
public final class Pbkdf2Sha1Hasher implements PasswordHasher {
    /** The algorithm name, the part of an encoded password before the first {@code $}. */
    public static final String ALGORITHM = "pbkdf2_sha1";
    /** Django 3.2's iteration count, the same as for {@code pbkdf2_sha256}. */
    public static final int DEFAULT_ITERATIONS = Pbkdf2Sha256Hasher.DEFAULT_ITERATIONS;

    private static final Pbkdf2 PBKDF2 = new Pbkdf2(ALGORITHM, "PBKDF2WithHmacSHA1", 160);

    private final int iterations;

    /** A hasher with Django 3.2's {@value #DEFAULT_ITERATIONS} iterations. */
    public Pbkdf2Sha1Hasher() {
        this(DEFAULT_ITERATIONS);
    }

    /**
     * @param iterations the PBKDF2 iteration count for new hashes; positive
     * @throws IllegalArgumentException if {@code iterations} is not positive
     */
    public Pbkdf2Sha1Hasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.iterations = iterations;
    }

    @Override
    public String encode(String password) {
        return PBKDF2.encode(Objects.requireNonNull(password, "password"), iterations);
    }

    /** Django's {@code encode(password, salt)}: what {@code make_password(password, salt, 'pbkdf2_sha1')} gives. */
    String encode(String password, String salt) {
        return PBKDF2.encode(password, salt, iterations);
    }

    @Override
    public boolean verify(String password, String encoded) {
        return PBKDF2.verify(password, encoded);
    }

    /** Django's {@code must_update}: other iterations than this hasher's, or a short salt. */
    @Override
    public boolean needsRehash(String encoded) {
        return PBKDF2.needsRehash(encoded, iterations);
    }
}
