package dev.restauth.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Applies the migrations in {@code sql/} (on the classpath, listed in order in {@code sql/migrations.list}) that
 * a database has not seen yet, recording each in {@code restauth_schema_version}.
 *
 * <p>Several nodes may start at once: on PostgreSQL and MariaDB a database-wide lock makes the others wait while
 * one migrates. Each migration's statements are split on a {@code ;} that ends a line.
 */
public final class Migrator {
    private static final Logger LOG = Logger.getLogger(Migrator.class.getName());
    private static final String LIST = "sql/migrations.list";
    private static final long LOCK_ID = 0x7265_7374_6175_7468L; // "restauth"

    private static final String CREATE_VERSION_TABLE =
            "CREATE TABLE IF NOT EXISTS restauth_schema_version ("
                    + "version INT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at ${datetime} NOT NULL)"
                    + "${table_options}";
    private static final String SELECT_VERSIONS = "SELECT version FROM restauth_schema_version";
    private static final String INSERT_VERSION =
            "INSERT INTO restauth_schema_version (version, name, applied_at) VALUES (?, ?, ?)";

    private final Database database;
    private final Clock clock;

    public Migrator(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A migration file: its number (the leading digits of its name) and name. */
    public record Migration(int version, String name) {
    }

    /**
     * Brings the database up to date.
     *
     * @return the migrations applied now (empty when it was current)
     */
    public List<Migration> migrate() {
        return database.inTransaction(connection -> {
            lock(connection);
            try {
                Jdbc.execute(connection, database.dialect().expand(CREATE_VERSION_TABLE));
                Set<Integer> applied = appliedVersions(connection);
                List<Migration> done = new ArrayList<>();
                for (Migration migration : available()) {
                    if (!applied.contains(migration.version())) {
                        apply(connection, migration);
                        done.add(migration);
                    }
                }
                return done;
            } finally {
                unlock(connection);
            }
        });
    }

    /** The migrations shipped with this build, in order. */
    public static List<Migration> available() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : resource(LIST).split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            int version = Integer.parseInt(name.substring(0, name.indexOf('-')));
            if (!migrations.isEmpty() && migrations.get(migrations.size() - 1).version() >= version) {
                throw new IllegalStateException(LIST + " is not in ascending order at " + name);
            }
            migrations.add(new Migration(version, name));
        }
        return migrations;
    }

    private void apply(Connection connection, Migration migration) {
        String sql = database.dialect().expand(resource("sql/" + migration.name()));
        for (String statement : sql.split(";\\s*(\\n|$)")) {
            String trimmed = stripComments(statement);
            if (!trimmed.isEmpty()) {
                Jdbc.execute(connection, trimmed);
            }
        }
        Jdbc.update(connection, INSERT_VERSION, migration.version(), migration.name(), clock.instant());
        LOG.info(() -> "applied migration " + migration.name());
    }

    private static Set<Integer> appliedVersions(Connection connection) {
        return new HashSet<>(Jdbc.list(connection, SELECT_VERSIONS, row -> row.getInt(1)));
    }

    private void lock(Connection connection) {
        switch (database.dialect()) {
            case POSTGRESQL -> Jdbc.list(connection, "SELECT pg_advisory_lock(?)", row -> 1, LOCK_ID);
            case MARIADB -> {
                Integer got = Jdbc.one(connection, "SELECT GET_LOCK('restauth_migrate', 120)", row -> row.getInt(1))
                        .orElse(0);
                if (got != 1) {
                    throw new DataAccessException("another node held the migration lock for 120 s", null);
                }
            }
            case H2 -> { } // embedded: one process owns the file
        }
    }

    private void unlock(Connection connection) {
        switch (database.dialect()) {
            case POSTGRESQL -> Jdbc.list(connection, "SELECT pg_advisory_unlock(?)", row -> 1, LOCK_ID);
            case MARIADB -> Jdbc.list(connection, "SELECT RELEASE_LOCK('restauth_migrate')", row -> 1);
            case H2 -> { }
        }
    }

    private static String stripComments(String statement) {
        StringBuilder out = new StringBuilder();
        for (String line : statement.split("\n")) {
            if (!line.strip().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString().strip();
    }

    private static String resource(String path) {
        try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
