package dev.restauth;

import dev.restauth.account.CreateUser;
import dev.restauth.auth.Keyring;
import dev.restauth.auth.Tokens;
import dev.restauth.config.LogFormat;
import dev.restauth.config.Settings;
import dev.restauth.config.SecretKey;
import dev.restauth.config.SettingsException;
import dev.restauth.config.SettingsLoader;
import dev.restauth.db.DataAccessException;
import dev.restauth.db.Database;
import dev.restauth.db.DjangoTables;
import dev.restauth.db.Migrator;
import dev.restauth.demo.DemoMailbox;
import dev.restauth.demo.DemoPage;
import dev.restauth.error.ValidationException;
import dev.restauth.importer.DjangoImport;
import dev.restauth.importer.ImportRefusedException;
import dev.restauth.importer.Progress;
import dev.restauth.importer.Summary;
import dev.restauth.mail.ConsoleTransport;
import dev.restauth.standalone.LogLines;
import dev.restauth.user.SecurityEvent;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line: {@code serve}, {@code migrate}, {@code createsuperuser}, {@code import-django}, {@code audit},
 * each with {@code --help}.
 *
 * <p>Settings come from {@code --config FILE} (or {@code RESTAUTH_CONFIG}), system properties and {@code RESTAUTH_*}
 * variables; a command's options that stand for a setting ({@code serve --port}) win over all of them. Exit codes:
 * 0 done, 1 the command failed (a weak password, a taken name), 2 the command line or the settings are wrong, or the
 * command cannot start (no secret key in production, a port in use, a database it cannot use); each of those is one
 * line on stderr, naming the option or setting.
 */
public final class Main {
    private static final Option CONFIG = new Option("config", "FILE", null, false,
            "settings file (default: the file named by RESTAUTH_CONFIG, else none)");

    private static final List<Command> COMMANDS = List.of(
            new Command("serve", "start the server (default http://127.0.0.1:8000/rest-auth/)",
                    "Serves the API under mount_prefix and, when the setting demo is on (dev mode), the demo page\n"
                            + "at /. Runs until Ctrl-C or SIGTERM, then finishes the requests in flight and closes.",
                    List.of(CONFIG,
                            new Option("host", "ADDRESS", "host", false,
                                    "address to listen on (setting host, default 127.0.0.1)"),
                            new Option("port", "PORT", "port", false,
                                    "port to listen on, 0 for any free one (setting port, default 8000)"))),
            new Command("migrate", "apply the database migrations and exit",
                    "Applies the migrations in sql/ that the configured database lacks (the server does too at\n"
                            + "start); nodes may run it at once, a database lock keeps them in turn.",
                    List.of(CONFIG)),
            new Command("createsuperuser", "create a superuser (staff, superuser, address confirmed)",
                    "Creates an active superuser whose address counts as confirmed. The password is asked twice on\n"
                            + "a terminal, else read from the first line of standard input, and checked by the\n"
                            + "password validators.",
                    List.of(CONFIG,
                            new Option("username", "NAME", null, true, "the new user's username (required)"),
                            new Option("email", "ADDRESS", null, false, "the new user's e-mail address"))),
            new Command("import-django", "take a Django site's users over (passwords, addresses, tokens)",
                    "Copies a Django site's users into restauth's database: auth_user (pks and password hashes as\n"
                            + "they are), allauth's addresses and social accounts, DRF's tokens (the same keys keep\n"
                            + "working). One transaction: all or nothing. Running it again changes nothing. Reads\n"
                            + "SQLite (jdbc:sqlite:FILE), PostgreSQL (jdbc:postgresql://HOST/DB) and MariaDB/MySQL\n"
                            + "(jdbc:mariadb://HOST/DB); refuses, listing them, when restauth holds other users\n"
                            + "under the same pks or usernames, unless --merge skip.",
                    List.of(CONFIG,
                            new Option("from", "JDBC_URL", null, true, "the Django database (required)"),
                            new Option("user", "NAME", null, false, "the Django database's user"),
                            new Option("password", "SECRET", null, false, "the Django database's password"),
                            new Option("dry-run", null, null, false, "do everything but write; report what would be"),
                            new Option("merge", "skip", null, false,
                                    "on a conflict keep restauth's user, leave the Django one out"))),
            new Command("audit", "print the security log",
                    "Prints the security log (logins, logouts, password and address changes, ...), oldest first,\n"
                            + "one event a line, tab-separated: time, username (- for an unknown login), event,\n"
                            + "outcome, IP, detail, user agent.",
                    List.of(CONFIG,
                            new Option("user", "NAME", null, false, "only this user's events"),
                            new Option("since", "WHEN", null, false,
                                    "only events from then on: 2026-03-01, 2026-03-01T12:00:00Z, or an age like 7d "
                                            + "or 12h (default: all)"))));

    private Main() {
    }

    public static void main(String[] args) {
        // One log format for restauth's own messages and, through SLF4J, Jetty's and the pool's: text until the
        // settings say otherwise (log_format).
        System.setProperty("java.util.logging.manager", LogLines.KeptAtExit.class.getName());
        LogLines.install(LogFormat.TEXT);
        int code;
        try {
            code = run(args, System.in, System.out, System.err);
        } catch (IOException e) {
            System.err.println("restauth: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    /** Runs a command; returns the process exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        if (args.length == 0) {
            err.print(usage());
            return 2;
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            return help(args, out, err);
        }
        Invocation invocation;
        try {
            invocation = parse(args);
        } catch (UsageException e) {
            err.println("restauth: " + e.getMessage());
            return 2;
        }
        if (invocation == null) {
            out.print(command(args[0]).help());
            return 0;
        }
        try {
            LogLines.use(invocation.settings().get(Settings.LOG_FORMAT));
            switch (invocation.command().name()) {
                case "serve":
                    return serve(invocation.settings(), out);
                case "migrate":
                    return migrate(invocation.settings(), out);
                case "import-django":
                    return importDjango(invocation, out, err);
                case "audit":
                    return audit(invocation, out, err);
                default:
                    return createSuperuser(invocation, in, out, err);
            }
        } catch (RuntimeException e) {
            String problem = startupProblem(e, invocation.settings());
            if (problem == null) {
                throw e;
            }
            err.println("restauth: " + problem);
            return 2;
        }
    }

    /**
     * Parses a command line (not {@code help}) and loads its settings.
     *
     * @return the command to run, or null when {@code --help} asks for the command's help instead
     * @throws UsageException naming the command, option or setting that is wrong
     */
    static Invocation parse(String[] args) {
        Command command = command(args[0]);
        if (command == null) {
            throw new UsageException("unknown command '" + args[0] + "' (restauth --help lists the commands)");
        }
        Map<Option, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException(command.name() + ": unexpected argument '" + arg + "' (options are written "
                        + "--name VALUE; restauth " + command.name() + " --help lists them)");
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            Option option = command.option(name);
            if (option == null) {
                throw new UsageException(command.name() + ": unknown option '--" + name + "' (restauth "
                        + command.name() + " --help lists the options)");
            }
            String value;
            if (option.valueName() == null) {
                if (equals >= 0) {
                    throw new UsageException(command.name() + ": option '--" + name + "' takes no value");
                }
                value = "true";
            } else if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(command.name() + ": option '--" + name + "' needs a value: --" + name + " "
                        + option.valueName());
            }
            values.put(option, value);
        }
        return new Invocation(command, values, settings(values));
    }

    /** The settings file's, system properties' and environment's settings, then the options that stand for one. */
    private static Settings settings(Map<Option, String> values) {
        String file = values.get(CONFIG);
        Settings settings;
        try {
            settings = SettingsLoader.load(file == null ? null : Path.of(file));
        } catch (SettingsException e) {
            throw new UsageException(e.getMessage());
        }
        for (Map.Entry<Option, String> entry : values.entrySet()) {
            Option option = entry.getKey();
            if (option.setting() != null) {
                try {
                    settings = settings.with(Map.of(option.setting(), entry.getValue()));
                } catch (SettingsException e) {
                    throw new UsageException(e.getMessage() + " (option --" + option.name() + ")");
                }
            }
        }
        return settings;
    }

    /**
     * Serves until the process is told to stop (Ctrl-C, SIGTERM). The stop runs in Jetty's shutdown hook: the
     * connectors close, requests in flight finish, and then, still inside the hook, restauth closes (the outbox
     * sender, the hashing pool, the database), so the JVM cannot exit with the H2 file half-closed and the last
     * commits unwritten.
     */
    private static int serve(Settings settings, PrintStream out) {
        Server server = start(settings, out);
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Builds restauth, starts its server and says where it listens; the server closes restauth when it stops.
     * With the demo on in dev mode and mail on the console, the demo page can list the links of the mails printed
     * ({@link DemoMailbox}).
     */
    static Server start(Settings settings, PrintStream out) {
        RestAuth.Builder builder = RestAuth.builder(settings);
        DemoMailbox mailbox = DemoMailbox.wanted(settings)
                ? new DemoMailbox(new ConsoleTransport(out, settings.get(Settings.DEFAULT_FROM_EMAIL)))
                : null;
        if (mailbox != null) {
            builder.mailTransport(mailbox);
        }
        RestAuth app = builder.build();
        Server server;
        try {
            server = RestAuthServer.create(app);
            if (mailbox != null) {
                mailbox.install(server);
            }
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStopped(LifeCycle stopped) {
                    app.close();
                }
            });
            server.start();
        } catch (Exception e) {
            app.close();
            throw e instanceof RuntimeException ? (RuntimeException) e : new StartException(e);
        }
        String root = "http://" + settings.get(Settings.HOST) + ":" + RestAuthServer.port(server);
        out.printf("restauth serving %s%s/ (database %s)%n", root, settings.get(Settings.MOUNT_PREFIX),
                redact(Database.jdbcUrl(settings)));
        out.printf("API documentation: %s%s/docs/%n", root, settings.get(Settings.MOUNT_PREFIX));
        if (DemoPage.served(settings)) {
            out.printf("demo page: %s/%n", root);
        }
        return server;
    }

    private static int migrate(Settings settings, PrintStream out) {
        try (Database database = Database.fromSettings(settings)) {
            List<Migrator.Migration> applied = new Migrator(database, Clock.systemUTC()).migrate();
            out.println(applied.isEmpty() ? "No migrations to apply." : "Applied: " + applied);
        }
        return 0;
    }

    /**
     * {@code import-django}: a refusal (conflicts, not a Django database) is one paragraph on stderr and exit 1; a
     * source that cannot be read, exit 2.
     */
    private static int importDjango(Invocation invocation, PrintStream out, PrintStream err) {
        String from = invocation.value("from");
        if (from == null || from.isBlank()) {
            err.println("restauth: import-django: option '--from' is required: --from JDBC_URL");
            return 2;
        }
        String merge = invocation.value("merge");
        if (merge != null && !merge.equals("skip")) {
            err.println("restauth: import-django: option '--merge' takes skip (keep restauth's user), not '" + merge
                    + "'");
            return 2;
        }
        Settings settings = invocation.settings();
        DjangoImport.Options options = new DjangoImport.Options(invocation.value("dry-run") != null,
                merge == null ? null : DjangoImport.Merge.SKIP);
        DjangoTables source;
        try {
            source = DjangoTables.open(from, invocation.value("user"), invocation.value("password"));
        } catch (IllegalArgumentException | DataAccessException e) {
            err.println("restauth: import-django: cannot read " + redact(from) + " (option --from): "
                    + firstLine(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return 2;
        }
        try (source; Database database = Database.fromSettings(settings)) {
            new Migrator(database, Clock.systemUTC()).migrate();
            Tokens tokens = new Tokens(database, new Keyring(SecretKey.resolve(settings)), Clock.systemUTC());
            Summary summary = new DjangoImport(database, tokens, settings.get(Settings.UNIQUE_EMAIL))
                    .run(source, options, new Progress(out, System.console() != null));
            out.print(summary);
            return 0;
        } catch (ImportRefusedException e) {
            err.println("restauth: import-django: " + e.getMessage());
            return 1;
        } catch (DataAccessException e) {
            // A statement failed on one side or the other (the SQL says which); the transaction was rolled back.
            err.println("restauth: import-django: nothing was written: " + e.getMessage() + ": "
                    + firstLine(e.getCause() == null ? null : e.getCause().getMessage()));
            return 1;
        }
    }

    private static int createSuperuser(Invocation invocation, InputStream in, PrintStream out, PrintStream err)
            throws IOException {
        String username = invocation.value("username");
        String email = invocation.value("email") == null ? "" : invocation.value("email");
        if (username == null || username.isBlank()) {
            err.println("restauth: createsuperuser: option '--username' is required: --username NAME");
            return 2;
        }
        String password = readPassword(in, err);
        if (password == null) {
            return 1;
        }
        // No background work in a short-lived command: mail is left to the server, which owns the console.
        try (RestAuth app = RestAuth.builder(invocation.settings()).backgroundWork(false).build()) {
            app.useCases().createUser().run(new CreateUser.NewAccount(username, email, password, true, true, true));
            out.println("Superuser created successfully.");
            return 0;
        } catch (ValidationException e) {
            e.errors().values().forEach(messages -> messages.forEach(m -> err.println("restauth: " + m)));
            return 1;
        }
    }

    private static int audit(Invocation invocation, PrintStream out, PrintStream err) {
        Instant since;
        try {
            since = since(invocation.value("since"), Instant.now());
        } catch (IllegalArgumentException e) {
            err.println("restauth: audit: option '--since' " + e.getMessage());
            return 2;
        }
        try (RestAuth app = RestAuth.builder(invocation.settings()).backgroundWork(false).build()) {
            for (SecurityEvent event : app.useCases().readAuditLog().run(invocation.value("user"), since)) {
                out.println(String.join("\t", event.created().toString(),
                        event.username() == null ? "-" : event.username(), event.event(), event.outcome(),
                        event.ip(), event.detail(), event.userAgent().replace('\t', ' ')));
            }
            return 0;
        } catch (ValidationException e) {
            e.errors().values().forEach(messages -> messages.forEach(m -> err.println("restauth: audit: " + m)));
            return 1;
        }
    }

    /** {@code --since}: a date (midnight UTC), an instant, or an age before {@code now} ({@code 7d}, {@code 12h}). */
    static Instant since(String text, Instant now) {
        if (text == null) {
            return Instant.EPOCH;
        }
        try {
            if (text.matches("[0-9]{1,6}[dhm]")) {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                ChronoUnit unit = switch (text.charAt(text.length() - 1)) {
                    case 'd' -> ChronoUnit.DAYS;
                    case 'h' -> ChronoUnit.HOURS;
                    default -> ChronoUnit.MINUTES;
                };
                return now.minus(Duration.of(amount, unit));
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("expected a date (2026-03-01), a time (2026-03-01T12:00:00Z) or an "
                    + "age (7d, 12h, 30m), not '" + text + "'");
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

    /**
     * The one line that explains why a command could not start, naming the setting behind it, or null for a
     * failure that is not about the configuration or the machine (a bug, whose stack trace is then wanted).
     */
    static String startupProblem(RuntimeException e, Settings settings) {
        if (e instanceof SettingsException) {
            return e.getMessage();
        }
        if (isFileDatabaseInUse(e)) {
            return "the database " + redact(Database.jdbcUrl(settings)) + " is open in another process (a running "
                    + "`make run`?). An embedded H2 file has one user at a time: stop the server and run this "
                    + "again, or use a server database (database_url) shared by both.";
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("password validator")) {
            return "setting 'password_validators': " + e.getMessage();
        }
        BindException bind = cause(e, BindException.class);
        if (bind != null) {
            return "cannot listen on " + settings.get(Settings.HOST) + ":" + settings.get(Settings.PORT)
                    + " (settings host and port): " + bind.getMessage();
        }
        SQLException sql = cause(e, SQLException.class);
        if (sql != null) {
            return "cannot use the database " + redact(Database.jdbcUrl(settings)) + " (settings database_url, "
                    + "database_user, database_password): " + firstLine(sql.getMessage());
        }
        return null;
    }

    /** H2's "Database may be already in use" (error 90020), wherever it sits in the cause chain. */
    private static boolean isFileDatabaseInUse(Throwable e) {
        SQLException sql = cause(e, SQLException.class);
        return sql != null && sql.getErrorCode() == 90020;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /** A JDBC URL fit for a log line: any password parameter is masked. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1********");
    }

    private static int help(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            out.print(usage());
            return 0;
        }
        Command command = command(args[1]);
        if (command == null) {
            err.println("restauth: unknown command '" + args[1] + "' (restauth --help lists the commands)");
            return 2;
        }
        out.print(command.help());
        return 0;
    }

    static String usage() {
        StringBuilder text = new StringBuilder("usage: restauth <command> [options]    (java -jar restauth.jar ...)\n"
                + "       restauth <command> --help\n\ncommands:\n");
        for (Command command : COMMANDS) {
            text.append(String.format("  %-17s %s%n", command.name(), command.summary()));
        }
        return text.append("\nSettings come from the --config file (or RESTAUTH_CONFIG), then system properties\n"
                + "restauth.<key> and environment variables RESTAUTH_<KEY>; options that stand for a setting\n"
                + "win over all of them. The README lists every setting.\n").toString();
    }

    private static Command command(String name) {
        for (Command command : COMMANDS) {
            if (command.name().equals(name)) {
                return command;
            }
        }
        return null;
    }

    /** One {@code --name VALUE} option; {@code setting} is the setting it stands for, or null. */
    record Option(String name, String valueName, String setting, boolean required, String description) {
        String synopsis() {
            String text = valueName == null ? "--" + name : "--" + name + " " + valueName;
            return required ? text : "[" + text + "]";
        }
    }

    /** A command, its one-line summary, what it does, and its options. */
    record Command(String name, String summary, String description, List<Option> options) {
        Option option(String optionName) {
            for (Option option : options) {
                if (option.name().equals(optionName)) {
                    return option;
                }
            }
            return null;
        }

        String help() {
            StringBuilder text = new StringBuilder("usage: restauth " + name);
            for (Option option : options) {
                text.append(' ').append(option.synopsis());
            }
            text.append("\n\n").append(description).append("\n\noptions:\n");
            for (Option option : options) {
                text.append(String.format("  --%-16s %s%n", option.valueName() == null ? option.name()
                        : option.name() + " " + option.valueName(), option.description()));
            }
            return text.append(String.format("  --%-16s %s%n", "help", "show this help")).toString();
        }
    }

    /** A parsed command line: the command, its options' values and the settings they lead to. */
    record Invocation(Command command, Map<Option, String> values, Settings settings) {
        String value(String optionName) {
            return values.get(command.option(optionName));
        }
    }

    /** A command line or settings that cannot be used; the message names the culprit. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** A checked failure of the server's start, carried out of {@link #start}. */
    static final class StartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
