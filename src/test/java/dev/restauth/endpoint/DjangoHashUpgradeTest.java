package dev.restauth.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testing.TestServer;
import dev.restauth.user.User;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user table taken over from a Django project keeps working: a password hash Django made logs in, and is
 * replaced by restauth's argon2id hash on that login, after which the same password still logs in.
 */
class DjangoHashUpgradeTest {
    /** Made by Django 3.2.25: {@code make_password('lètmein', 'seasalt', 'pbkdf2_sha256')}. */
    private static final String DJANGO_HASH =
            "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=";
    private static final String PASSWORD = "lètmein";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDjangoHashLogsInAndIsUpgradedToArgon2() {
        User user = server.createUser("django", "django@example.com", "placeholder-Tr0ub4dor&3x");
        server.app().database().useTransaction(c -> c.users().updatePassword(user.id(), DJANGO_HASH));

        String key = Wire.login(server.http(), "django", PASSWORD);

        String stored = storedHash(user.id());
        assertTrue(stored.startsWith("argon2$argon2id$"), () -> "upgraded hash: " + stored);
        assertEquals(key, Wire.login(server.http(), "django", PASSWORD), "the upgraded hash logs in");
        assertEquals(stored, storedHash(user.id()), "an up-to-date hash is not rewritten");
    }

    @Test
    void aWrongPasswordDoesNotUpgradeTheDjangoHash() {
        User user = server.createUser("django2", "django2@example.com", "placeholder-Tr0ub4dor&3x");
        server.app().database().useTransaction(c -> c.users().updatePassword(user.id(), DJANGO_HASH));

        assertEquals(Wire.CANNOT_LOG_IN, server.http().post("/login/", Wire.credentials("django2", "letmein")).body());

        assertEquals(DJANGO_HASH, storedHash(user.id()));
    }

    private static String storedHash(long id) {
        return server.app().database().inTransaction(c -> c.users().findById(id)).orElseThrow().password();
    }
}
