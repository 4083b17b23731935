package dev.restauth.mail;

import dev.restauth.auth.crypto.AesGcm;
import dev.restauth.auth.crypto.BadSignatureException;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A mail body as the outbox stores it: sealed with AES-256-GCM under a key derived from the secret key, and bound to
 * its recipient, so the reset links and confirmation keys mail carries are never written to the database in the
 * clear (not even to pages a database file keeps after the row changed), and a sealed body moved to another
 * recipient's row does not open. Sealed bodies start with {@link #PREFIX}; a body without it was queued by a version
 * that stored bodies as they are, and is sent as it is. Thread-safe.
 */
final class SealedBody {
    /** Marks a sealed body; the rest is AES-GCM's base64url. */
    static final String PREFIX = "aesgcm:";

    private final byte[] key;

    /** @param key 32 bytes, derived from the secret key for this purpose only */
    SealedBody(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("the outbox key is 32 bytes");
        }
        this.key = key.clone();
    }

    String seal(String recipient, String body) {
        return PREFIX + AesGcm.seal(key, body.getBytes(StandardCharsets.UTF_8), associatedData(recipient));
    }

    /**
     * The body as queued.
     *
     * @throws BadSignatureException when it was sealed under another secret key, for another recipient, or changed
     */
    String open(String recipient, String stored) throws BadSignatureException {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        return new String(AesGcm.open(key, stored.substring(PREFIX.length()), associatedData(recipient)),
                StandardCharsets.UTF_8);
    }

    private static String associatedData(String recipient) {
        return "restauth.mail_outbox.body:" + recipient;
    }
}
