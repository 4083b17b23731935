package dev.restauth.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.config.Settings;
import dev.restauth.testing.TestDatabase;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Nodes that start at the same moment against one empty database, each with its own connection pool as separate
 * processes would have: the migration lock lets exactly one of them apply each migration, and the others wait and
 * find the schema current. Run on every database several nodes can share.
 */
class ConcurrentMigrationTest {
    private static final int NODES = 4;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_SERVER", "POSTGRESQL", "MARIADB"})
    void nodesMigratingAtOnceApplyEachMigrationExactlyOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase test = TestDatabase.create(kind)) {
            List<Database> nodes = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(NODES);
            try {
                for (int i = 0; i < NODES; i++) {
                    nodes.add(Database.fromSettings(Settings.builder()
                            .set("database_url", test.jdbcUrl())
                            .set("database_user", test.user())
                            .set("database_pool_size", "2")
                            .build()));
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Migrator.Migration>>> runs = new ArrayList<>();
                for (Database node : nodes) {
                    runs.add(threads.submit(() -> {
                        start.await();
                        return new Migrator(node, Clock.systemUTC()).migrate();
                    }));
                }
                start.countDown();

                List<List<Migrator.Migration>> applied = new ArrayList<>();
                for (Future<List<Migrator.Migration>> run : runs) {
                    applied.add(run.get());
                }
                assertEquals(1, applied.stream().filter(list -> !list.isEmpty()).count(), applied.toString());
                assertEquals(Migrator.available(), applied.stream().flatMap(List::stream).toList());
                List<Integer> recorded = nodes.get(0).inTransaction(c -> Sql.list(c,
                        "SELECT version FROM restauth_schema_version ORDER BY version", row -> row.getInt(1)));
                assertEquals(Migrator.available().stream().map(Migrator.Migration::version).toList(), recorded);
            } finally {
                threads.shutdownNow();
                nodes.forEach(Database::close);
            }
        }
    }
}
