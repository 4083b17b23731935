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

class ScryptHasherTest {
    private static final String PASSWORD = "lètmein";
    private static final String SALT = "seasaltseasaltseasalt1";

    // Django 4.0+'s ScryptPasswordHasher.encode('lètmein', 'seasaltseasaltseasalt1', n, r, p), computed with Python's
    // hashlib.scrypt exactly as Django calls it (src/test/django/hasher_vectors.py).
    // Django 4.0 to 5.0's defaults: n=16384, r=8, p=1.
    private static final String DJANGO_40 = "scrypt$16384$seasaltseasaltseasalt1$8$1$duWhLPCPoOaLhmsNiHA1K/dQQ7mfQsCxVUX99K67h"
            + "juGlU1H3lcPQi/+/B8TqRjQwudJjYbjPgkr5XjsK8tJqw==";
    // Django 5.1+'s defaults: n=16384, r=8, p=5.
    private static final String DJANGO_51 = "scrypt$16384$seasaltseasaltseasalt1$8$5$lg4jDIwtgAuOIa3TPkjeMNAxpY6UzMsL8zZkCyvkS"
            + "vGayuH7QQjfFnE65KZ+VncJEceL6PMtsDN1+n+nK0BkJQ==";
    // Cheap: n=1024, r=8, p=1; and the same for ''.
    private static final String SMALL = "scrypt$1024$seasaltseasaltseasalt1$8$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjb"
            + "s5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==";
    private static final String SMALL_EMPTY = "scrypt$1024$seasaltseasaltseasalt1$8$1$dU6LWq0ssLFxAmb8y9ZJ/GAoF1luHG9kRI8F6Kb"
            + "6x2k89FCYe08K9sNael9LnXEKYqp8N78bCvLalepsdgNLGw==";

    private final ScryptHasher django = new ScryptHasher();
    private final ScryptHasher cheap = new ScryptHasher(1024, 8, 1);

    @Test
    void encodesExactlyAsDjangoForTheSameSaltAndParameters() {
        assertEquals(SMALL, ScryptHasher.encode(PASSWORD, SALT, 1024, 8, 1));
        assertEquals(SMALL_EMPTY, ScryptHasher.encode("", SALT, 1024, 8, 1));
    }

    @Test
    void verifiesDjangosHashesWithTheParametersTheyName() {
        assertTrue(cheap.verify(PASSWORD, DJANGO_40));
        assertTrue(cheap.verify(PASSWORD, DJANGO_51));
        assertTrue(django.verify(PASSWORD, SMALL));
        assertTrue(django.verify("", SMALL_EMPTY));
    }

    @Test
    void refusesAWrongPassword() {
        assertFalse(cheap.verify("letmein", SMALL));
        assertFalse(cheap.verify("", SMALL));
        assertFalse(cheap.verify(PASSWORD, SMALL_EMPTY));
        assertFalse(cheap.verify(null, SMALL));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "scrypt",
        "scrypt$1024$seasaltseasaltseasalt1$8$1",
        "scrypt$1024$$8$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        "scrypt$1024$seasaltseasaltseasalt1$8$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ",
        "scrypt$1024$seasaltseasaltseasalt1$8$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==$",
        "scrypt$01024$seasaltseasaltseasalt1$8$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        "scrypt$1024$seasaltseasaltseasalt1$08$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        "scrypt$1024$seasaltseasaltseasalt1$8$+1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        // n not a power of two, or 1; r or p zero.
        "scrypt$1000$seasaltseasaltseasalt1$8$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        "scrypt$1$seasaltseasaltseasalt1$8$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        "scrypt$1024$seasaltseasaltseasalt1$0$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        "scrypt$1024$seasaltseasaltseasalt1$8$0$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        // More than the 32 MiB Django's hashlib call allows (n=32768, r=8), p over the bound, and r=1 with n=2^16:
        // all refused before any hashing.
        "scrypt$32768$seasaltseasaltseasalt1$8$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        "scrypt$1073741824$seasaltseasaltseasalt1$8$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        "scrypt$1024$seasaltseasaltseasalt1$8$17$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        "scrypt$65536$seasaltseasaltseasalt1$1$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        "!scrypt$1024$seasaltseasaltseasalt1$8$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
        "scrypt$1024$seasaltseasaltseasalt1$8$1$5Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9AoamLc7ZYVMRFyQ==",
    })
    void verifyIsFalseForAnythingButAnScryptHashOfThePassword(String encoded) {
        assertFalse(cheap.verify(PASSWORD, encoded));
    }

    @Test
    void encodesWithA22CharacterSaltAndItsParameters() {
        String encoded = cheap.encode(PASSWORD);

        assertTrue(encoded.matches("scrypt\\$1024\\$[A-Za-z0-9]{22}\\$8\\$1\\$[A-Za-z0-9+/]{86}=="), encoded);
        assertTrue(cheap.verify(PASSWORD, encoded));
        assertFalse(cheap.needsRehash(encoded));
        assertNotEquals(encoded, cheap.encode(PASSWORD));
    }

    @Test
    void needsRehashForOtherParametersAsDjangosMustUpdate() {
        assertFalse(django.needsRehash(DJANGO_51));
        assertTrue(django.needsRehash(DJANGO_40));
        assertTrue(django.needsRehash(SMALL));
        assertTrue(new ScryptHasher(16384, 4, 5).needsRehash(DJANGO_51));
        assertTrue(django.needsRehash("scrypt$16384"));
    }

    @Test
    void refusesParametersOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new ScryptHasher(1000, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScryptHasher(32768, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScryptHasher(1024, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScryptHasher(1024, 8, 17));
        assertThrows(NullPointerException.class, () -> cheap.encode(null));
    }
}
