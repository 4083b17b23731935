package dev.restauth.auth.crypto;

import java.util.Locale;

/**
 * RFC 4648 base32 (the alphabet {@code A-Z2-7}) without padding, the encoding of TOTP secrets in authenticator apps
 * ({@code otpauth://} URIs). Decoding ignores letter case and refuses anything else. Thread-safe.
 */
public final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException for a character outside the alphabet */
    public static byte[] decode(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        byte[] out = new byte[upper.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < upper.length(); i++) {
            int value = ALPHABET.indexOf(upper.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not base32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
