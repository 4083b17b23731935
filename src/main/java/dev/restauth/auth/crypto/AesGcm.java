package dev.restauth.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of small secrets at rest: AES-256-GCM with a random 96-bit nonce per seal and a 128-bit
 * tag, written as base64url of nonce, ciphertext and tag. The associated data binds a sealed value to where it
 * belongs (a user's row): copied elsewhere, it does not open. Thread-safe.
 */
public final class AesGcm {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private AesGcm() {
    }

    /** @param key 32 bytes */
    public static String seal(byte[] key, byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = run(Cipher.ENCRYPT_MODE, key, nonce, associatedData, plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return ENCODER.encodeToString(out);
    }

    /**
     * @throws BadSignatureException when the value was not sealed under this key and associated data, or was
     *                               changed since
     */
    public static byte[] open(byte[] key, String sealed, String associatedData) throws BadSignatureException {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new BadSignatureException("sealed value is not base64url");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new BadSignatureException("sealed value is too short");
        }
        try {
            return run(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES), associatedData,
                    Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length));
        } catch (AEADBadTagException e) {
            throw new BadSignatureException("sealed value does not open under this key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static byte[] run(int mode, byte[] key, byte[] nonce, String associatedData, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(input);
    }
}
