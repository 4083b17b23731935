package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Pbkdf2HasherSha1Test {
    // Produced by Django 3.2.25 (src/test/django/hasher_vectors.py):
    // make_password('lètmein', 'seasaltseasaltseasalt1', 'pbkdf2_sha1') and the same for ''.
    private static final String DJANGO = "pbkdf2_sha1$260000$seasaltseasaltseasalt1$ZhXHt8ksTlBBRO8kxXRwnNv+aFo=";
    private static final String DJANGO_EMPTY = "pbkdf2_sha1$260000$seasaltseasaltseasalt1$0EHYSOnWkISomIXwf8ktz5MU/wg=";

    private final Pbkdf2Hasher django = Pbkdf2Hasher.sha1();
    /** Cheap, for the tests where the iteration count does not matter. */
    private final Pbkdf2Hasher small = Pbkdf2Hasher.sha1(1000);

    @Test
    void encodesExactlyAsDjangoForTheSameSalt() {
        assertEquals(DJANGO, django.encode("lètmein", "seasaltseasaltseasalt1"));
        assertEquals(DJANGO_EMPTY, django.encode("", "seasaltseasaltseasalt1"));
    }

    @Test
    void verifiesDjangosHashesWithTheStoredIterations() {
        assertTrue(small.verify("lètmein", DJANGO));
        assertTrue(small.verify("", DJANGO_EMPTY));
        assertFalse(small.verify("letmein", DJANGO));
        assertFalse(small.verify("", DJANGO));
        assertFalse(small.verify(null, DJANGO));
    }

    @Test
    void encodesATwentyByteKeyWithA22CharacterSalt() {
        String encoded = small.encode("lètmein");

        assertTrue(encoded.matches("pbkdf2_sha1\\$1000\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{27}="), encoded);
        assertTrue(small.verify("lètmein", encoded));
        assertFalse(small.needsRehash(encoded));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "pbkdf2_sha1",
        "pbkdf2_sha1$260000$seasaltseasaltseasalt1",
        "pbkdf2_sha1$260000$$ZhXHt8ksTlBBRO8kxXRwnNv+aFo=",
        "pbkdf2_sha1$0260000$seasaltseasaltseasalt1$ZhXHt8ksTlBBRO8kxXRwnNv+aFo=",
        "pbkdf2_sha1$2000000000$seasaltseasaltseasalt1$ZhXHt8ksTlBBRO8kxXRwnNv+aFo=",
        "pbkdf2_sha1$260000$seasaltseasaltseasalt1$ZhXHt8ksTlBBRO8kxXRwnNv+aFo",
        "pbkdf2_sha256$260000$seasaltseasaltseasalt1$ZhXHt8ksTlBBRO8kxXRwnNv+aFo=",
        "!pbkdf2_sha1$260000$seasaltseasaltseasalt1$ZhXHt8ksTlBBRO8kxXRwnNv+aFo=",
    })
    void verifyIsFalseForAnythingButAPbkdf2Sha1HashOfThePassword(String encoded) {
        assertFalse(django.verify("lètmein", encoded));
    }

    @Test
    void needsRehashAsDjangosMustUpdate() {
        assertFalse(django.needsRehash(DJANGO));
        assertTrue(small.needsRehash(DJANGO));
        assertTrue(django.needsRehash("pbkdf2_sha1$260000$seasalt$ZhXHt8ksTlBBRO8kxXRwnNv+aFo="));
        assertTrue(django.needsRehash("pbkdf2_sha1$260000"));
    }

    @Test
    void refusesANonPositiveIterationCountAndANullPassword() {
        assertThrows(IllegalArgumentException.class, () -> Pbkdf2Hasher.sha1(0));
        assertThrows(NullPointerException.class, () -> small.encode(null));
    }
}
