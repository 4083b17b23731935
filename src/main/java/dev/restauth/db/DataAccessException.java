package dev.restauth.db;

import java.sql.SQLException;

/**
 * A database call that failed. Carries the SQL text (never the parameter values: they are password hashes,
 * token hashes and e-mail addresses) and the driver's exception as the cause.
 */
public class DataAccessException extends RuntimeException {
    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Translates a driver exception, once, at the DAO boundary: SQLState class 23 (integrity) becomes
     * {@link DuplicateKeyException} for unique violations and {@link ConstraintViolationException} for the rest;
     * a database that cannot be used now (unreachable, a broken connection, a statement timeout) becomes
     * {@link DatabaseUnavailableException}.
     */
    public static DataAccessException translate(String sql, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = "SQL failed [" + state + "]: " + sql;
        if (isUniqueViolation(e)) {
            return new DuplicateKeyException(message, e);
        }
        if (state.startsWith("23")) {
            return new ConstraintViolationException(message, e);
        }
        DatabaseUnavailableException.Reason unavailable = DatabaseUnavailableException.reasonOf(e);
        if (unavailable != null) {
            return new DatabaseUnavailableException(message, e, unavailable,
                    DatabaseUnavailableException.isBrokenConnection(e), false);
        }
        return new DataAccessException(message, e);
    }

    /** True when the transaction lost a race the database resolved by aborting it (deadlock, serialization). */
    public boolean isTransient() {
        Throwable cause = getCause();
        if (!(cause instanceof SQLException)) {
            return false;
        }
        String state = ((SQLException) cause).getSQLState();
        if (this instanceof DatabaseUnavailableException && !"HYT00".equals(state)) {
            return false; // a statement timeout (MariaDB may report one in class 40) is not a race to run again
        }
        return state != null && (state.startsWith("40") || "HYT00".equals(state));
    }

    private static boolean isUniqueViolation(SQLException e) {
        // 23505: H2 and PostgreSQL. MariaDB reports 23000 for every integrity error; 1062 is its duplicate key.
        return "23505".equals(e.getSQLState()) || e.getErrorCode() == 1062;
    }
}
