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
 * <p>Several nodes may start at once against one database: a database-wide lock makes the others wait while one
 * migrates. The lock is taken on a connection of its own and held until the migration transaction, run on a second
 * connection, has committed; so a node that waited reads the version table only once the winner's work is durable,
 * and never sees tables without their version rows (MariaDB commits each DDL statement at once, and PostgreSQL's
 * {@code CREATE TABLE IF NOT EXISTS} fails rather than waits when another transaction is creating the same table).
 * The lock is PostgreSQL's transaction-scoped advisory lock, MariaDB's named lock, and on H2 (whose server mode
 * several nodes may share) a row lock in the one-row table {@code restauth_migration_lock}. Migrating therefore
 * needs two connections at once.
 *
 * <p>Each migration's statements are split on a {@code ;} that ends a line.
 */
public final class Migrator {
    private static final Logger LOG = Logger.getLogger(Migrator.class.getName());
    private static final String LIST = "sql/migrations.list";
    private static final long LOCK_ID = 0x7265_7374_6175_7468L; // "restauth"
    /** MariaDB's named locks are server-wide: the name carries the database, so others' migrations never wait. */
    private static final String MARIADB_LOCK_NAME = "LEFT(CONCAT('restauth_migrate:', DATABASE()), 64)";
    /** How long a node waits for another's migrations before it gives up starting. */
    private static final int LOCK_WAIT_SECONDS = 120;
    private static final String H2_CREATE_LOCK_TABLE =
            "CREATE TABLE IF NOT EXISTS restauth_migration_lock (id INT NOT NULL PRIMARY KEY)";
    private static final String H2_LOCK = "SELECT id FROM restauth_migration_lock WHERE id = 1 FOR UPDATE";
    private static final String H2_INSERT_LOCK_ROW = "INSERT INTO restauth_migration_lock (id) VALUES (1)";

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
        // Without the statement timeout: the wait for another node's migrations and DDL on big tables take longer.
        return database.onConnectionWithoutTimeout(lockConnection -> {
            int restore = lock(lockConnection);
            try {
                return database.onConnectionWithoutTimeout(this::applyPending);
            } finally {
                unlock(lockConnection, restore);
            }
        });
    }

    private List<Migration> applyPending(Connection connection) {
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
    }

    /**
     * The migrations this build ships that the database has not applied, in order; all of them when it has none.
     *
     * @throws DataAccessException when the database cannot be reached
     */
    public List<Migration> pending() {
        Set<Integer> applied = database.read(tx -> {
            try {
                return appliedVersions(tx.connection());
            } catch (DataAccessException noVersionTable) {
                return Set.of();
            }
        });
        List<Migration> pending = new ArrayList<>();
        for (Migration migration : available()) {
            if (!applied.contains(migration.version())) {
                pending.add(migration);
            }
        }
        return pending;
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

    /**
     * Takes the migration lock on {@code connection}, waiting for another node's migrations to finish.
     *
     * @return H2's lock timeout before it was raised for the wait, for {@link #unlock}; 0 elsewhere
     */
    private int lock(Connection connection) {
        return switch (database.dialect()) {
            case POSTGRESQL -> {
                Jdbc.execute(connection, "SET LOCAL lock_timeout = '" + LOCK_WAIT_SECONDS + "s'");
                // Released when the lock transaction ends, which is after the migration transaction's commit.
                Jdbc.list(connection, "SELECT pg_advisory_xact_lock(?)", row -> 1, LOCK_ID);
                yield 0;
            }
            case MARIADB -> {
                int got = Jdbc.one(connection, "SELECT GET_LOCK(" + MARIADB_LOCK_NAME + ", ?)",
                        row -> row.getInt(1), LOCK_WAIT_SECONDS).orElse(0);
                if (got != 1) {
                    throw new DataAccessException("another node held the migration lock for "
                            + LOCK_WAIT_SECONDS + " s", null);
                }
                yield 0;
            }
            case H2 -> {
                Jdbc.execute(connection, H2_CREATE_LOCK_TABLE);
                int timeout = Jdbc.one(connection, "SELECT LOCK_TIMEOUT()", row -> row.getInt(1)).orElseThrow();
                Jdbc.execute(connection, "SET LOCK_TIMEOUT " + LOCK_WAIT_SECONDS * 1000);
                try {
                    lockH2Row(connection);
                } catch (DataAccessException e) {
                    Jdbc.execute(connection, "SET LOCK_TIMEOUT " + timeout);
                    throw e;
                }
                yield timeout;
            }
        };
    }

    /**
     * Locks the lock table's row until the lock transaction ends. On a fresh database the row does not exist yet:
     * the first node to insert it holds it (uncommitted) while it migrates; a node inserting at the same time waits
     * for that insert to commit, fails on the duplicate, and then waits for the row like any later node.
     */
    private static void lockH2Row(Connection connection) {
        if (!Jdbc.list(connection, H2_LOCK, row -> 1).isEmpty()) {
            return;
        }
        try {
            Jdbc.update(connection, H2_INSERT_LOCK_ROW);
        } catch (DuplicateKeyException inserted) {
            // H2 undoes only the failed statement; this transaction goes on and waits for the row.
            Jdbc.list(connection, H2_LOCK, row -> 1);
        }
    }

    /** Undoes what {@link #lock} did to the session; transaction-scoped locks end with the transaction. */
    private void unlock(Connection connection, int restore) {
        switch (database.dialect()) {
            case POSTGRESQL -> { }
            case MARIADB -> Jdbc.list(connection, "SELECT RELEASE_LOCK(" + MARIADB_LOCK_NAME + ")", row -> 1);
            // The pooled connection outlives this: give it back with H2's lock timeout as it was.
            case H2 -> Jdbc.execute(connection, "SET LOCK_TIMEOUT " + restore);
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
