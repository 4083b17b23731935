package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DelegatingPasswordHasherTest {
    // Produced by Django 3.2.25 (src/test/django/crypto_vectors.py): make_password('lètmein', 'seasalt', 'pbkdf2_sha256').
    private static final String DJANGO_PBKDF2 = "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=";
    // Django's Argon2PasswordHasher with time_cost=1, memory_cost=1024, parallelism=1.
    private static final String DJANGO_ARGON2 =
            "argon2$argon2id$v=19$m=1024,t=1,p=1$c2Vhc2FsdHNlYXNhbHRzZWFzYWx0MQ$1Ho16qep4aWHgA88AMfpaA";
    // Django's make_password(None).
    private static final String DJANGO_UNUSABLE = "!26y7JKjFFtHt34KTgeU3qwU3OxW13CVXEP1e0sIk";

    /**
     * One hash of 'lètmein' in each form Django writes: the two above, then (src/test/django/hasher_vectors.py)
     * argon2i as Django 1.10 to 2.x wrote it, pbkdf2_sha1, bcrypt_sha256 ($2a$, cost 4), bcrypt (cost 4), scrypt
     * (n=1024), salted sha1 and md5.
     */
    private static final String[] DJANGO_FORMS = {
        DJANGO_PBKDF2,
        DJANGO_ARGON2,
        "argon2$argon2i$v=19$m=512,t=2,p=2$c2Vhc2FsdHNlYXNhbHRzZWFzYWx0MQ$NEl8GIeZ+wKTNa+I6u+YxA",
        "pbkdf2_sha1$260000$seasaltseasaltseasalt1$ZhXHt8ksTlBBRO8kxXRwnNv+aFo=",
        "bcrypt_sha256$$2a$04$abcdefghijklmnopqrstuulyx/yrfLnuLCi6gwFG5mrkJjuQKpL6S",
        "bcrypt$$2b$04$abcdefghijklmnopqrstuuanVo7Xut1CH8VGIGlz1JovQh9GJbbtG",
        "scrypt$1024$seasaltseasaltseasalt1$8$1$4Z94RlswCOaMinh6DsZdHrSpLD1+0t+YKkIDeX5rcxjbs5Gu1/qJwQPhn+3VSrG5Eihv4j9"
                + "AoamLc7ZYVMRFyQ==",
        "sha1$seasaltseasaltseasalt1$79682b6d2e168d4a43ddf6d4b5f8f958daf10a7f",
        "md5$seasaltseasaltseasalt1$d40497d3861888ac0ef97ad41b2127d7",
    };

    private final Argon2Hasher argon2 = new Argon2Hasher(1024, 1, 1);
    private final DelegatingPasswordHasher djangoCompatible = DelegatingPasswordHasher.djangoCompatible(argon2);
    private final DelegatingPasswordHasher hasher = new DelegatingPasswordHasher(argon2, Map.of(
            "argon2", argon2, "pbkdf2_sha256", Pbkdf2Hasher.sha256()));

    @Test
    void encodesWithThePreferredHasher() {
        String encoded = hasher.encode("lètmein");

        assertTrue(encoded.startsWith("argon2$argon2id$v=19$m=1024,t=1,p=1$"), encoded);
        assertTrue(hasher.verify("lètmein", encoded));
        assertEquals("argon2", hasher.preferredAlgorithm());
    }

    @Test
    void verifiesWithTheHasherTheEncodingNames() {
        assertTrue(hasher.verify("lètmein", DJANGO_PBKDF2));
        assertTrue(hasher.verify("lètmein", DJANGO_ARGON2));
        assertFalse(hasher.verify("letmein", DJANGO_PBKDF2));
        assertFalse(hasher.verify("letmein", DJANGO_ARGON2));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        " ",
        DJANGO_UNUSABLE,
        "!",
        "$argon2id$v=19$m=1024,t=1,p=1$c2Vhc2FsdHNlYXNhbHRzZWFzYWx0MQ$1Ho16qep4aWHgA88AMfpaA",
        "bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuu5bAxYJCGaGOsQ1t6yQ5ZErKX4O1G/Uy",
        "md5$seasalt$0a6b22d8a8f16d8b33cc0db19e21ebb0",
        "5f4dcc3b5aa765d61d8327deb882cf99",
        "pbkdf2_sha256",
    })
    void verifyIsFalseForNullBlankUnusableUnknownAndGarbledEncodings(String encoded) {
        assertFalse(hasher.verify("lètmein", encoded));
        assertTrue(hasher.needsRehash(encoded));
    }

    @Test
    void verifyIsFalseForANullPassword() {
        assertFalse(hasher.verify(null, DJANGO_PBKDF2));
    }

    @Test
    void spendsOnePreferredHashWhenThereIsNothingToVerifyAgainst() {
        CountingHasher counting = new CountingHasher();
        DelegatingPasswordHasher delegating = new DelegatingPasswordHasher(counting, Map.of("counting", counting));

        assertFalse(delegating.verify("pw", null));
        assertFalse(delegating.verify("pw", DJANGO_UNUSABLE));
        assertFalse(delegating.verify("pw", DJANGO_PBKDF2));
        assertFalse(delegating.verify(null, "counting$x"));
        assertEquals(4, counting.encodes.get());
        assertEquals(0, counting.verifies.get());

        assertTrue(delegating.verify("pw", "counting$pw"));
        assertEquals(4, counting.encodes.get());
        assertEquals(1, counting.verifies.get());
    }

    @Test
    void needsRehashWhenTheAlgorithmIsNotThePreferredOne() {
        assertTrue(hasher.needsRehash(DJANGO_PBKDF2));
    }

    @Test
    void needsRehashWhenThePreferredHasherSaysSo() {
        assertTrue(hasher.needsRehash(new Argon2Hasher(2048, 1, 1).encode("x")));
        assertFalse(hasher.needsRehash(hasher.encode("x")));
    }

    @Test
    void unusablePasswordsAreDjangosFormAndNeverVerify() {
        String unusable = DelegatingPasswordHasher.unusable();

        assertTrue(unusable.matches("![A-Za-z0-9]{40}"), unusable);
        assertNotEquals(unusable, DelegatingPasswordHasher.unusable());
        assertFalse(hasher.verify(unusable, unusable));
        assertFalse(hasher.verify(unusable.substring(1), unusable));
        assertFalse(hasher.verify("", unusable));
    }

    @Test
    void theStandardSetupPrefersArgon2AndStillReadsDjangosDefault() {
        DelegatingPasswordHasher standard = DelegatingPasswordHasher.standard();

        assertEquals("argon2", standard.preferredAlgorithm());
        assertTrue(standard.verify("lètmein", DJANGO_PBKDF2));
        assertTrue(standard.needsRehash(DJANGO_PBKDF2));
    }

    @Test
    void theDjangoCompatibleSetupVerifiesEveryFormDjangoWritesAndAsksToReplaceIt() {
        for (String encoded : DJANGO_FORMS) {
            assertTrue(djangoCompatible.verify("lètmein", encoded), encoded);
            assertFalse(djangoCompatible.verify("letmein", encoded), encoded);
            assertTrue(djangoCompatible.needsRehash(encoded), encoded);
        }
        assertEquals("argon2", djangoCompatible.preferredAlgorithm());
        assertFalse(djangoCompatible.needsRehash(djangoCompatible.encode("lètmein")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Django's UnsaltedMD5PasswordHasher (bare, and as md5$$) and UnsaltedSHA1PasswordHasher of 'lètmein'.
        "88a434c88cca4e900f7874cd98123f43",
        "md5$$88a434c88cca4e900f7874cd98123f43",
        "sha1$$6d138ca3ae545631b3abd71a4f076ce759c5700b",
        // Forms Django never wrote, or no longer reads by default.
        "crypt$$ab1iBjm8Je1gU",
        "argon2$argon2id$v=19$m=1024,t=1,p=1$c2Vhc2FsdHNlYXNhbHRzZWFzYWx0MQ",
        "scrypt$1024$seasaltseasaltseasalt1$8$1",
        "bcrypt$$2b$04$",
    })
    void theDjangoCompatibleSetupRefusesTheUnsaltedFormsAsDjangosDefaultHashersDo(String encoded) {
        assertFalse(djangoCompatible.verify("lètmein", encoded));
        assertTrue(djangoCompatible.needsRehash(encoded));
    }

    @Test
    void aWrongPasswordAgainstALegacyFormCostsOnePreferredHashMoreAndARightOneDoesNot() {
        CountingHasher counting = new CountingHasher();
        DelegatingPasswordHasher delegating = new DelegatingPasswordHasher(counting, Map.of(
                "counting", counting, "md5", SaltedDigestHasher.md5()));
        String md5 = "md5$seasaltseasaltseasalt1$d40497d3861888ac0ef97ad41b2127d7";

        assertFalse(delegating.verify("letmein", md5));
        assertEquals(1, counting.encodes.get());

        assertTrue(delegating.verify("lètmein", md5));
        assertEquals(1, counting.encodes.get());

        assertFalse(delegating.verify("pw", "counting$other"));
        assertEquals(1, counting.encodes.get(), "a wrong password against the preferred hasher costs that check only");
        assertEquals(1, counting.verifies.get());
    }

    @Test
    void refusesAPreferredHasherThatIsNotInTheMapExactlyOnce() {
        Pbkdf2Hasher pbkdf2 = Pbkdf2Hasher.sha256();

        assertThrows(IllegalArgumentException.class,
                () -> new DelegatingPasswordHasher(argon2, Map.of("pbkdf2_sha256", pbkdf2)));
        assertThrows(IllegalArgumentException.class,
                () -> new DelegatingPasswordHasher(argon2, Map.of("argon2", argon2, "argon2_alias", argon2)));
    }

    @Test
    void refusesAlgorithmNamesThatCannotBeAPrefix() {
        assertThrows(IllegalArgumentException.class,
                () -> new DelegatingPasswordHasher(argon2, Map.of("argon$2", argon2)));
        assertThrows(IllegalArgumentException.class,
                () -> new DelegatingPasswordHasher(argon2, Map.of("", argon2)));
    }

    /** Encodes as {@code counting$<password>}, and counts the calls. */
    private static final class CountingHasher implements PasswordHasher {
        final AtomicInteger encodes = new AtomicInteger();
        final AtomicInteger verifies = new AtomicInteger();

        @Override
        public String encode(String password) {
            encodes.incrementAndGet();
            return "counting$" + password;
        }

        @Override
        public boolean verify(String password, String encoded) {
            verifies.incrementAndGet();
            return encoded.equals("counting$" + password);
        }

        @Override
        public boolean needsRehash(String encoded) {
            return false;
        }
    }
}
