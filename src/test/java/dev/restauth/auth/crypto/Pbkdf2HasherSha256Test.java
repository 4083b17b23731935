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

class Pbkdf2HasherSha256Test {
    // Produced by Django 3.2.25 (src/test/django/crypto_vectors.py):
    // make_password('lètmein', 'seasalt', 'pbkdf2_sha256') and make_password('', 'seasalt', 'pbkdf2_sha256').
    private static final String DJANGO = "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=";
    private static final String DJANGO_EMPTY = "pbkdf2_sha256$260000$seasalt$O2fWBq/Tb/xsu7DZ1jOnLmAmQVccDI4DuGtVaRvu24s=";

    private final Pbkdf2Hasher django = Pbkdf2Hasher.sha256();
    /** Cheap, for the tests where the iteration count does not matter. */
    private final Pbkdf2Hasher small = Pbkdf2Hasher.sha256(1000);

    @Test
    void encodesExactlyAsDjangoForTheSameSalt() {
        assertEquals(DJANGO, django.encode("lètmein", "seasalt"));
        assertEquals(DJANGO_EMPTY, django.encode("", "seasalt"));
    }

    @Test
    void verifiesDjangosHashes() {
        assertTrue(django.verify("lètmein", DJANGO));
        assertTrue(django.verify("", DJANGO_EMPTY));
        assertFalse(django.verify("letmein", DJANGO));
        assertFalse(django.verify("", DJANGO));
        assertFalse(django.verify(null, DJANGO));
    }

    @Test
    void verifiesWithTheStoredIterationsWhateverItsOwnAre() {
        assertTrue(small.verify("lètmein", DJANGO));
    }

    @Test
    void encodesWithA22CharacterSaltOfLettersAndDigitsAsDjangoDoes() {
        String encoded = small.encode("lètmein");

        assertTrue(encoded.matches("pbkdf2_sha256\\$1000\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{43}="), encoded);
        assertTrue(small.verify("lètmein", encoded));
        assertNotEquals(encoded, small.encode("lètmein"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "pbkdf2_sha256",
        "pbkdf2_sha256$260000$seasalt",
        "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo",
        "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=$",
        "pbkdf2_sha256$260000$$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
        "pbkdf2_sha256$0260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
        "pbkdf2_sha256$+260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
        "pbkdf2_sha256$ 260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
        "pbkdf2_sha256$0$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
        "pbkdf2_sha256$-1$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
        "pbkdf2_sha256$99999999999$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
        // More iterations than any configuration: refused rather than tying up a thread.
        "pbkdf2_sha256$2000000000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
        "pbkdf2_sha1$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
        "!pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
        "argon2$argon2id$v=19$m=1024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
    })
    void verifyIsFalseForAnythingButAPbkdf2Sha256HashOfThePassword(String encoded) {
        assertFalse(django.verify("lètmein", encoded));
    }

    @Test
    void verifyIsFalseWhenTheHashDiffersInOneCharacter() {
        assertFalse(django.verify("lètmein", DJANGO.replace("$YlZ2", "$YlZ3")));
    }

    @Test
    void needsNoRehashForItsOwnIterationsAndSaltLength() {
        assertFalse(small.needsRehash(small.encode("x")));
        assertFalse(django.needsRehash("pbkdf2_sha256$260000$abcdefghijklmnopqrstuv$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo="));
    }

    @Test
    void needsRehashForOtherIterationsAShortSaltOrAnUnparsableHashAsDjangosMustUpdate() {
        assertTrue(small.needsRehash(django.encode("x")));
        // 'seasalt' is 7 characters: under Django's 128 bits when counted as letters and digits.
        assertTrue(django.needsRehash(DJANGO));
        assertTrue(django.needsRehash("pbkdf2_sha256$260000$abcdefghijklmnopqrstuv"));
        assertTrue(django.needsRehash(null));
    }

    @Test
    void refusesANonPositiveIterationCount() {
        assertThrows(IllegalArgumentException.class, () -> Pbkdf2Hasher.sha256(0));
    }

    @Test
    void encodeRefusesANullPassword() {
        assertThrows(NullPointerException.class, () -> small.encode(null));
    }
}
