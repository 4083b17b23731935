package dev.restauth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where the bench's databases live ({@code --database}): what {@link Seeder} seeds once and copies for every server
 * that writes to it. A database is known by a name ({@code users-1000}, {@code users-1000-restauth}) and a directory
 * of its own under {@code target/bench/} (its settings, its sample's tokens and, for H2, its files).
 */
interface Store {
    /** The {@code --database} names, the default first. */
    List<String> NAMES = List.of("h2", "postgresql");

    static Store of(String name) {
        return name.equals("postgresql") ? new Postgres(Postgres.ADMIN_URL) : new H2();
    }

    /** For the table's header: what the databases are. */
    String describe();

    /** Told apart from the other kinds' in directory names under {@code target/bench/}: "" or "-postgresql". */
    String suffix();

    /** The settings lines that point restauth (and the baseline) at database {@code name} in {@code dir}. */
    List<String> settings(Path dir, String name);

    /** Whether database {@code name}, seeded into {@code dir} and marked complete there, can still be copied. */
    boolean has(Path dir, String name);

    /** Makes database {@code name} exist, empty, before it is seeded. */
    void create(String name);

    /** Makes a freshly seeded database ready to be copied; {@code url} reaches it. */
    void seeded(String url) throws SQLException;

    /** Replaces database {@code to} in {@code toDir} by a copy of {@code from} in {@code fromDir}. */
    void copy(Path fromDir, String from, Path toDir, String to);

    /** Removes what the bench left on a database server; called once, as the bench ends. */
    void close();

    /** Embedded H2 files, restauth's default database, as {@code make run} has it; cached across runs. */
    final class H2 implements Store {
        private static final String FILE = "restauth";

        @Override
        public String describe() {
            return "embedded H2 file";
        }

        @Override
        public String suffix() {
            return "";
        }

        @Override
        public List<String> settings(Path dir, String name) {
            return List.of("# restauth's default database (no database_url): the H2 file data_dir/" + FILE
                    + ", as `make run` has it");
        }

        @Override
        public boolean has(Path dir, String name) {
            return Files.exists(dir.resolve("complete"));
        }

        @Override
        public void create(String name) {
            // H2 creates the file as restauth first opens it
        }

        @Override
        public void seeded(String url) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
        }

        @Override
        public void copy(Path fromDir, String from, Path toDir, String to) {
            try (Stream<Path> files = Files.list(fromDir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (file.getFileName().toString().startsWith(FILE + ".")) {
                        Files.copy(file, toDir.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES,
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            // the files stay in target/bench/cache for the next run
        }
    }

    /**
     * Databases on a PostgreSQL server, reached through {@code BENCH_POSTGRES_URL} (default: the local server's
     * {@code test} database as {@code postgres}). Each bench creates databases of its own, named with a random
     * prefix, seeds them and copies them with {@code CREATE DATABASE ... TEMPLATE}; it drops them all as it ends, so
     * it seeds again each time.
     */
    final class Postgres implements Store {
        static final String ADMIN_URL = System.getenv().getOrDefault("BENCH_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

        private final String adminUrl;
        private final String prefix = "restauth_bench_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        private final Set<String> created = new LinkedHashSet<>();

        Postgres(String adminUrl) {
            this.adminUrl = adminUrl;
        }

        @Override
        public String describe() {
            return "PostgreSQL (" + server() + "), a database of the bench's own per server, dropped at the end";
        }

        @Override
        public String suffix() {
            return "-postgresql";
        }

        @Override
        public List<String> settings(Path dir, String name) {
            String query = adminUrl.contains("?") ? adminUrl.substring(adminUrl.indexOf('?')) : "";
            return List.of("# a PostgreSQL database of the bench's own", "database_url=jdbc:postgresql://"
                    + server() + "/" + database(name) + query);
        }

        @Override
        public boolean has(Path dir, String name) {
            return created.contains(database(name)) && Files.exists(dir.resolve("complete"));
        }

        @Override
        public void seeded(String url) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE"); // the copies inherit the statistics the planner needs
            }
        }

        @Override
        public void create(String name) {
            admin("DROP DATABASE IF EXISTS " + database(name) + " WITH (FORCE)",
                    "CREATE DATABASE " + database(name));
            created.add(database(name));
        }

        @Override
        public void copy(Path fromDir, String from, Path toDir, String to) {
            admin("DROP DATABASE IF EXISTS " + database(to) + " WITH (FORCE)",
                    "CREATE DATABASE " + database(to) + " TEMPLATE " + database(from));
            created.add(database(to));
        }

        @Override
        public void close() {
            for (String database : created) {
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            created.clear();
        }

        private String database(String name) {
            return prefix + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        }

        /** {@code host:port} of the admin URL. */
        private String server() {
            String rest = adminUrl.substring("jdbc:postgresql://".length());
            return rest.substring(0, rest.indexOf('/'));
        }

        private void admin(String... statements) {
            try (Connection connection = DriverManager.getConnection(adminUrl);
                 Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + adminUrl + ": " + e.getMessage(), e);
            }
        }
    }
}
