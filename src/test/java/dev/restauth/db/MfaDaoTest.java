package dev.restauth.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.TestDatabase;
import dev.restauth.user.User;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The second-factor tables' rules, kept by the database itself, on H2, PostgreSQL and MariaDB. */
class MfaDaoTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String HASH = "a".repeat(64);

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void aCredentialIdBelongsToOneUserOnly(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            long alice = user(database, "alice");
            long bob = user(database, "bob");
            database.useTransaction(tx -> tx.passkeys().insert(alice, "Key", "AQID", HASH, "data", 1, "[]", true,
                    NOW));
            assertThrows(DuplicateKeyException.class, () -> database.useTransaction(tx -> tx.passkeys().insert(bob,
                    "Key", "AQID", HASH, "data", 1, "[]", true, NOW)));
            assertEquals(1, database.read(tx -> tx.passkeys().findByUser(alice)).size());
            assertEquals(List.of(), database.read(tx -> tx.passkeys().findByUser(bob)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void countersStepsAndCodesOnlyMoveForward(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            long alice = user(database, "alice");
            long id = database.inTransaction(tx -> tx.passkeys().insert(alice, "Key", "AQID", HASH, "data", 5, "[]",
                    true, NOW)).id();
            assertFalse(done(database, tx -> tx.passkeys().recordUse(id, 5, NOW)));
            assertTrue(done(database, tx -> tx.passkeys().recordUse(id, 6, NOW)));
            assertTrue(done(database, tx -> tx.passkeys().recordUse(id, 0, NOW)), "no counter: always 0");

            database.useTransaction(tx -> tx.totp().insert(alice, "sealed", 100, NOW));
            assertFalse(done(database, tx -> tx.totp().acceptStep(alice, 100, NOW)));
            assertTrue(done(database, tx -> tx.totp().acceptStep(alice, 101, NOW)));
            assertFalse(done(database, tx -> tx.totp().acceptStep(alice, 100, NOW)));

            database.useTransaction(tx -> tx.recoveryCodes().insertAll(alice, List.of(HASH), NOW));
            assertTrue(done(database, tx -> tx.recoveryCodes().spend(alice, HASH, NOW)));
            assertFalse(done(database, tx -> tx.recoveryCodes().spend(alice, HASH, NOW)));
            assertEquals(NOW, database.read(tx -> tx.recoveryCodes().lastUsed(alice)).orElseThrow());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void challengesAreSingleUseAndSweptOnceExpired(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            long alice = user(database, "alice");
            database.useTransaction(tx -> tx.mfaChallenges().insert(HASH, "mfa_login", alice, null,
                    NOW.plusSeconds(300)));
            database.useTransaction(tx -> tx.mfaChallenges().insert("b".repeat(64), "passkey_login", null, "c",
                    NOW.plusSeconds(10)));
            assertTrue(database.read(tx -> tx.mfaChallenges().find(HASH, "passkey_login", NOW)).isEmpty(),
                    "a purpose sees only its own challenges");
            assertEquals(1, (int) database.<Integer>inTransaction(tx -> tx.mfaChallenges().deleteExpired(NOW.plusSeconds(10))));
            assertTrue(done(database, tx -> tx.mfaChallenges().delete(HASH, "mfa_login")));
            assertFalse(done(database, tx -> tx.mfaChallenges().delete(HASH, "mfa_login")));
        }
    }

    /** What a conditional write says it did. */
    private static boolean done(Database database, Database.Work<Boolean> work) {
        return database.inTransaction(work);
    }

    private static long user(Database database, String name) {
        User user = database.inTransaction(tx -> tx.users().insert(new UserDao.NewUser(name, name + "@example.com",
                "!", "", "", true, false, false, NOW)));
        return user.id();
    }

    private static Database migrated(TestDatabase test) {
        Database database = Database.of(test.dataSource());
        new Migrator(database, Clock.systemUTC()).migrate();
        return database;
    }
}
