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
 * Django's PBKDF2 hashers, {@code <algorithm>$<iterations>$<salt>$<base64 of the key>}, the key as long as the
 * function's digest (Django's {@code pbkdf2(..., dklen=0)}):
 * <ul>
 * <li>{@code pbkdf2_sha256}, Django's {@code PBKDF2PasswordHasher}, the default of Django 3.2 and so the form most
 * existing rows are in;</li>
 * <li>{@code pbkdf2_sha1}, Django's {@code PBKDF2SHA1PasswordHasher}, in Django's default {@code PASSWORD_HASHERS} so
 * that rows of sites which once preferred it keep working; such rows are replaced on login.</li>
 * </ul>
 * Verification reads the iterations from the hash (up to ten million). Immutable and thread-safe.
 */
public final class Pbkdf2Hasher implements PasswordHasher {
    /** Django 3.2's iteration count, for both functions. */
    public static final int DEFAULT_ITERATIONS = 260_000;

    /** Django's salt: 22 letters and digits, the fewest that give 128 bits ({@code 22 * log2(62) = 131}). */
    static final int SALT_LENGTH = 22;
    /**
     * Verify refuses more iterations than this: a corrupt row must not hold a hashing thread for minutes.
     * Ten times Django 5.2's 1,000,000.
     */
    static final int MAX_VERIFY_ITERATIONS = 10_000_000;

    private final String algorithm;
    private final String jcaName;
    private final int keyBits;
    private final int iterations;

    /**
     * @param algorithm  the name before the first {@code $}
     * @param jcaName    the JDK's name of the key derivation, e.g. {@code PBKDF2WithHmacSHA256}
     * @param keyBits    the digest size of the HMAC's hash, the length of Django's key
     * @param iterations the iteration count for new hashes
     */
    private Pbkdf2Hasher(String algorithm, String jcaName, int keyBits, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.algorithm = algorithm;
        this.jcaName = jcaName;
        this.keyBits = keyBits;
        this.iterations = iterations;
    }

    /** {@code pbkdf2_sha256} with Django 3.2's {@value #DEFAULT_ITERATIONS} iterations for new hashes. */
    public static Pbkdf2Hasher sha256() {
        return sha256(DEFAULT_ITERATIONS);
    }

    /**
     * @param iterations the iteration count for new hashes; positive
     * @throws IllegalArgumentException if {@code iterations} is not positive
     */
    public static Pbkdf2Hasher sha256(int iterations) {
        return new Pbkdf2Hasher("pbkdf2_sha256", "PBKDF2WithHmacSHA256", 256, iterations);
    }

    /** {@code pbkdf2_sha1} with Django 3.2's {@value #DEFAULT_ITERATIONS} iterations for new hashes. */
    public static Pbkdf2Hasher sha1() {
        return sha1(DEFAULT_ITERATIONS);
    }

    /**
     * @param iterations the iteration count for new hashes; positive
     * @throws IllegalArgumentException if {@code iterations} is not positive
     */
    public static Pbkdf2Hasher sha1(int iterations) {
        return new Pbkdf2Hasher("pbkdf2_sha1", "PBKDF2WithHmacSHA1", 160, iterations);
    }

    /** The algorithm name, the part of an encoded password before the first {@code $}. */
    public String algorithm() {
        return algorithm;
    }

    /** A fresh hash with a random 22-character salt. */
    @Override
    public String encode(String password) {
        return encode(Objects.requireNonNull(password, "password"), RandomStrings.lettersAndDigits(SALT_LENGTH));
    }

    /** Django's {@code encode(password, salt)}: what {@code make_password(password, salt, algorithm)} gives. */
    String encode(String password, String salt) {
        return encode(password, salt, iterations);
    }

    /** Django's {@code encode(password, salt, iterations)}, character for character. */
    private String encode(String password, String salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt.getBytes(StandardCharsets.UTF_8), iterations, keyBits);
        // The JDK's PBKDF2 turns the chars into UTF-8 bytes, as Django's force_bytes does.
        byte[] key = null;
        try {
            key = SecretKeyFactory.getInstance(jcaName).generateSecret(spec).getEncoded();
            return algorithm + "$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " is required of every Java platform", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /** Whether {@code password} re-encodes to exactly {@code encoded}; false for anything unparsable. */
    @Override
    public boolean verify(String password, String encoded) {
        if (password == null) {
            return false;
        }
        Parsed parsed = parse(encoded);
        if (parsed == null || parsed.iterations > MAX_VERIFY_ITERATIONS) {
            return false;
        }
        // As Django: re-encode with the stored salt and iterations and compare the whole strings, in constant time.
        String recomputed = encode(password, parsed.salt, parsed.iterations);
        return MessageDigest.isEqual(
                recomputed.getBytes(StandardCharsets.UTF_8), encoded.getBytes(StandardCharsets.UTF_8));
    }

    /** Django's {@code must_update}: other iterations, or a salt of under 128 bits counted as letters and digits. */
    @Override
    public boolean needsRehash(String encoded) {
        Parsed parsed = parse(encoded);
        return parsed == null || parsed.iterations != iterations || parsed.salt.length() < SALT_LENGTH;
    }

    /** The parts of {@code <algorithm>$<iterations>$<salt>$<hash>}, or null; the hash is checked by re-encoding. */
    private Parsed parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(algorithm) || parts[2].isEmpty()) {
            return null;
        }
        int iterations = Decimal.positiveInt(parts[1]);
        return iterations < 1 ? null : new Parsed(iterations, parts[2]);
    }

    private record Parsed(int iterations, String salt) {
    }
}
