package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2HasherTest {
    private static final String PASSWORD = "lètmein";

    // Produced by Django 3.2.25 with argon2-cffi 21.1.0 (src/test/django/crypto_vectors.py):
    // make_password('lètmein', 'seasaltseasaltseasalt1', 'argon2'), Django's default parameters.
    private static final String DJANGO_DEFAULT_PARAMS =
            "argon2$argon2id$v=19$m=102400,t=2,p=8$c2Vhc2FsdHNlYXNhbHRzZWFzYWx0MQ$V4qMRPLz2R2/pJBqUjiV/Q";
    // make_password('lètmein', hasher='argon2'): Django's own random 22-character salt.
    private static final String DJANGO_RANDOM_SALT =
            "argon2$argon2id$v=19$m=102400,t=2,p=8$VzdYaFdUVkNZZGhUaVBLM0dMa3hKdg$UqR/xKdP8fphFEOSb/LEOw";
    // Django's Argon2PasswordHasher with time_cost=1, memory_cost=1024, parallelism=1, salt 'seasaltseasaltseasalt1'.
    private static final String DJANGO_SMALL =
            "argon2$argon2id$v=19$m=1024,t=1,p=1$c2Vhc2FsdHNlYXNhbHRzZWFzYWx0MQ$1Ho16qep4aWHgA88AMfpaA";
    // argon2-cffi 21.1.0 low_level.hash_secret(type=Type.I, t=1, m=1024, p=1, hash_len=32), as older Django wrote.
    private static final String DJANGO_SMALL_ARGON2I =
            "argon2$argon2i$v=19$m=1024,t=1,p=1$c2Vhc2FsdHNlYXNhbHRzZWFzYWx0MQ"
                    + "$qNzU6ZKLwT1gkNC3RKQeezTTuT6ruDsmPGQ85YtoizA";

    // argon2-cffi 21.1.0 (what Django calls) with restauth's parameters: 16-byte salt 'sixteen byte slt', 32-byte hash.
    private static final String CFFI_DEFAULTS =
            "argon2$argon2id$v=19$m=19456,t=2,p=1$c2l4dGVlbiBieXRlIHNsdA$+iUsl6ChyodwbOUcWDPBB86lz7I5A80Qf0TmWqhyK44";
    private static final String CFFI_SMALL =
            "argon2$argon2id$v=19$m=1024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08";

    /** Cheap parameters for the tests where the parameters do not matter. */
    private final Argon2Hasher small = new Argon2Hasher(1024, 1, 1);

    @Test
    void encodesWithTheDefaultParametersInDjangosFormAndVerifiesItsOwnHash() {
        Argon2Hasher hasher = new Argon2Hasher();

        String encoded = hasher.encode(PASSWORD);

        // 16-byte salt -> 22 base64 characters, 32-byte hash -> 43, no padding.
        assertTrue(encoded.matches("argon2\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
                encoded);
        assertTrue(hasher.verify(PASSWORD, encoded));
        assertFalse(hasher.verify("letmein", encoded));
        assertFalse(hasher.needsRehash(encoded));
    }

    @Test
    void usesAFreshSaltForEveryHash() {
        assertNotEquals(small.encode(PASSWORD), small.encode(PASSWORD));
    }

    @Test
    void verifiesHashesDjangoMadeWithItsDefaultParameters() {
        Argon2Hasher hasher = new Argon2Hasher();

        assertTrue(hasher.verify(PASSWORD, DJANGO_DEFAULT_PARAMS));
        assertTrue(hasher.verify(PASSWORD, DJANGO_RANDOM_SALT));
    }

    @Test
    void verifiesDjangoHashesOfOtherParametersAndTheArgon2iVariety() {
        assertTrue(small.verify(PASSWORD, DJANGO_SMALL));
        assertTrue(small.verify(PASSWORD, DJANGO_SMALL_ARGON2I));
        assertFalse(small.verify("letmein", DJANGO_SMALL));
        assertFalse(small.verify("letmein", DJANGO_SMALL_ARGON2I));
    }

    @Test
    void verifiesHashesOfItsOwnParametersMadeByTheLibraryDjangoUses() {
        assertTrue(new Argon2Hasher().verify(PASSWORD, CFFI_DEFAULTS));
        assertTrue(small.verify(PASSWORD, CFFI_SMALL));
        // The password's 'è' as UTF-8 bytes read as Latin-1: the hash is of the UTF-8 bytes, as in Django.
        assertFalse(small.verify("l\u00c3\u00a8tmein", CFFI_SMALL));
    }

    @Test
    void verifiesTheEmptyPassword() {
        String encoded = small.encode("");

        assertTrue(small.verify("", encoded));
        assertFalse(small.verify(" ", encoded));
    }

    @Test
    void verifyIsFalseForANullPassword() {
        assertFalse(small.verify(null, DJANGO_SMALL));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "argon2",
        "argon2$",
        "!argon2$argon2id$v=19$m=1024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "$argon2id$v=19$m=1024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2x$v=19$m=1024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2id$v=19$m=1024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN0",
        "argon2$argon2id$v=19$m=1024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$",
        "argon2$argon2id$v=19$m=1024,t=1,p=1$$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2id$v=19$m=1024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA==$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2id$v=19$m=1024,t=1,p=1$c2l4dGVlbiB!eXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2id$v=19$m=01024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2id$v=19$m=1024,t=-1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2id$v=19$m=1024,t=0,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2id$v=19$t=1,m=1024,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2id$v=19$m=1024,t=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2id$v=19$m=1024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08$",
        "argon2$argon2id$v=19$m=1024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08é",
        "argon2$argon2id$v=1a$m=1024,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        // Far beyond any configuration: refused before any memory or time is spent.
        "argon2$argon2id$v=19$m=4194304,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2id$v=19$m=1024,t=100000,p=1$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "argon2$argon2id$v=19$m=1024,t=1,p=4096$c2l4dGVlbiBieXRlIHNsdA$j5ZmLxPNCKsWkYKguY5xOSsLwAzU9LF20V1ezifyN08",
        "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
    })
    void verifyIsFalseAndNeedsRehashTrueForAnythingThatIsNotAValidArgon2Hash(String encoded) {
        assertFalse(small.verify(PASSWORD, encoded));
        assertTrue(small.needsRehash(encoded));
    }

    @Test
    void verifyIsFalseForAWellFormedHashOfAnotherPassword() {
        // The first hash character changed: still 32 bytes, so only the comparison can refuse it.
        String tampered = CFFI_SMALL.replace("$j5Zm", "$k5Zm");

        assertFalse(small.verify(PASSWORD, tampered));
        assertFalse(small.needsRehash(tampered));
    }

    @Test
    void needsNoRehashForItsOwnParameters() {
        assertFalse(small.needsRehash(small.encode(PASSWORD)));
        assertFalse(small.needsRehash(CFFI_SMALL));
        assertFalse(new Argon2Hasher().needsRehash(CFFI_DEFAULTS));
    }

    @Test
    void needsRehashWhenAnyParameterDiffers() {
        assertTrue(new Argon2Hasher(2048, 1, 1).needsRehash(CFFI_SMALL));
        assertTrue(new Argon2Hasher(1024, 2, 1).needsRehash(CFFI_SMALL));
        assertTrue(new Argon2Hasher(1024, 1, 2).needsRehash(CFFI_SMALL));
        assertTrue(new Argon2Hasher().needsRehash(DJANGO_DEFAULT_PARAMS));
    }

    @Test
    void needsRehashForAnotherVarietyOrHashLength() {
        // Same m, t and p as the hasher, but argon2i, or Django's 16-byte hash.
        assertTrue(small.needsRehash(DJANGO_SMALL_ARGON2I));
        assertTrue(small.needsRehash(DJANGO_SMALL));
    }

    @Test
    void needsRehashForAnOlderArgon2Version() {
        assertTrue(small.needsRehash(CFFI_SMALL.replace("$v=19$", "$v=16$")));
        assertTrue(small.needsRehash(CFFI_SMALL.replace("$v=19$", "$")));
    }

    @Test
    void refusesParametersArgon2CannotUse() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2Hasher(1024, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Hasher(1024, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Hasher(1024, 1, 256));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Hasher(15, 1, 2));
    }

    @Test
    void encodeRefusesANullPassword() {
        assertThrows(NullPointerException.class, () -> small.encode(null));
    }

    @Test
    void oneInstanceHashesAndVerifiesFromManyThreads() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String password = "password-" + i;
                results.add(threads.submit(() -> small.verify(password, small.encode(password))
                        && !small.verify(password + "x", small.encode(password))));
            }
            for (Future<Boolean> result : results) {
                assertEquals(Boolean.TRUE, result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
