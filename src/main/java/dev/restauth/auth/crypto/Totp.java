package dev.restauth.auth.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 (over RFC 4226's HOTP): the code of a time step is the dynamically
 * truncated HMAC of the step's number, {@code digits} decimal digits long. Steps count {@code period} seconds from
 * the Unix epoch (T0 = 0). Immutable and thread-safe.
 */
public final class Totp {
    /** The HMAC an authenticator computes; SHA-1 is what authenticator apps implement and what restauth issues. */
    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }
    }

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final Algorithm algorithm;
    private final int digits;
    private final int period;

    /**
     * @param digits 6 to 8
     * @param period seconds per step
     */
    public Totp(Algorithm algorithm, int digits, int period) {
        if (digits < 6 || digits > 8 || period < 1) {
            throw new IllegalArgumentException("TOTP takes 6 to 8 digits and a period of at least one second");
        }
        this.algorithm = algorithm;
        this.digits = digits;
        this.period = period;
    }

    /** The time step an instant falls in. */
    public long step(Instant when) {
        return Math.floorDiv(when.getEpochSecond(), period);
    }

    /** The code of a time step, zero-padded to {@code digits}. */
    public String code(byte[] key, long step) {
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) (step >>> (8 * (7 - i)));
        }
        byte[] hash = hmac(key, counter);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step among {@code step - 1}, {@code step}, {@code step + 1} (one step of clock drift either way, as pyotp's
     * {@code valid_window=1}) whose code is {@code code} and which is later than {@code after}; every candidate is
     * compared, in constant time.
     *
     * @return the matching step, or -1 when none matches
     */
    public long match(byte[] key, String code, long step, long after) {
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long found = -1;
        for (long candidate = step - 1; candidate <= step + 1; candidate++) {
            boolean equal = MessageDigest.isEqual(given, code(key, candidate).getBytes(StandardCharsets.US_ASCII));
            if (equal && candidate > after && found < 0) {
                found = candidate;
            }
        }
        return found;
    }

    public int digits() {
        return digits;
    }

    public int period() {
        return period;
    }

    private byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.jca);
            mac.init(new SecretKeySpec(key, algorithm.jca));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jca + " is part of every Java runtime", e);
        }
    }
}
