package dev.restauth.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Django's {@code PBKDF2PasswordHasher}: {@code pbkdf2_sha256$<iterations>$<salt>$<base64 of 32-byte key>}, the
 * default of Django 3.2 and so the form most existing rows are in. Immutable and thread-safe.
 */
public final class Pbkdf2Sha256Hasher implements PasswordHasher {
    /** The algorithm name, the part of an encoded password before the first {@code $}. */
    public static final String ALGORITHM = "pbkdf2_sha256";
    /** Django 3.2's iteration count. */
    public static final int DEFAULT_ITERATIONS = 260_000;
    /** Django's salt: 22 letters and digits, the fewest that give 128 bits ({@code 22 * log2(62) = 131}). */
    static final int SALT_LENGTH = 22;
    /**
     * Verify refuses more iterations than this: a corrupt row must not hold a hashing thread for minutes.
     * Ten times Django 5.2's 1,000,000.
     */
    static final int MAX_VERIFY_ITERATIONS = 10_000_000;
    private static final int KEY_BITS = 256;

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
        Objects.requireNonNull(password, "password");
        return encode(password, RandomStrings.lettersAndDigits(SALT_LENGTH), iterations);
    }

    /** Django's {@code encode(password, salt)}: what {@code make_password(password, salt, 'pbkdf2_sha256')} gives. */
    String encode(String password, String salt) {
        return encode(password, salt, iterations);
    }

    private static String encode(String password, String salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt.getBytes(StandardCharsets.UTF_8), iterations, KEY_BITS);
        // PBKDF2WithHmacSHA256 turns the chars into UTF-8 bytes, as Django's force_bytes does.
        byte[] key = null;
        try {
            key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return ALGORITHM + "$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every Java platform", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    @Override
    public boolean verify(String password, String encoded) {
        if (password == null) {
            return false;
        }
        Parsed parsed = Parsed.of(encoded);
        if (parsed == null || parsed.iterations > MAX_VERIFY_ITERATIONS) {
            return false;
        }
        // As Django: re-encode with the stored salt and iterations and compare the whole strings, in constant time.
        String recomputed = encode(password, parsed.salt, parsed.iterations);
        return MessageDigest.isEqual(
                recomputed.getBytes(StandardCharsets.UTF_8), encoded.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean needsRehash(String encoded) {
        Parsed parsed = Parsed.of(encoded);
        // Django's must_update: other iterations, or a salt of under 128 bits counted as letters and digits.
        return parsed == null || parsed.iterations != iterations || parsed.salt.length() < SALT_LENGTH;
    }

    /** The parts of {@code pbkdf2_sha256$<iterations>$<salt>$<hash>}; the hash is checked by re-encoding. */
    private record Parsed(int iterations, String salt) {
        static Parsed of(String encoded) {
            if (encoded == null) {
                return null;
            }
            String[] parts = encoded.split("\\$", -1);
            if (parts.length != 4 || !parts[0].equals(ALGORITHM) || parts[2].isEmpty()) {
                return null;
            }
            String digits = parts[1];
            // Only what Django writes ("%d" of a positive int): no sign, no leading zero, fits an int.
            if (digits.isEmpty() || digits.length() > 10 || digits.charAt(0) == '0'
                    || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            long value = Long.parseLong(digits);
            if (value > Integer.MAX_VALUE) {
                return null;
            }
            return new Parsed((int) value, parts[2]);
        }
    }
}
