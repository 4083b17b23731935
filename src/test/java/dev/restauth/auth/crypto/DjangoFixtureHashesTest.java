package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.DjangoFixture;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every password hash of a real Django 3.2 site's user table (the SQLite database in src/test/resources/django/)
 * verifies with its user's password through the hasher restauth runs with, a wrong password does not, and each is
 * to be replaced by argon2id after the login.
 */
class DjangoFixtureHashesTest {
    /** What the default server runs, with cheap argon2 for the hashes it makes (the fixture's carry their own). */
    private final DelegatingPasswordHasher hasher = DelegatingPasswordHasher.djangoCompatible(new Argon2Hasher(1024, 1, 1));

    static List<DjangoFixture.User> usersWithPasswords() {
        return DjangoFixture.withPasswords();
    }

    @Test
    void theFixtureHoldsEveryHasherADjango32SiteMayHaveAndOneUnusablePassword() {
        List<DjangoFixture.User> users = DjangoFixture.users();

        Set<String> hashers = users.stream().filter(user -> user.hasher() != null)
                .map(DjangoFixture.User::hasher).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("argon2", "bcrypt", "bcrypt_sha256", "md5", "pbkdf2_sha1", "pbkdf2_sha256",
                "sha1")), hashers);
        for (DjangoFixture.User user : users) {
            String prefix = user.hasher() == null ? "!" : user.hasher() + "$";
            assertTrue(user.encoded().startsWith(prefix), () -> user + " is stored as another algorithm");
        }
        assertEquals(List.of("hana"), users.stream().filter(user -> user.password() == null)
                .map(DjangoFixture.User::username).toList());
    }

    @ParameterizedTest
    @MethodSource("usersWithPasswords")
    void eachDjangoHashVerifiesWithItsPassword(DjangoFixture.User user) {
        assertTrue(hasher.verify(user.password(), user.encoded()));
    }

    @ParameterizedTest
    @MethodSource("usersWithPasswords")
    void eachDjangoHashRefusesAWrongPassword(DjangoFixture.User user) {
        // One character short: every password in the fixture ends with '!'.
        String password = user.password();
        assertFalse(hasher.verify(password.substring(0, password.length() - 1), user.encoded()));
    }

    @ParameterizedTest
    @MethodSource("usersWithPasswords")
    void eachDjangoHashIsToBeReplacedByArgon2id(DjangoFixture.User user) {
        assertTrue(hasher.needsRehash(user.encoded()));

        String upgraded = hasher.encode(user.password());

        assertTrue(upgraded.startsWith("argon2$argon2id$v=19$m=1024,t=1,p=1$"), upgraded);
        assertTrue(hasher.verify(user.password(), upgraded));
        assertFalse(hasher.needsRehash(upgraded));
    }

    @Test
    void theUnusablePasswordNeverVerifies() {
        DjangoFixture.User hana = DjangoFixture.users().stream().filter(user -> user.password() == null)
                .findFirst().orElseThrow();

        assertTrue(hana.encoded().matches("![A-Za-z0-9]{40}"));
        assertFalse(hasher.verify(hana.encoded(), hana.encoded()));
        assertFalse(hasher.verify(hana.encoded().substring(1), hana.encoded()));
        assertFalse(hasher.verify("", hana.encoded()));
        assertTrue(hasher.needsRehash(hana.encoded()));
    }
}
