package dev.restauth.endpoint;

import static dev.restauth.endpoint.Wire.ALLOW_POST;
import static dev.restauth.endpoint.Wire.CANNOT_LOG_IN;
import static dev.restauth.endpoint.Wire.VARY_COOKIE;
import static dev.restauth.endpoint.Wire.assertAnswerWithoutCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.DjangoFixture;
import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user table taken over from a Django project keeps working: a password hash Django made, in any of the forms a
 * Django site may hold, logs in, and is replaced by restauth's argon2id hash on that login, after which the same
 * password still logs in; a wrong password is refused and leaves the row as it was.
 */
class DjangoHashUpgradeTest {
    /** Made by Django 3.2.25: {@code make_password('lètmein', 'seasalt', 'pbkdf2_sha256')}. */
    private static final String DJANGO_HASH =
            "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=";
    private static final String PASSWORD = "lètmein";
    /** What the test server's argon2 (m=64, t=1, p=1) writes. */
    private static final String UPGRADED_PREFIX = "argon2$argon2id$v=19$m=64,t=1,p=1$";
    private static final AtomicInteger USERNAMES = new AtomicInteger();

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * A stored hash and its password: every row with a usable password of a real Django 3.2 site's table
     * (src/test/resources/django/), one per hasher, and the forms that table lacks, made by Django's algorithm
     * (src/test/django/hasher_vectors.py): scrypt (Django 4.0+) and argon2i (Django 1.10 to 2.x).
     */
    record Row(String name, String encoded, String password) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Row> djangoRows() {
        List<Row> rows = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (DjangoFixture.User user : DjangoFixture.withPasswords()) {
            if (!seen.contains(user.hasher())) {
                seen.add(user.hasher());
                rows.add(new Row(user.hasher(), user.encoded(), user.password()));
            }
        }
        rows.add(new Row("scrypt", "scrypt$16384$seasaltseasaltseasalt1$8$5$lg4jDIwtgAuOIa3TPkjeMNAxpY6UzMsL8zZkCyvkS"
                + "vGayuH7QQjfFnE65KZ+VncJEceL6PMtsDN1+n+nK0BkJQ==", PASSWORD));
        rows.add(new Row("argon2i", "argon2$argon2i$v=19$m=512,t=2,p=2$c2Vhc2FsdHNlYXNhbHRzZWFzYWx0MQ$NEl8GIeZ+wKTNa+I6u"
                + "+YxA", PASSWORD));
        return rows;
    }

    @Test
    void theRowsCoverEveryFormADjangoSiteMayHold() {
        assertEquals(List.of("pbkdf2_sha256", "argon2", "pbkdf2_sha1", "bcrypt_sha256", "bcrypt", "sha1", "md5",
                "scrypt", "argon2i"), djangoRows().stream().map(Row::name).toList());
    }

    @ParameterizedTest
    @MethodSource("djangoRows")
    void eachDjangoFormLogsInOverHttpAndIsUpgradedToArgon2id(Row row) {
        User user = userWithHash(row.encoded());

        String key = Wire.login(server.http(), user.username(), row.password());

        String stored = storedHash(user.id());
        assertTrue(stored.startsWith(UPGRADED_PREFIX), () -> "upgraded hash: " + stored);
        assertEquals(key, Wire.login(server.http(), user.username(), row.password()), "the upgraded hash logs in");
        assertEquals(stored, storedHash(user.id()), "an up-to-date hash is not rewritten");
    }

    @ParameterizedTest
    @MethodSource("djangoRows")
    void eachDjangoFormRefusesAWrongPasswordAndStaysAsItWas(Row row) {
        User user = userWithHash(row.encoded());
        String wrong = row.password().substring(0, row.password().length() - 1);

        assertAnswerWithoutCookies(server.http().post("/login/", Wire.credentials(user.username(), wrong)), 400,
                CANNOT_LOG_IN, VARY_COOKIE, ALLOW_POST);

        assertEquals(row.encoded(), storedHash(user.id()));
    }

    @Test
    void aDjangoHashLogsInAndIsUpgradedToArgon2() {
        User user = userWithHash(DJANGO_HASH);

        String key = Wire.login(server.http(), user.username(), PASSWORD);

        String stored = storedHash(user.id());
        assertTrue(stored.startsWith(UPGRADED_PREFIX), () -> "upgraded hash: " + stored);
        assertEquals(key, Wire.login(server.http(), user.username(), PASSWORD), "the upgraded hash logs in");
        assertEquals(stored, storedHash(user.id()), "an up-to-date hash is not rewritten");
    }

    @Test
    void aWrongPasswordDoesNotUpgradeTheDjangoHash() {
        User user = userWithHash(DJANGO_HASH);

        assertEquals(CANNOT_LOG_IN, server.http().post("/login/", Wire.credentials(user.username(), "letmein")).body());

        assertEquals(DJANGO_HASH, storedHash(user.id()));
    }

    @Test
    void djangosUnusablePasswordNeverLogsIn() {
        DjangoFixture.User hana = DjangoFixture.users().stream().filter(u -> u.password() == null).findFirst()
                .orElseThrow();
        User user = userWithHash(hana.encoded());

        for (String attempt : List.of(hana.encoded(), hana.encoded().substring(1), "")) {
            assertEquals(400, server.http().post("/login/", Wire.credentials(user.username(), attempt)).status());
        }
        assertEquals(hana.encoded(), storedHash(user.id()));
    }

    /** A fresh active user whose password column is {@code encoded}, as the row of an imported table would be. */
    private static User userWithHash(String encoded) {
        int n = USERNAMES.incrementAndGet();
        User user = server.createUser("django" + n, "django" + n + "@example.com", "placeholder-Tr0ub4dor&3x");
        server.app().database().useTransaction(c -> c.users().updatePassword(user.id(), encoded));
        return user;
    }

    private static String storedHash(long id) {
        return server.app().database().inTransaction(c -> c.users().findById(id)).orElseThrow().password();
    }
}
