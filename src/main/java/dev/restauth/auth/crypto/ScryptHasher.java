package dev.restauth.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Django's {@code ScryptPasswordHasher} (Django 4.0 and later): {@code scrypt$<n>$<salt>$<r>$<p>$<base64 of a 64-byte
 * key>}, the key {@code scrypt(password, salt, n, r, p)} of the UTF-8 password and salt. Verification reads
 * {@code n}, {@code r} and {@code p} from the hash; scrypt itself is Bouncy Castle's {@link SCrypt}.
 *
 * <p>Verify accepts what Django's own call can make: Django runs {@code hashlib.scrypt} with {@code maxmem=0}, which
 * is OpenSSL's limit of 32 MiB, so a hash needing more memory, or with {@code p} over {@value #MAX_VERIFY_PARALLELISM},
 * is refused rather than allowed to exhaust the heap or hold a thread. Each hash takes {@code 128 * n * r} bytes of
 * heap for its duration (16 MiB at Django's defaults): run it on a {@link HashingPool}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScryptHasher implements PasswordHasher {
    /** The algorithm name, the part of an encoded password before the first {@code $}. */
    public static final String ALGORITHM = "scrypt";
    /** Django's {@code work_factor}. */
    public static final int DEFAULT_N = 1 << 14;
    /** Django's {@code block_size}. */
    public static final int DEFAULT_R = 8;
    /** Django's {@code parallelism} since 5.1 (1 before). */
    public static final int DEFAULT_P = 5;
    /** OpenSSL's memory limit when given none, which Django's {@code maxmem=0} selects. */
    static final long MAX_VERIFY_MEMORY_BYTES = 32L * 1024 * 1024;
    static final int MAX_VERIFY_PARALLELISM = 16;
    private static final int KEY_BYTES = 64;
    private static final int SALT_LENGTH = 22;

    private final int n;
    private final int r;
    private final int p;

    /** A hasher with Django's current defaults for new hashes: {@code n=16384, r=8, p=5}. */
    public ScryptHasher() {
        this(DEFAULT_N, DEFAULT_R, DEFAULT_P);
    }

    /**
     * @param n the cost for new hashes, a power of two above 1
     * @param r the block size for new hashes, positive
     * @param p the parallelism for new hashes, 1 to {@value #MAX_VERIFY_PARALLELISM}
     * @throws IllegalArgumentException if the parameters are out of range, or need more than 32 MiB
     */
    public ScryptHasher(int n, int r, int p) {
        if (!withinLimits(n, r, p)) {
            throw new IllegalArgumentException("scrypt parameters out of range: n=" + n + ", r=" + r + ", p=" + p);
        }
        this.n = n;
        this.r = r;
        this.p = p;
    }

    @Override
    public String encode(String password) {
        return encode(Objects.requireNonNull(password, "password"), RandomStrings.lettersAndDigits(SALT_LENGTH), n, r,
                p);
    }

    /** Django's {@code encode(password, salt, n, r, p)}, character for character. */
    static String encode(String password, String salt, int n, int r, int p) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        byte[] key = null;
        try {
            key = SCrypt.generate(utf8, salt.getBytes(StandardCharsets.UTF_8), n, r, p, KEY_BYTES);
            return ALGORITHM + "$" + n + "$" + salt + "$" + r + "$" + p + "$" + Base64.getEncoder().encodeToString(key);
        } finally {
            Arrays.fill(utf8, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    @Override
    public boolean verify(String password, String encoded) {
        Parsed parsed = Parsed.of(encoded);
        if (password == null || parsed == null || !withinLimits(parsed.n, parsed.r, parsed.p)) {
            return false;
        }
        String recomputed;
        try {
            recomputed = encode(password, parsed.salt, parsed.n, parsed.r, parsed.p);
        } catch (RuntimeException refused) {
            return false;
        }
        // As Django: re-encode with the stored salt and parameters and compare the whole strings, in constant time.
        return MessageDigest.isEqual(
                recomputed.getBytes(StandardCharsets.UTF_8), encoded.getBytes(StandardCharsets.UTF_8));
    }

    /** Django's {@code must_update}: another {@code n}, {@code r} or {@code p} than this hasher's. */
    @Override
    public boolean needsRehash(String encoded) {
        Parsed parsed = Parsed.of(encoded);
        return parsed == null || parsed.n != n || parsed.r != r || parsed.p != p;
    }

    /**
     * Whether scrypt takes these parameters and OpenSSL would run them within its 32 MiB default, by its reckoning:
     * {@code 128 * r * p} bytes of B plus {@code 128 * r * (n + 2)} of V.
     */
    private static boolean withinLimits(int n, int r, int p) {
        if (n < 2 || Integer.bitCount(n) != 1 || r < 1 || p < 1 || p > MAX_VERIFY_PARALLELISM) {
            return false;
        }
        // scrypt's own bound, n < 2^(16 r), binds only at r = 1 for an int n.
        if (r == 1 && n >= 1 << 16) {
            return false;
        }
        long bytes = 128L * r * p + 128L * r * (n + 2L);
        return bytes <= MAX_VERIFY_MEMORY_BYTES;
    }

    /** The parts of {@code scrypt$<n>$<salt>$<r>$<p>$<hash>}; the hash is checked by re-encoding. */
    private record Parsed(int n, String salt, int r, int p) {
        static Parsed of(String encoded) {
            if (encoded == null) {
                return null;
            }
            String[] parts = encoded.split("\\$", -1);
            if (parts.length != 6 || !parts[0].equals(ALGORITHM) || parts[2].isEmpty()) {
                return null;
            }
            int n = Decimal.positiveInt(parts[1]);
            int r = Decimal.positiveInt(parts[3]);
            int p = Decimal.positiveInt(parts[4]);
            return n < 1 || r < 1 || p < 1 ? null : new Parsed(n, parts[2], r, p);
        }
    }
}
