package dev.restauth.db;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An H2 file with durable commits ({@code WRITE_DELAY=0}) under many small write transactions, as a server's logins
 * and sign-ups make: without compaction every commit leaves a chunk behind that a few live pages keep; compacted as
 * {@link H2FileCompaction} does, the file stays a fraction of that size and, opened again, holds exactly the same
 * rows. H2's
 * retention time is 0 here so freed chunks are reused at once (a server keeps H2's 45 s).
 */
class H2FileCompactionTest {
    private static final int ROWS = 20_000;
    private static final int UPDATES = 3_000;

    @TempDir
    Path dir;

    @Test
    void compactionKeepsTheFileOfPerCommitWritesSmallAndItsRowsIntact() throws Exception {
        Run plain = run("plain", false);
        Run compacted = run("compacted", true);

        assertTrue(compacted.bytes * 3 < plain.bytes,
                "compacted " + compacted.bytes + " bytes, without compaction " + plain.bytes);
        assertEquals(plain.rows, compacted.rows);
        assertEquals(ROWS, compacted.rows.size());
    }

    @Test
    void anInMemoryDatabaseHasNoFileToCompact() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction;DB_CLOSE_DELAY=-1");
        assertFalse(new H2FileCompaction(memory).compact());
    }

    @Test
    void onlyAnH2UrlWithoutWriteDelayIsCompacted() {
        assertTrue(Database.writesEachCommit("jdbc:h2:file:/srv/auth;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"));
        assertTrue(Database.writesEachCommit("jdbc:h2:file:/srv/auth;write_delay=0;MODE=Regular"));
        assertFalse(Database.writesEachCommit("jdbc:h2:file:/srv/auth;WRITE_DELAY=500"));
        assertFalse(Database.writesEachCommit("jdbc:h2:file:/srv/auth;WRITE_DELAY=00"));
        assertFalse(Database.writesEachCommit("jdbc:postgresql://db/auth?WRITE_DELAY=0;"));
    }

    private record Run(long bytes, Map<Integer, String> rows) {
    }

    /** The rows, then {@value #UPDATES} one-row transactions; compacted every 100 of them when asked. */
    private Run run(String name, boolean compact) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0");
        H2FileCompaction compaction = new H2FileCompaction(source);
        Random random = new Random(42);
        try (Connection connection = source.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(200))");
                statement.execute("INSERT INTO t SELECT x, SPACE(100) FROM SYSTEM_RANGE(1, " + ROWS + ")");
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE t SET v = ? WHERE id = ?")) {
                for (int i = 1; i <= UPDATES; i++) {
                    update.setString(1, Long.toHexString(random.nextLong()).repeat(6));
                    update.setInt(2, 1 + random.nextInt(ROWS));
                    update.executeUpdate();
                    if (compact && i % 100 == 0) {
                        compaction.compact();
                    }
                }
            }
        }
        long bytes = sizeOf(dir.resolve(name + ".mv.db"));
        // The last connection closed the database: the rows are read back from the file.
        try (Connection connection = source.getConnection()) {
            Map<Integer, String> rows = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet all = statement.executeQuery("SELECT id, v FROM t")) {
                while (all.next()) {
                    rows.put(all.getInt(1), all.getString(2));
                }
            }
            return new Run(bytes, rows);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
