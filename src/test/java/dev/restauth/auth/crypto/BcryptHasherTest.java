package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BcryptHasherTest {
    private static final String PASSWORD = "lètmein";
    /** 80 bytes: plain bcrypt reads the first 72 only. */
    private static final String LONG = "x".repeat(72) + "tail-end";

    // Produced by Django 3.2.25 with bcrypt 3.2.2 (src/test/django/hasher_vectors.py):
    // make_password('lètmein', b'$2b$12$abcdefghijklmnopqrstuu', 'bcrypt_sha256'), then 'bcrypt'.
    private static final String DJANGO_SHA256 =
            "bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuuVrQ4zCyEDfwKOXCre954in7jn/y/.ua";
    private static final String DJANGO_PLAIN = "bcrypt$$2b$12$abcdefghijklmnopqrstuupd4kvGe1RE7cUAJBlAgNLjj8dnLUqIu";
    // The same at cost 4, and with the $2a$ and $2y$ versions older libraries wrote.
    private static final String DJANGO_PLAIN_4 = "bcrypt$$2b$04$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtG";
    private static final String DJANGO_PLAIN_2Y = "bcrypt$$2y$04$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtG";
    private static final String DJANGO_SHA256_2A =
            "bcrypt_sha256$$2a$04$abcdefghijklmnopqrstuulyx/yrfLnuLCi6gwFG5mrkJjuQKpL6S";
    // make_password(LONG, b'$2b$04$abcdefghijklmnopqrstuu', ...) with 'bcrypt', then 'bcrypt_sha256'.
    private static final String DJANGO_PLAIN_LONG =
            "bcrypt$$2b$04$abcdefghijklmnopqrstuubzadhGtS2zEF.gu0yd0opP6cVzb.e0i";
    private static final String DJANGO_SHA256_LONG =
            "bcrypt_sha256$$2b$04$abcdefghijklmnopqrstuuBa5TCrM/YJuDdPmYhlHOV8xMk5UnO3O";

    private final BcryptHasher sha256 = BcryptHasher.sha256();
    private final BcryptHasher plain = BcryptHasher.plain();

    @Test
    void verifiesDjangosHashesAtItsDefaultCost() {
        assertTrue(sha256.verify(PASSWORD, DJANGO_SHA256));
        assertTrue(plain.verify(PASSWORD, DJANGO_PLAIN));
        assertFalse(sha256.verify("letmein", DJANGO_SHA256));
        assertFalse(plain.verify("letmein", DJANGO_PLAIN));
    }

    @Test
    void verifiesTheCostAndVersionTheHashNames() {
        assertTrue(plain.verify(PASSWORD, DJANGO_PLAIN_4));
        assertTrue(plain.verify(PASSWORD, DJANGO_PLAIN_2Y));
        assertTrue(sha256.verify(PASSWORD, DJANGO_SHA256_2A));
        assertFalse(plain.verify("letmein", DJANGO_PLAIN_2Y));
        assertFalse(sha256.verify("letmein", DJANGO_SHA256_2A));
    }

    @Test
    void plainBcryptReadsTheFirst72BytesAsDjangoDidAndBcryptSha256ReadsAll() {
        assertTrue(plain.verify(LONG, DJANGO_PLAIN_LONG));
        assertTrue(plain.verify("x".repeat(72) + "other", DJANGO_PLAIN_LONG));
        assertTrue(sha256.verify(LONG, DJANGO_SHA256_LONG));
        assertFalse(sha256.verify("x".repeat(72) + "other", DJANGO_SHA256_LONG));
    }

    @Test
    void eachVariantReadsOnlyItsOwnAlgorithm() {
        assertFalse(plain.verify(PASSWORD, DJANGO_SHA256));
        assertFalse(sha256.verify(PASSWORD, DJANGO_PLAIN));
        // The same bcrypt string under the other name: the pre-hash differs, so it must not verify.
        assertFalse(sha256.verify(PASSWORD, DJANGO_PLAIN.replace("bcrypt$", "bcrypt_sha256$")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "bcrypt",
        "bcrypt$",
        "bcrypt$$2b$04$",
        "bcrypt$$2b$04$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbt",
        "bcrypt$$2b$04$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtGG",
        "bcrypt$$2b$04$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbt=",
        "bcrypt$$2x$04$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtG",
        "bcrypt$$2$04$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtGG",
        "bcrypt$$2b$03$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtG",
        "bcrypt$$2b$4$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtGG",
        // Costs above the bound are refused before any hashing: cost 31 would take days.
        "bcrypt$$2b$17$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtG",
        "bcrypt$$2b$31$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtG",
        "bcrypt$2b$04$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtG",
        "!bcrypt$$2b$04$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtG",
        "bcrypt$$2b$04$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtH",
    })
    void verifyIsFalseForAnythingButABcryptHashOfThePassword(String encoded) {
        assertFalse(plain.verify(PASSWORD, encoded));
    }

    @Test
    void verifyIsFalseForANullPassword() {
        assertFalse(plain.verify(null, DJANGO_PLAIN_4));
    }

    @Test
    void encodesA2bHashAtItsCostThatVerifiesAndNeedsNoRehash() {
        BcryptHasher cheap = BcryptHasher.sha256(4);

        String encoded = cheap.encode(PASSWORD);

        assertTrue(encoded.matches("bcrypt_sha256\\$\\$2b\\$04\\$[./A-Za-z0-9]{53}"), encoded);
        assertTrue(cheap.verify(PASSWORD, encoded));
        assertFalse(cheap.verify("letmein", encoded));
        assertFalse(cheap.needsRehash(encoded));
        assertNotEquals(encoded, cheap.encode(PASSWORD));
        assertTrue(BcryptHasher.plain(4).encode(PASSWORD).startsWith("bcrypt$$2b$04$"));
    }

    @Test
    void needsRehashForAnotherCostAsDjangosMustUpdate() {
        assertFalse(plain.needsRehash(DJANGO_PLAIN));
        assertTrue(plain.needsRehash(DJANGO_PLAIN_4));
        assertTrue(plain.needsRehash(DJANGO_SHA256));
        assertTrue(plain.needsRehash(null));
    }

    @Test
    void refusesACostOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> BcryptHasher.plain(3));
        assertThrows(IllegalArgumentException.class, () -> BcryptHasher.sha256(BcryptHasher.MAX_VERIFY_COST + 1));
        assertThrows(NullPointerException.class, () -> plain.encode(null));
        assertEquals("bcrypt_sha256", sha256.algorithm());
    }
}
