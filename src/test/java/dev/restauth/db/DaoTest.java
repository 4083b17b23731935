package dev.restauth.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.user.SocialAccount;
import dev.restauth.testing.TestDatabase;
import dev.restauth.user.User;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Every DAO against a real H2, PostgreSQL and MariaDB, each in a fresh schema dropped afterwards. */
class DaoTest {
    private static final Instant JOINED = Instant.parse("2026-11-29T10:15:30.123456Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void migrationsApplyOnceAndRecordTheirVersion(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = Database.of(test.dataSource())) {
            List<Migrator.Migration> first = new Migrator(database, Clock.systemUTC()).migrate();
            assertEquals(Migrator.available(), first);
            assertEquals(List.of(), new Migrator(database, Clock.systemUTC()).migrate());
            List<Integer> versions = database.inTransaction(c -> Sql.list(c,
                    "SELECT version FROM restauth_schema_version ORDER BY version", row -> row.getInt(1)));
            assertEquals(first.stream().map(Migrator.Migration::version).toList(), versions);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void usersAreFoundByUsernameAndEmailInAnyLetterCase(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            User alice = database.inTransaction(c -> c.users().insert(newUser("Alice_ü", "Alice@Example.COM")));
            database.useTransaction(c -> c.emailAddresses().insert(alice.id(), "Alice@Example.COM", true,
                    true, true));
            database.useTransaction(c -> {
                UserDao users = c.users();
                assertEquals(alice, users.findById(alice.id()).orElseThrow());
                assertEquals(alice.id(), users.findByUsername("ALICE_Ü").orElseThrow().id());
                assertEquals(List.of(alice), users.findByEmail("alice@example.com"));
                assertTrue(users.usernameTaken("alice_ü", -1));
                assertFalse(users.usernameTaken("alice_ü", alice.id()));
                assertTrue(c.emailAddresses().isVerified(alice.id(), "Alice@Example.COM"));
                assertFalse(c.emailAddresses().isVerified(alice.id(), "alice@example.com"));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void timesRoundTripInUtcToTheMicrosecond(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            User user = database.inTransaction(c -> c.users().insert(newUser("timer", "")));
            Instant login = Instant.parse("2030-01-02T03:04:05.678901Z");
            database.useTransaction(c -> c.users().updateLastLogin(user.id(), login));
            User stored = database.inTransaction(c -> c.users().findById(user.id()).orElseThrow());
            assertEquals(JOINED, stored.dateJoined());
            assertEquals(login, stored.lastLogin());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aUsernameThatDiffersOnlyInCaseOrWidthIsADuplicateKey(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            database.useTransaction(c -> c.users().insert(newUser("bob", "bob@example.com")));
            assertThrows(DuplicateKeyException.class,
                    () -> database.useTransaction(c -> c.users().insert(newUser("BOB", "x@example.com"))));
            // NFKC folds the fullwidth letters into "bob".
            assertThrows(DuplicateKeyException.class,
                    () -> database.useTransaction(c -> c.users().insert(newUser("ｂｏｂ", "y@example.com"))));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aUniqueAddressCannotBelongToTwoUsersButANonUniqueOneCan(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            User one = database.inTransaction(c -> c.users().insert(newUser("one", "shared@example.com")));
            User two = database.inTransaction(c -> c.users().insert(newUser("two", "shared@example.com")));
            database.useTransaction(c -> c.emailAddresses().insert(one.id(), "shared@example.com", false, true,
                    true));
            assertThrows(DuplicateKeyException.class, () -> database.useTransaction(c ->
                    c.emailAddresses().insert(two.id(), "SHARED@example.com", false, true, true)));
            database.useTransaction(c -> c.emailAddresses().insert(two.id(), "SHARED@example.com", false, true,
                    false));
            assertEquals(List.of(one, two), database.inTransaction(c ->
                    c.users().findByEmail("shared@EXAMPLE.com")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTokenIsFoundByItsHashAndDeletedWithItsUser(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            User user = database.inTransaction(c -> c.users().insert(newUser("tok", "")));
            String hash = "a".repeat(64);
            database.useTransaction(c -> c.tokens().insert(new TokenDao.TokenRow(user.id(), hash,
                    "b".repeat(32), JOINED)));
            assertEquals(user, database.inTransaction(c -> c.tokens().findUserByKeyHash(hash)).orElseThrow());
            assertThrows(DuplicateKeyException.class, () -> database.useTransaction(c -> c.tokens().insert(
                    new TokenDao.TokenRow(user.id(), "c".repeat(64), "d".repeat(32), JOINED))));
            boolean deleted = database.inTransaction(c -> c.tokens().deleteByUser(user.id()));
            assertTrue(deleted);
            assertTrue(database.inTransaction(c -> c.tokens().findUserByKeyHash(hash)).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSessionIsLiveUntilItExpiresAndExpiredOnesAreSwept(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            User user = database.inTransaction(c -> c.users().insert(newUser("sess", "")));
            Instant now = JOINED;
            database.useTransaction(c -> {
                SessionDao sessions = c.sessions();
                sessions.insert("1".repeat(64), user.id(), "2".repeat(64), "3".repeat(64), now, now.plusSeconds(60));
                sessions.insert("4".repeat(64), user.id(), "2".repeat(64), "3".repeat(64), now, now.plusSeconds(1));
            });
            database.useTransaction(c -> {
                SessionDao sessions = c.sessions();
                assertEquals(user, sessions.findLive("1".repeat(64), now.plusSeconds(30)).orElseThrow().user());
                assertTrue(sessions.findLive("4".repeat(64), now.plusSeconds(30)).isEmpty());
                assertEquals(1, sessions.deleteExpired(now.plusSeconds(30)));
                assertEquals(1, sessions.deleteByUser(user.id()));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailedTransactionLeavesNothingBehind(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            assertThrows(DuplicateKeyException.class, () -> database.useTransaction(c -> {
                c.users().insert(newUser("first", ""));
                c.users().insert(newUser("FIRST", ""));
            }));
            assertTrue(database.inTransaction(c -> c.users().findByUsername("first")).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTranslatedErrorCarriesTheSqlButNoParameterValues(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            database.useTransaction(c -> c.users().insert(newUser("secretive", "")));
            DuplicateKeyException e = assertThrows(DuplicateKeyException.class, () ->
                    database.useTransaction(c -> c.users().insert(newUser("SECRETIVE", ""))));
            assertTrue(e.getMessage().contains("INSERT INTO restauth_user"), e.getMessage());
            assertFalse(e.getMessage().contains("SECRETIVE"), e.getMessage());
            assertFalse(e.getMessage().contains("argon2$"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void socialAccountsAreKeyedOnProviderAndExactUidAndLeaveWithTheirUser(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = migrated(test)) {
            User user = database.inTransaction(c -> c.users().insert(newUser("social", "")));
            SocialAccount account = database.inTransaction(c -> c.socialAccounts()
                    .insert(user.id(), "google", "Sub-1", JOINED, "{\"sub\":\"Sub-1\"}"));
            assertThrows(DuplicateKeyException.class, () -> database.useTransaction(c -> c.socialAccounts()
                    .insert(user.id(), "google", "Sub-1", JOINED, "{}")));
            database.useTransaction(c -> {
                SocialAccountDao accounts = c.socialAccounts();
                // OpenID Connect subjects are case-sensitive: another spelling is another account.
                accounts.insert(user.id(), "google", "sub-1", JOINED, "{}");
                accounts.insert(user.id(), "keycloak", "Sub-1", JOINED, "{}");
                assertEquals(account, accounts.find("google", "Sub-1").orElseThrow());
                assertEquals(3, accounts.findByUser(user.id()).size());
                accounts.touch(account.id(), JOINED.plusSeconds(60), "{\"sub\":\"Sub-1\",\"x\":1}");
                assertEquals(JOINED.plusSeconds(60), accounts.find("google", "Sub-1").orElseThrow().lastLogin());
                assertFalse(accounts.delete(account.id(), user.id() + 1));
                assertTrue(accounts.delete(account.id(), user.id()));
                assertTrue(accounts.find("google", "Sub-1").isEmpty());
            });
            database.useTransaction(c -> Sql.update(c, "DELETE FROM restauth_user WHERE id = ?", user.id()));
            assertEquals(List.of(), database.inTransaction(c -> c.socialAccounts().findByUser(user.id())));
        }
    }

    private static Database migrated(TestDatabase test) {
        Database database = Database.of(test.dataSource());
        new Migrator(database, Clock.systemUTC()).migrate();
        return database;
    }

    private static UserDao.NewUser newUser(String username, String email) {
        return new UserDao.NewUser(username, email, "argon2$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA", "", "", true,
                false, false, JOINED.truncatedTo(ChronoUnit.MICROS));
    }
}
