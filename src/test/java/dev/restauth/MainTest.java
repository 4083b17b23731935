package dev.restauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.account.Credentials;
import dev.restauth.config.SettingsLoader;
import dev.restauth.testing.TestServer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The command line: {@code migrate} and {@code createsuperuser} against an H2 file, as {@code make} runs them. */
class MainTest {
    @TempDir
    Path dir;
    Path config;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("restauth.properties");
        Files.writeString(config, "data_dir=" + dir + "\nsecret_key=" + TestServer.SECRET
                + "\nargon2_memory_kib=64\nargon2_iterations=1\n");
    }

    @Test
    void migrateAppliesTheMigrationsOnceAndSaysSo() throws Exception {
        assertEquals(0, run("", "migrate", "--config", config.toString()));
        assertTrue(out.toString().startsWith("Applied: [Migration[version=1, name=001-core.sql]"), out.toString());
        out.reset();
        assertEquals(0, run("", "migrate", "--config", config.toString()));
        assertEquals("No migrations to apply.\n", out.toString());
    }

    @Test
    void createsuperuserReadsThePasswordFromStdinAndTheUserCanLogIn() throws Exception {
        assertEquals(0, run("Tr0ub4dor&3x\n", "createsuperuser", "--config", config.toString(),
                "--username", "admin", "--email", "admin@example.com"));
        assertEquals("Superuser created successfully.\n", out.toString());
        try (RestAuth app = RestAuth.builder(SettingsLoader.load(config)).build()) {
            var user = app.useCases().login().run(new Credentials("admin@example.com", true, "Tr0ub4dor&3x"), "127.0.0.1")
                    .user();
            assertTrue(user.superuser() && user.staff() && user.active());
        }
    }

    @Test
    void createsuperuserRefusesAWeakPasswordWithTheValidatorsMessages() throws Exception {
        assertEquals(1, run("1234\n", "createsuperuser", "--config", config.toString(), "--username", "admin"));
        assertEquals("restauth: This password is too short. It must contain at least 8 characters.\n"
                + "restauth: This password is too common.\nrestauth: This password is entirely numeric.\n",
                err.toString());
    }

    @Test
    void createsuperuserRefusesATakenName() throws Exception {
        run("Tr0ub4dor&3x\n", "createsuperuser", "--config", config.toString(), "--username", "admin");
        err.reset();
        assertEquals(1, run("Tr0ub4dor&3x\n", "createsuperuser", "--config", config.toString(), "--username",
                "ADMIN"));
        assertEquals("restauth: A user with that username already exists.\n", err.toString());
    }

    @Test
    void mistakesOnTheCommandLineExitWithTwo() throws Exception {
        assertEquals(2, run("", "createsuperuser", "--config", config.toString()));
        assertEquals(2, run("", "frobnicate", "--config", config.toString()));
        assertEquals(2, run("", "serve", "--config"));
        assertEquals(2, run(""));
    }

    @Test
    void anUnknownSettingStopsTheCommandNamingIt() throws Exception {
        Files.writeString(config, "sesion_login=false\n");
        assertEquals(2, run("", "migrate", "--config", config.toString()));
        assertEquals("restauth: unknown setting 'sesion_login' (in " + config + ")\n", err.toString());
    }

    private int run(String stdin, String... args) throws Exception {
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
