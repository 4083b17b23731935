package dev.restauth.db;

import java.util.List;
import java.util.Optional;

/**
 * Raw SQL for tests that look at the tables themselves (what a dump would show, how many rows a race left), on the
 * connection of a {@link Transaction}. Production code reaches the tables through the DAOs only.
 */
public final class Sql {
    private Sql() {
    }

    public static <T> List<T> list(Transaction tx, String sql, Jdbc.RowMapper<T> mapper, Object... params) {
        return Jdbc.list(tx.connection(), sql, mapper, params);
    }

    public static <T> Optional<T> one(Transaction tx, String sql, Jdbc.RowMapper<T> mapper, Object... params) {
        return Jdbc.one(tx.connection(), sql, mapper, params);
    }

    public static int update(Transaction tx, String sql, Object... params) {
        return Jdbc.update(tx.connection(), sql, params);
    }

    public static void execute(Transaction tx, String sql) {
        Jdbc.execute(tx.connection(), sql);
    }
}
