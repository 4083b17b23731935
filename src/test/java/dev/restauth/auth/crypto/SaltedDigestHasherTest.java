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

class SaltedDigestHasherTest {
    // Produced by Django 3.2.25 (src/test/django/hasher_vectors.py): make_password('lètmein', 'seasaltseasaltseasalt1',
    // 'sha1') and the same with 'md5'.
    private static final String DJANGO_SHA1 = "sha1$seasaltseasaltseasalt1$79682b6d2e168d4a43ddf6d4b5f8f958daf10a7f";
    private static final String DJANGO_MD5 = "md5$seasaltseasaltseasalt1$d40497d3861888ac0ef97ad41b2127d7";
    // Django's UnsaltedSHA1PasswordHasher and UnsaltedMD5PasswordHasher of 'lètmein' (the second also as md5$$).
    private static final String UNSALTED_SHA1 = "sha1$$6d138ca3ae545631b3abd71a4f076ce759c5700b";
    private static final String UNSALTED_MD5 = "88a434c88cca4e900f7874cd98123f43";

    private final SaltedDigestHasher sha1 = SaltedDigestHasher.sha1();
    private final SaltedDigestHasher md5 = SaltedDigestHasher.md5();

    @Test
    void encodesExactlyAsDjangoForTheSameSalt() {
        assertEquals(DJANGO_SHA1, sha1.encode("lètmein", "seasaltseasaltseasalt1"));
        assertEquals(DJANGO_MD5, md5.encode("lètmein", "seasaltseasaltseasalt1"));
        assertEquals("sha1", sha1.algorithm());
        assertEquals("md5", md5.algorithm());
    }

    @Test
    void verifiesDjangosHashesAndRefusesAWrongPassword() {
        assertTrue(sha1.verify("lètmein", DJANGO_SHA1));
        assertTrue(md5.verify("lètmein", DJANGO_MD5));
        assertFalse(sha1.verify("letmein", DJANGO_SHA1));
        assertFalse(md5.verify("letmein", DJANGO_MD5));
        assertFalse(sha1.verify("", DJANGO_SHA1));
        assertFalse(md5.verify(null, DJANGO_MD5));
    }

    @Test
    void theUnsaltedFormsDoNotVerifyAsDjangosDefaultHashersDoNotReadThem() {
        assertFalse(sha1.verify("lètmein", UNSALTED_SHA1));
        assertFalse(md5.verify("lètmein", "md5$$" + UNSALTED_MD5));
        assertFalse(md5.verify("lètmein", UNSALTED_MD5));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "sha1",
        "sha1$seasaltseasaltseasalt1",
        "sha1$seasaltseasaltseasalt1$79682b6d2e168d4a43ddf6d4b5f8f958daf10a7",
        "sha1$seasaltseasaltseasalt1$79682B6D2E168D4A43DDF6D4B5F8F958DAF10A7F",
        "sha1$seasaltseasaltseasalt1$79682b6d2e168d4a43ddf6d4b5f8f958daf10a7f$",
        "md5$seasaltseasaltseasalt1$d40497d3861888ac0ef97ad41b2127d7",
        "!sha1$seasaltseasaltseasalt1$79682b6d2e168d4a43ddf6d4b5f8f958daf10a7f",
    })
    void verifyIsFalseForAnythingButASaltedSha1OfThePassword(String encoded) {
        assertFalse(sha1.verify("lètmein", encoded));
    }

    @Test
    void encodesWithA22CharacterSaltAndVerifiesItsOwnHash() {
        String encoded = md5.encode("lètmein");

        assertTrue(encoded.matches("md5\\$[A-Za-z0-9]{22}\\$[0-9a-f]{32}"), encoded);
        assertTrue(md5.verify("lètmein", encoded));
        assertNotEquals(encoded, md5.encode("lètmein"));
        assertTrue(sha1.encode("x").matches("sha1\\$[A-Za-z0-9]{22}\\$[0-9a-f]{40}"));
    }

    @Test
    void needsRehashOnlyForAShortSaltOrAnUnreadableHashAsDjangosMustUpdate() {
        assertFalse(sha1.needsRehash(DJANGO_SHA1));
        assertTrue(sha1.needsRehash("sha1$seasalt$79682b6d2e168d4a43ddf6d4b5f8f958daf10a7f"));
        assertTrue(sha1.needsRehash(UNSALTED_SHA1));
        assertTrue(md5.needsRehash(DJANGO_SHA1));
    }

    @Test
    void encodeRefusesANullPassword() {
        assertThrows(NullPointerException.class, () -> md5.encode(null));
    }
}
