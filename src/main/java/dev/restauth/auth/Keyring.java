package dev.restauth.auth;

import dev.restauth.config.SecretKey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys derived from the secret key, one per purpose, so a value signed for one purpose never verifies for another,
 * plus the keyed hashes and random strings built from them. A purpose's key is derived once and kept, keyed into
 * a MAC that each hash copies, as every authenticated request hashes its token under the same one. Thread-safe.
 */
public final class Keyring {
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] secret;
    /** Per purpose, a MAC initialised with the purpose's key; each hash works on a copy (a MAC is not shared). */
    private final Map<String, Mac> purposeMacs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public Keyring(SecretKey secretKey) {
        this.secret = secretKey.bytes();
    }

    /** The raw secret key bytes, for the Django-compatible signers that derive their own keys from it. */
    public byte[] secret() {
        return secret.clone();
    }

    /** HMAC-SHA256 of {@code message} under the key derived for {@code purpose}, as 64 lowercase hex digits. */
    public String hash(String purpose, String message) {
        Mac prototype = purposeMacs.computeIfAbsent(purpose, name -> mac(hmac(secret, "restauth." + name)));
        return HEX.formatHex(copy(prototype).doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A 256-bit key derived from the secret key for one purpose (an encryption key, e.g. for TOTP secrets at rest),
     * never equal to the key of any other purpose nor to the MAC keys of {@link #hash}.
     */
    public byte[] key(String purpose) {
        return hmac(secret, "restauth.key." + purpose);
    }

    /** {@code length} random bytes. */
    public byte[] randomBytes(int length) {
        byte[] buffer = new byte[length];
        random.nextBytes(buffer);
        return buffer;
    }

    /** Compares two strings in time independent of where they differ. */
    public static boolean equal(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** A random string of {@code length} characters from [a-z0-9] (with {@code mixedCase}, [a-zA-Z0-9]). */
    public String randomString(int length, boolean mixedCase) {
        int alphabet = mixedCase ? ALPHANUMERIC.length() : 26;
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int index = random.nextInt(alphabet + 10);
            out.append(index < alphabet ? ALPHANUMERIC.charAt(index) : ALPHANUMERIC.charAt(52 + index - alphabet));
        }
        return out.toString();
    }

    /** A random string of {@code length} characters from {@code alphabet} (at most 256 characters long). */
    public String randomString(int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** {@code length} random bytes as lowercase hex. */
    public String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HEX.formatHex(buffer);
    }

    /** Hex HMAC-SHA256 of {@code message} under {@code key} itself (for protocols that define it so). */
    public static String hmacHex(String key, String message) {
        return HEX.formatHex(hmac(key.getBytes(StandardCharsets.UTF_8), message));
    }

    private static byte[] hmac(byte[] key, String message) {
        return mac(key).doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A fresh copy of an initialised MAC: far cheaper than looking the algorithm up and keying it again. */
    private static Mac copy(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider cannot copy a MAC", e);
        }
    }
}
