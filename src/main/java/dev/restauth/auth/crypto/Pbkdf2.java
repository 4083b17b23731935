package dev.restauth.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Django's {@code PBKDF2PasswordHasher} encoding for one pseudo-random function:
 * {@code <algorithm>$<iterations>$<salt>$<base64 of the key>}, the key as long as the function's digest (Django's
 * {@code pbkdf2(..., dklen=0)}). Shared by {@link Pbkdf2Sha256Hasher} and {@link Pbkdf2Sha1Hasher}. Immutable and
 * thread-safe.
 */
final class Pbkdf2 {
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

    /**
     * @param algorithm the name before the first {@code $}
     * @param jcaName   the JDK's name of the key derivation, e.g. {@code PBKDF2WithHmacSHA256}
     * @param keyBits   the digest size of the HMAC's hash, the length of Django's key
     */
    Pbkdf2(String algorithm, String jcaName, int keyBits) {
        this.algorithm = algorithm;
        this.jcaName = jcaName;
        this.keyBits = keyBits;
    }

    /** A fresh hash with a random 22-character salt. */
    String encode(String password, int iterations) {
        return encode(password, RandomStrings.lettersAndDigits(SALT_LENGTH), iterations);
    }

    /** Django's {@code encode(password, salt, iterations)}, character for character. */
    String encode(String password, String salt, int iterations) {
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
    boolean verify(String password, String encoded) {
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
    boolean needsRehash(String encoded, int iterations) {
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
