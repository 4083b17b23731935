package dev.restauth.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC every DAO needs, written once: prepared statements with positional parameters, try-with-resources
 * around every JDBC object, and {@link SQLException} translated at this boundary into {@link DataAccessException}.
 *
 * <p>Parameters are bound by type; an {@link Instant} is stored as a UTC wall-clock value in a column without a
 * time zone, which H2, PostgreSQL and MariaDB and their drivers all carry through unchanged.
 */
final class Jdbc {
    private Jdbc() {
    }

    /**
     * A hex hash (of a token, a session id, a rate-limit key) as a parameter, compared with its {@code CHAR(64)}
     * column. Bound as {@code CHAR}, the column's own type: bound as a plain string, H2 converts the column's value at
     * every step of the index search, and every authenticated request makes such a search.
     */
    public static Object hexHash(String value) {
        return new HexHash(value);
    }

    private record HexHash(String value) {
    }

    /** Maps the current row of a result set; must not move the cursor. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The single row a query finds, or empty. */
    public static <T> Optional<T> one(Connection connection, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(connection, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Every row a query finds, in the order the database returns them. */
    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(mapper.map(rows));
                }
                return out;
            }
        } catch (SQLException e) {
            throw DataAccessException.translate(sql, e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    public static int update(Connection connection, String sql, Object... params) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate(sql, e);
        }
    }

    /** Runs an INSERT into a table with a generated {@code id} and returns the new id. */
    public static long insert(Connection connection, String sql, Object... params) {
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
            bind(statement, params);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new DataAccessException("no generated key returned: " + sql, null);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate(sql, e);
        }
    }

    /** The instant in a column, or null for SQL NULL. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        return instant(row, row.findColumn(column));
    }

    /** The instant in the column at {@code index} (from 1), or null for SQL NULL. */
    public static Instant instant(ResultSet row, int index) throws SQLException {
        Object value = row.getObject(index);
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return row.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object param = params[i];
            if (param instanceof Instant) {
                statement.setObject(i + 1, LocalDateTime.ofInstant((Instant) param, ZoneOffset.UTC));
            } else if (param instanceof HexHash) {
                statement.setObject(i + 1, ((HexHash) param).value(), Types.CHAR);
            } else if (param == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, param);
            }
        }
    }

    /** Runs one statement without parameters (DDL, session settings). */
    public static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw DataAccessException.translate(sql, e);
        }
    }
}
