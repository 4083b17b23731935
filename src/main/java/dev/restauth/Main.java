package dev.restauth;

import dev.restauth.account.CreateUser;
import dev.restauth.config.Settings;
import dev.restauth.config.SettingsException;
import dev.restauth.config.SettingsLoader;
import dev.restauth.db.Database;
import dev.restauth.db.Migrator;
import dev.restauth.error.ValidationException;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code serve}, {@code migrate}, {@code createsuperuser}. Settings come from
 * {@code --config FILE} (or {@code RESTAUTH_CONFIG}), system properties and {@code RESTAUTH_*} variables.
 */
public final class Main {
    private static final String USAGE = String.join("\n",
            "usage: java -jar restauth.jar <command> [--config FILE] [options]",
            "",
            "commands:",
            "  serve                 start the server (default http://127.0.0.1:8000/rest-auth/)",
            "  migrate               apply the database migrations and exit",
            "  createsuperuser       create a superuser: --username NAME [--email ADDRESS]",
            "                        the password is asked twice on a terminal, else read from the first line of stdin",
            "");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs a command; returns the process exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options;
        Settings settings;
        try {
            options = options(args);
            settings = SettingsLoader.load(options.containsKey("config") ? Path.of(options.get("config")) : null);
        } catch (IllegalArgumentException | SettingsException e) {
            err.println("restauth: " + e.getMessage());
            return 2;
        }
        try {
            switch (args[0]) {
                case "serve":
                    return serve(settings, out);
                case "migrate":
                    return migrate(settings, out);
                case "createsuperuser":
                    return createSuperuser(settings, options, in, out, err);
                default:
                    err.println("restauth: unknown command '" + args[0] + "'\n" + USAGE);
                    return 2;
            }
        } catch (RuntimeException e) {
            if (!isFileDatabaseInUse(e)) {
                throw e;
            }
            err.println("restauth: the database " + redact(Database.jdbcUrl(settings)) + " is open in another "
                    + "process (a running `make run`?). An embedded H2 file has one user at a time: stop the server "
                    + "and run this again, or use a server database (database_url) shared by both.");
            return 1;
        }
    }

    /** H2's "Database may be already in use" (error 90020), wherever it sits in the cause chain. */
    private static boolean isFileDatabaseInUse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException && ((java.sql.SQLException) cause).getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    /**
     * Serves until the process is told to stop (Ctrl-C, SIGTERM). The stop runs in Jetty's shutdown hook: the
     * connectors close, requests in flight finish, and then, still inside the hook, restauth closes (the outbox
     * sender, the hashing pool, the database), so the JVM cannot exit with the H2 file half-closed and the last
     * commits unwritten.
     */
    private static int serve(Settings settings, PrintStream out) throws Exception {
        RestAuth app = RestAuth.builder(settings).build();
        Server server = RestAuthServer.create(app);
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopped(LifeCycle stopped) {
                app.close();
            }
        });
        server.start();
        out.printf("restauth serving http://%s:%d%s/ (database %s)%n", settings.get(Settings.HOST),
                RestAuthServer.port(server), settings.get(Settings.MOUNT_PREFIX), redact(Database.jdbcUrl(settings)));
        server.join();
        return 0;
    }

    private static int migrate(Settings settings, PrintStream out) {
        try (Database database = Database.fromSettings(settings)) {
            List<Migrator.Migration> applied = new Migrator(database, Clock.systemUTC()).migrate();
            out.println(applied.isEmpty() ? "No migrations to apply." : "Applied: " + applied);
        }
        return 0;
    }

    private static int createSuperuser(Settings settings, Map<String, String> options, InputStream in,
                                       PrintStream out, PrintStream err) throws IOException {
        String username = options.get("username");
        String email = options.getOrDefault("email", "");
        if (username == null || username.isBlank()) {
            err.println("restauth: createsuperuser needs --username NAME");
            return 2;
        }
        String password = readPassword(in, err);
        if (password == null) {
            return 1;
        }
        // No background work in a short-lived command: mail is left to the server, which owns the console.
        try (RestAuth app = RestAuth.builder(settings).backgroundWork(false).build()) {
            app.useCases().createUser().run(new CreateUser.NewAccount(username, email, password, true, true, true));
            out.println("Superuser created successfully.");
            return 0;
        } catch (ValidationException e) {
            e.errors().values().forEach(messages -> messages.forEach(m -> err.println("restauth: " + m)));
            return 1;
        }
    }

    private static String readPassword(InputStream in, PrintStream err) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Password (again): ");
            if (first == null || again == null || !new String(first).equals(new String(again))) {
                err.println("restauth: the passwords did not match");
                return null;
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            err.println("restauth: no password on stdin");
            return null;
        }
        return line;
    }

    /** {@code --name value} pairs after the command. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--") || i + 1 >= rest.size()) {
                throw new IllegalArgumentException("expected --option value, got '" + arg + "'");
            }
            options.put(arg.substring(2), rest.get(++i));
        }
        return options;
    }

    /** A JDBC URL fit for a log line: any password parameter is masked. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1********");
    }
}
