package dev.restauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.account.Credentials;
import dev.restauth.auth.Client;
import dev.restauth.config.Settings;
import dev.restauth.config.SettingsLoader;
import dev.restauth.testing.Http;
import dev.restauth.testing.TestServer;

import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command line as {@code make} runs it, against an H2 file: {@code migrate}, {@code createsuperuser}, {@code serve}
 * and its options, the help, and the one-line errors that stop a command.
 */
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
            var user = app.useCases().login()
                    .run(new Credentials("admin@example.com", true, "Tr0ub4dor&3x"), Client.at("127.0.0.1"), null)
                    .user();
            assertTrue(user.superuser() && user.staff() && user.active());
        }
    }

    @Test
    void auditPrintsTheSecurityLogOfOneUserOrAllSinceAGivenTime() throws Exception {
        run("Tr0ub4dor&3x\n", "createsuperuser", "--config", config.toString(), "--username", "admin", "--email",
                "admin@example.com");
        try (RestAuth app = RestAuth.builder(SettingsLoader.load(config)).backgroundWork(false).build()) {
            app.useCases().login().run(new Credentials("admin", false, "Tr0ub4dor&3x"),
                    new Client("203.0.113.7", "curl/8.5"), null);
        }
        out.reset();
        assertEquals(0, run("", "audit", "--config", config.toString(), "--user", "ADMIN"));
        assertTrue(out.toString().matches("[0-9TZ:.-]+\tadmin\tlogin\tok\t203\\.0\\.113\\.7\tpassword\tcurl/8\\.5\n"),
                out.toString());
        out.reset();
        assertEquals(0, run("", "audit", "--config", config.toString(), "--since", "1d"));
        assertEquals(1, out.toString().lines().count(), out.toString());
        out.reset();
        assertEquals(0, run("", "audit", "--config", config.toString(), "--since", "2999-01-01"));
        assertEquals("", out.toString());

        assertEquals(1, run("", "audit", "--config", config.toString(), "--user", "nobody"));
        assertEquals("restauth: audit: No user is named \"nobody\".\n", err.toString());
        err.reset();
        assertEquals(2, run("", "audit", "--config", config.toString(), "--since", "yesterday"));
        assertEquals("restauth: audit: option '--since' expected a date (2026-03-01), a time "
                + "(2026-03-01T12:00:00Z) or an age (7d, 12h, 30m), not 'yesterday'\n", err.toString());
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
        assertEquals("restauth: createsuperuser: option '--username' is required: --username NAME\n", err.toString());
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

    @Test
    void helpListsTheCommandsAndEachCommandsHelpItsOptions() throws Exception {
        assertEquals(0, run("", "--help"));
        assertEquals(Main.usage(), out.toString());
        for (String command : List.of("serve", "migrate", "createsuperuser", "audit")) {
            assertTrue(out.toString().contains("\n  " + command + " "), command + " is not listed:\n" + out);
        }
        out.reset();
        assertEquals(0, run("", "serve", "--help"));
        assertEquals("usage: restauth serve [--config FILE] [--host ADDRESS] [--port PORT]\n"
                + "\n"
                + "Serves the API under mount_prefix and, when the setting demo is on (dev mode), the demo page\n"
                + "at /. Runs until Ctrl-C or SIGTERM, then finishes the requests in flight and closes.\n"
                + "\n"
                + "options:\n"
                + "  --config FILE      settings file (default: the file named by RESTAUTH_CONFIG, else none)\n"
                + "  --host ADDRESS     address to listen on (setting host, default 127.0.0.1)\n"
                + "  --port PORT        port to listen on, 0 for any free one (setting port, default 8000)\n"
                + "  --help             show this help\n", out.toString());
        String serveHelp = out.toString();
        out.reset();
        assertEquals(0, run("", "help", "serve"));
        assertEquals(serveHelp, out.toString());
        out.reset();
        assertEquals(0, run("", "createsuperuser", "--config", config.toString(), "--help"));
        assertTrue(out.toString().startsWith("usage: restauth createsuperuser [--config FILE] --username NAME "
                + "[--email ADDRESS]\n"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void anUnknownOptionStopsTheCommandNamingIt() throws Exception {
        assertEquals(2, run("", "serve", "--prot", "18302"));
        assertEquals("restauth: serve: unknown option '--prot' (restauth serve --help lists the options)\n",
                err.toString());
        err.reset();
        assertEquals(2, run("", "migrate", "--port", "18302"));
        assertEquals("restauth: migrate: unknown option '--port' (restauth migrate --help lists the options)\n",
                err.toString());
        err.reset();
        assertEquals(2, run("", "serve", "--port"));
        assertEquals("restauth: serve: option '--port' needs a value: --port PORT\n", err.toString());
        err.reset();
        assertEquals(2, run("", "serve", "8000"));
        assertEquals("restauth: serve: unexpected argument '8000' (options are written --name VALUE; restauth serve "
                + "--help lists them)\n", err.toString());
        err.reset();
        assertEquals(2, run("", "frobnicate"));
        assertEquals("restauth: unknown command 'frobnicate' (restauth --help lists the commands)\n", err.toString());
    }

    @Test
    void serveOptionsWinOverTheSettingsFile() throws Exception {
        Files.writeString(config, "port=9000\nhost=127.0.0.1\n", java.nio.file.StandardOpenOption.APPEND);
        Settings settings = Main.parse(new String[] {"serve", "--config", config.toString(), "--port", "18302",
                "--host=0.0.0.0"}).settings();
        assertEquals(18302, settings.get(Settings.PORT));
        assertEquals("0.0.0.0", settings.get(Settings.HOST));
        assertEquals(9000, Main.parse(new String[] {"serve", "--config", config.toString()}).settings()
                .get(Settings.PORT));

        assertEquals(2, run("", "serve", "--config", config.toString(), "--port", "eighty"));
        assertEquals("restauth: setting 'port': 'eighty' is not valid: expected a whole number (option --port)\n",
                err.toString());
    }

    @Test
    void serveListensWhereItsOptionsSayAndPrintsTheApiAndTheDemoPage() throws Exception {
        Settings settings = Main.parse(new String[] {"serve", "--config", config.toString(), "--port", "0"})
                .settings();
        Server server = Main.start(settings, new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int port = RestAuthServer.port(server);
            assertEquals("restauth serving http://127.0.0.1:" + port + "/rest-auth/ (database jdbc:h2:file:"
                    + dir.resolve("restauth") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0)\n"
                    + "API documentation: http://127.0.0.1:" + port + "/rest-auth/docs/\n"
                    + "demo page: http://127.0.0.1:" + port + "/\n", out.toString());
            Http root = new Http("http://127.0.0.1:" + port);
            assertEquals("{\"detail\":\"Authentication credentials were not provided.\"}",
                    root.get("/rest-auth/user/").body());
            assertEquals(200, root.get("/").status());
            assertEquals("{\"mails\":[]}", root.get("/demo/mail").body());
        } finally {
            server.stop();
        }
    }

    @Test
    void productionModeWithoutASecretStopsWithOneLineNamingTheSetting() throws Exception {
        Files.writeString(config, "data_dir=" + dir + "\nmode=production\n");
        assertEquals(2, run("", "serve", "--config", config.toString(), "--port", "0"));
        assertEquals("restauth: secret_key is required in production mode: set RESTAUTH_SECRET_KEY (at least 32 "
                + "random characters) or secret_key in the settings file\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aPortInUseStopsWithOneLineNamingTheSettings() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertEquals(2, run("", "serve", "--config", config.toString(), "--port", Integer.toString(port)));
            assertEquals("restauth: cannot listen on 127.0.0.1:" + port + " (settings host and port): Address "
                    + "already in use\n", err.toString());
        }
    }

    @Test
    void aMisspeltPasswordValidatorStopsWithOneLineNamingTheSetting() throws Exception {
        Files.writeString(config, "password_validators=similarity,comon\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(2, run("", "serve", "--config", config.toString(), "--port", "0"));
        assertEquals("restauth: setting 'password_validators': Unknown password validator 'comon'; expected one of "
                + "similarity, minimum_length, common, numeric, or the fully-qualified name of a class implementing "
                + "dev.restauth.password.PasswordValidator\n", err.toString());
    }

    @Test
    void anUnreachableDatabaseStopsWithOneLineNamingTheSettings() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        Files.writeString(config, "database_url=jdbc:postgresql://127.0.0.1:" + closed + "/restauth?password=hunter2\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(2, run("", "migrate", "--config", config.toString()));
        String line = err.toString();
        assertTrue(line.startsWith("restauth: cannot use the database jdbc:postgresql://127.0.0.1:" + closed
                + "/restauth?password=******** (settings database_url, database_user, database_password): "), line);
        assertEquals(1, line.split("\n").length, line);
        assertFalse(line.contains("hunter2"), line);
    }

    private int run(String stdin, String... args) throws Exception {
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
