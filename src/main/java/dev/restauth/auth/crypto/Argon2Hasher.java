package dev.restauth.auth.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Argon2id in Django's {@code Argon2PasswordHasher} form: {@code "argon2"} followed by the standard PHC string,
 * {@code argon2$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (salt and hash in base64 without padding).
 *
 * <p>New hashes use version 19, a 16-byte random salt and a 32-byte hash. {@link #verify} reads the parameters,
 * salt length, hash length and variety (argon2id, argon2i, argon2d) from the encoded string, so it accepts hashes
 * Django made too (Django 3.2 with argon2-cffi 21.1: {@code m=102400,t=2,p=8}, a 22-character ASCII salt and a
 * 16-byte hash). Hashing runs in libargon2 through argon2-jvm, which compares the hashes in constant time.
 *
 * <p>Each hash takes {@code memoryKiB} of native memory for its duration: bound the concurrency with a
 * {@link HashingPool}. Immutable and thread-safe.
 */
public final class Argon2Hasher implements PasswordHasher {
    /** The algorithm name, the part of an encoded password before the first {@code $}. */
    public static final String ALGORITHM = "argon2";
    /** 19 MiB, with t=2 and p=1 below: one of the argon2id settings OWASP recommends. */
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;

    static final int VERSION = 0x13;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    /** Verify refuses parameters far above any real configuration: a corrupt row must not take gigabytes or minutes. */
    static final int MAX_VERIFY_MEMORY_KIB = 1 << 20;
    static final int MAX_VERIFY_ITERATIONS = 100;
    static final int MAX_VERIFY_PARALLELISM = 255;

    private static final String ARGON2ID = "argon2id";

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final Argon2 argon2id = Argon2Factory.create(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    // Only for verifying old rows: argon2-jvm checks that the variety of the string matches the instance.
    private final Argon2 argon2i = Argon2Factory.create(Argon2Types.ARGON2i, SALT_BYTES, HASH_BYTES);
    private final Argon2 argon2d = Argon2Factory.create(Argon2Types.ARGON2d, SALT_BYTES, HASH_BYTES);

    /** A hasher with the defaults: {@code m=19456,t=2,p=1}. */
    public Argon2Hasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /**
     * @param memoryKiB   memory cost in KiB for new hashes; at least 8 per lane, as argon2 requires
     * @param iterations  time cost (passes) for new hashes; positive
     * @param parallelism lanes for new hashes; 1 to 255
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public Argon2Hasher(int memoryKiB, int iterations, int parallelism) {
        if (parallelism < 1 || parallelism > MAX_VERIFY_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1 to 255: " + parallelism);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        if (memoryKiB < 8 * parallelism) {
            throw new IllegalArgumentException("memory must be at least 8 KiB per lane: " + memoryKiB);
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    @Override
    public String encode(String password) {
        Objects.requireNonNull(password, "password");
        char[] chars = password.toCharArray();
        try {
            // UTF-8 as Django's password.encode(); argon2-jvm wipes its own byte copy.
            return ALGORITHM + argon2id.hash(iterations, memoryKiB, parallelism, chars, StandardCharsets.UTF_8);
        } finally {
            argon2id.wipeArray(chars);
        }
    }

    @Override
    public boolean verify(String password, String encoded) {
        if (password == null) {
            return false;
        }
        Phc phc = Phc.parse(encoded);
        if (phc == null || phc.memoryKiB > MAX_VERIFY_MEMORY_KIB || phc.iterations > MAX_VERIFY_ITERATIONS
                || phc.parallelism > MAX_VERIFY_PARALLELISM) {
            return false;
        }
        Argon2 argon2 = switch (phc.variety) {
            case ARGON2ID -> argon2id;
            case "argon2i" -> argon2i;
            default -> argon2d;
        };
        char[] chars = password.toCharArray();
        try {
            // libargon2 parses the PHC string itself and answers false for anything it cannot decode.
            return argon2.verify(encoded.substring(ALGORITHM.length()), chars, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return false;
        } finally {
            argon2.wipeArray(chars);
        }
    }

    @Override
    public boolean needsRehash(String encoded) {
        Phc phc = Phc.parse(encoded);
        return phc == null
                || !phc.variety.equals(ARGON2ID)
                || phc.version != VERSION
                || phc.memoryKiB != memoryKiB
                || phc.iterations != iterations
                || phc.parallelism != parallelism
                || phc.hashBytes != HASH_BYTES
                || phc.saltBytes < SALT_BYTES;
    }

    /** The fields of {@code argon2$<variety>[$v=<version>]$m=<m>,t=<t>,p=<p>$<salt>$<hash>}. */
    private record Phc(String variety, int version, int memoryKiB, int iterations, int parallelism,
                       int saltBytes, int hashBytes) {
        /** The fields, or null if {@code encoded} is not in that form (the version is 0x10 when absent). */
        static Phc parse(String encoded) {
            if (encoded == null || !encoded.startsWith(ALGORITHM + "$")) {
                return null;
            }
            String[] parts = encoded.substring(ALGORITHM.length() + 1).split("\\$", -1);
            // argon2-cffi still reads version-less (Argon2 1.0) strings; so does libargon2.
            if (parts.length == 4) {
                parts = new String[] {parts[0], "v=16", parts[1], parts[2], parts[3]};
            }
            if (parts.length != 5
                    || !(parts[0].equals(ARGON2ID) || parts[0].equals("argon2i") || parts[0].equals("argon2d"))
                    || !parts[1].startsWith("v=")) {
                return null;
            }
            int version = number(parts[1].substring(2));
            String[] costs = parts[2].split(",", -1);
            if (costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=")
                    || !costs[2].startsWith("p=")) {
                return null;
            }
            int memory = number(costs[0].substring(2));
            int time = number(costs[1].substring(2));
            int lanes = number(costs[2].substring(2));
            int saltBytes = decodedLength(parts[3]);
            int hashBytes = decodedLength(parts[4]);
            if (version < 0 || memory < 1 || time < 1 || lanes < 1 || saltBytes < 1 || hashBytes < 1) {
                return null;
            }
            return new Phc(parts[0], version, memory, time, lanes, saltBytes, hashBytes);
        }

        /** A decimal of up to 9 digits without sign or leading zero (libargon2 refuses those), else -1. */
        private static int number(String digits) {
            if (digits.isEmpty() || digits.length() > 9 || (digits.charAt(0) == '0' && digits.length() > 1)
                    || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            return Integer.parseInt(digits);
        }

        /** The byte length of unpadded standard base64, or -1 if it is not that. */
        private static int decodedLength(String b64) {
            if (b64.isEmpty() || b64.indexOf('=') >= 0) {
                return -1;
            }
            try {
                return Base64.getDecoder().decode(b64).length;
            } catch (IllegalArgumentException e) {
                return -1;
            }
        }
    }
}
