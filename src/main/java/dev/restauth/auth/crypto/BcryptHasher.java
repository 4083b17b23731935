package dev.restauth.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Django's {@code BCryptSHA256PasswordHasher} and {@code BCryptPasswordHasher}: the algorithm name, then the 60
 * characters of a standard bcrypt string, {@code bcrypt_sha256$$2b$12$<22-char salt><31-char hash>}.
 *
 * <p>{@code bcrypt_sha256} hashes the hex digits of SHA-256(password) (64 bytes), so a long password counts to its
 * end; plain {@code bcrypt} hashes the UTF-8 password, of which bcrypt reads only the first 72 bytes, as Django with
 * the {@code bcrypt} library did. Versions {@code 2a}, {@code 2b} and {@code 2y} are read, as that library reads
 * them; costs up to {@value #MAX_VERIFY_COST}. bcrypt itself is Bouncy Castle's {@link OpenBSDBCrypt}, which also
 * compares in constant time.
 *
 * <p>Immutable and thread-safe.
 */
public final class BcryptHasher implements PasswordHasher {
    /** Django's {@code rounds}. */
    public static final int DEFAULT_COST = 12;
    /** Verify refuses costs above this (16 times Django's work): a corrupt row must not hold a thread for minutes. */
    static final int MAX_VERIFY_COST = 16;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String algorithm;
    private final boolean sha256First;
    private final int cost;

    private BcryptHasher(String algorithm, boolean sha256First, int cost) {
        if (cost < 4 || cost > MAX_VERIFY_COST) {
            throw new IllegalArgumentException("cost must be 4 to " + MAX_VERIFY_COST + ": " + cost);
        }
        this.algorithm = algorithm;
        this.sha256First = sha256First;
        this.cost = cost;
    }

    /** {@code bcrypt_sha256}, cost {@value #DEFAULT_COST} for new hashes. */
    public static BcryptHasher sha256() {
        return sha256(DEFAULT_COST);
    }

    /**
     * @param cost the log2 of the rounds for new hashes, 4 to {@value #MAX_VERIFY_COST}
     * @throws IllegalArgumentException if {@code cost} is out of range
     */
    public static BcryptHasher sha256(int cost) {
        return new BcryptHasher("bcrypt_sha256", true, cost);
    }

    /** Plain {@code bcrypt}, cost {@value #DEFAULT_COST} for new hashes. */
    public static BcryptHasher plain() {
        return plain(DEFAULT_COST);
    }

    /**
     * @param cost the log2 of the rounds for new hashes, 4 to {@value #MAX_VERIFY_COST}
     * @throws IllegalArgumentException if {@code cost} is out of range
     */
    public static BcryptHasher plain(int cost) {
        return new BcryptHasher("bcrypt", false, cost);
    }

    /** The algorithm name, the part of an encoded password before the first {@code $}. */
    public String algorithm() {
        return algorithm;
    }

    /** A fresh {@code 2b} hash with a random salt, as Django's {@code bcrypt.gensalt(rounds)} makes. */
    @Override
    public String encode(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] input = input(password);
        try {
            return algorithm + "$" + OpenBSDBCrypt.generate("2b", input, salt, cost);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    @Override
    public boolean verify(String password, String encoded) {
        String bcrypt = bcryptOf(encoded);
        if (password == null || bcrypt == null || costOf(bcrypt) > MAX_VERIFY_COST) {
            return false;
        }
        byte[] input = input(password);
        try {
            // Re-hashes with the stored version, cost and salt and compares all 60 characters in constant time.
            return OpenBSDBCrypt.checkPassword(bcrypt, input);
        } catch (RuntimeException unreadable) {
            return false;
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    /** Django's {@code must_update}: another cost than this hasher's. */
    @Override
    public boolean needsRehash(String encoded) {
        String bcrypt = bcryptOf(encoded);
        return bcrypt == null || costOf(bcrypt) != cost;
    }

    /** What bcrypt hashes: Django's {@code password.encode()}, or for bcrypt_sha256 the hex of its SHA-256. */
    private byte[] input(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        if (!sha256First) {
            return utf8;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8);
            // binascii.hexlify: lower-case hex digits, as ASCII bytes.
            return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** The bcrypt string after {@code <algorithm>$}, or null unless it is {@code $2a$}, {@code $2b$} or {@code $2y$}. */
    private String bcryptOf(String encoded) {
        if (encoded == null || !encoded.startsWith(algorithm + "$")) {
            return null;
        }
        String bcrypt = encoded.substring(algorithm.length() + 1);
        Matcher matcher = BCRYPT.matcher(bcrypt);
        if (!matcher.matches()) {
            return null;
        }
        int storedCost = Integer.parseInt(matcher.group(1));
        return storedCost < 4 ? null : bcrypt;
    }

    private static int costOf(String bcrypt) {
        return Integer.parseInt(bcrypt.substring(4, 6));
    }
}
