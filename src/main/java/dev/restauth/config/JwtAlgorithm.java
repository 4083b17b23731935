package dev.restauth.config;

import java.util.Locale;

/**
 * The JWS algorithms JWT mode signs with (simplejwt's {@code ALGORITHM}): HMAC with the SHA-2 family, keyed with a
 * shared secret, or RSA, ECDSA and EdDSA, keyed with a private key whose public half resource servers may hold.
 */
public enum JwtAlgorithm {
    HS256(Family.HMAC, 32),
    HS384(Family.HMAC, 48),
    HS512(Family.HMAC, 64),
    RS256(Family.RSA, 0),
    RS384(Family.RSA, 0),
    RS512(Family.RSA, 0),
    ES256(Family.EC, 0),
    ES384(Family.EC, 0),
    ES512(Family.EC, 0),
    EDDSA(Family.EDDSA, 0);

    /** The kind of key an algorithm takes. */
    public enum Family {
        HMAC,
        RSA,
        EC,
        EDDSA
    }

    private final Family family;
    private final int minimumKeyBytes;

    JwtAlgorithm(Family family, int minimumKeyBytes) {
        this.family = family;
        this.minimumKeyBytes = minimumKeyBytes;
    }

    public Family family() {
        return family;
    }

    /** True for the algorithms keyed with a shared secret. */
    public boolean symmetric() {
        return family == Family.HMAC;
    }

    /** The shortest HMAC key the algorithm accepts (RFC 7518 §3.2: the hash's size); 0 for the others. */
    public int minimumKeyBytes() {
        return minimumKeyBytes;
    }

    /** The name in a JWS header: {@code HS256}, ..., {@code EdDSA}. */
    public String jwsName() {
        return this == EDDSA ? "EdDSA" : name();
    }

    /** Parses a setting's value, case-insensitively: {@code hs256}, {@code EdDSA}, ... */
    static JwtAlgorithm parse(String raw) {
        for (JwtAlgorithm algorithm : values()) {
            if (algorithm.name().equals(raw.toUpperCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("expected one of HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, "
                + "ES512, EdDSA");
    }
}
