package dev.restauth.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Django's {@code SHA1PasswordHasher} and {@code MD5PasswordHasher}: {@code sha1$<salt>$<hex of SHA-1(salt +
 * password)>} and {@code md5$<salt>$<hex of MD5(salt + password)>}, the forms of sites that began before Django 1.4.
 * One fast digest is no protection against guessing: these exist only so such rows verify once and are replaced.
 *
 * <p>The salt must not be empty: Django reads {@code sha1$$<hash>} and {@code md5$$<hash>} with its unsalted
 * hashers, which are not in its default {@code PASSWORD_HASHERS} (and are gone since Django 5.1), so such rows do not
 * verify here either. Immutable and thread-safe.
 */
public final class SaltedDigestHasher implements PasswordHasher {
    /** Django's salt length since 3.1: 22 letters and digits. */
    static final int SALT_LENGTH = 22;

    private final String algorithm;
    private final String digest;

    private SaltedDigestHasher(String algorithm, String digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    /** {@code sha1$<salt>$<40 hex digits>}. */
    public static SaltedDigestHasher sha1() {
        return new SaltedDigestHasher("sha1", "SHA-1");
    }

    /** {@code md5$<salt>$<32 hex digits>}. */
    public static SaltedDigestHasher md5() {
        return new SaltedDigestHasher("md5", "MD5");
    }

    /** The algorithm name, the part of an encoded password before the first {@code $}. */
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String encode(String password) {
        return encode(Objects.requireNonNull(password, "password"), RandomStrings.lettersAndDigits(SALT_LENGTH));
    }

    /** Django's {@code encode(password, salt)}, character for character. */
    String encode(String password, String salt) {
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest((salt + password).getBytes(StandardCharsets.UTF_8));
            return algorithm + "$" + salt + "$" + HexFormat.of().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digest + " is required of every Java platform", e);
        }
    }

    @Override
    public boolean verify(String password, String encoded) {
        String salt = saltOf(encoded);
        if (password == null || salt == null) {
            return false;
        }
        // As Django: re-encode with the stored salt and compare the whole strings, in constant time.
        return MessageDigest.isEqual(encode(password, salt).getBytes(StandardCharsets.UTF_8),
                encoded.getBytes(StandardCharsets.UTF_8));
    }

    /** Django's {@code must_update}: only a salt of under 128 bits; a rehash into argon2 is the delegating hasher's. */
    @Override
    public boolean needsRehash(String encoded) {
        String salt = saltOf(encoded);
        return salt == null || salt.length() < SALT_LENGTH;
    }

    /** The salt of {@code <algorithm>$<salt>$<hash>}, or null if it is not that form or the salt is empty. */
    private String saltOf(String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.split("\\$", -1);
        return parts.length == 3 && parts[0].equals(algorithm) && !parts[1].isEmpty() ? parts[1] : null;
    }
}
