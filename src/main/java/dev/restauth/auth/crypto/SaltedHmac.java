package dev.restauth.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Django's {@code salted_hmac(key_salt, value, secret, algorithm='sha256')}: HMAC-SHA256 keyed with
 * SHA256(key_salt + secret). The derived key is computed once; instances are immutable and thread-safe.
 */
final class SaltedHmac {
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param keySalt the namespace, UTF-8 encoded as Django's {@code force_bytes} does
     * @param secret  the secret key bytes; not kept (only the derived key is)
     */
    SaltedHmac(String keySalt, byte[] secret) {
        MessageDigest sha256 = sha256();
        sha256.update(keySalt.getBytes(StandardCharsets.UTF_8));
        sha256.update(secret);
        byte[] derived = sha256.digest();
        this.key = new SecretKeySpec(derived, HMAC);
        Arrays.fill(derived, (byte) 0);
    }

    /** The HMAC of the UTF-8 bytes of {@code value}. */
    byte[] digest(String value) {
        try {
            // A Mac per call: Mac instances are not thread-safe, and creating one costs far less than a request.
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
