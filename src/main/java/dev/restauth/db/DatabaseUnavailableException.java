package dev.restauth.db;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * The database could not be used for a while, not because of the request: it cannot be reached, the connection to it
 * broke, its storage failed (an embedded file on a full disk), or a statement ran out of
 * {@code database_statement_timeout} (a lock held elsewhere). Answered 503 with {@code Retry-After}; the request may
 * well succeed when sent again.
 */
public class DatabaseUnavailableException extends DataAccessException {
    private static final long serialVersionUID = 1L;

    /** Why; also the class a log line counts failures by. */
    public enum Reason {
        /** No connection, a broken one, or a database that closed itself (H2 after a failed write). */
        UNREACHABLE("the database cannot be reached"),
        /** A statement was cancelled after {@code database_statement_timeout}, waiting for a lock or running. */
        TIMED_OUT("a statement ran out of its time");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** PostgreSQL: terminated by an administrator, crash shutdown, cannot connect now. */
    private static final Set<String> CONNECTION_STATES = Set.of("57P01", "57P02", "57P03");
    /** H2: database closed, called at shutdown, I/O failures, corrupted file, no disk space. */
    private static final Set<Integer> H2_STORAGE_CODES = Set.of(90098, 90121, 90028, 90031, 90030, 90100);
    /** MariaDB: connection killed (1927), server shutdown in progress (1053). */
    private static final Set<Integer> MARIADB_CONNECTION_CODES = Set.of(1927, 1053);
    /** MariaDB: max_statement_time exceeded (1969), lock wait timeout (1205). */
    private static final Set<Integer> MARIADB_TIMEOUT_CODES = Set.of(1969, 1205);

    private final Reason reason;
    private final boolean brokenConnection;
    private final boolean notToRetry;

    DatabaseUnavailableException(String message, SQLException cause, Reason reason, boolean brokenConnection,
                                 boolean notToRetry) {
        super(message, cause);
        this.reason = reason;
        this.brokenConnection = brokenConnection;
        this.notToRetry = notToRetry;
    }

    /** A fast refusal while an outage is known: nothing was tried. */
    DatabaseUnavailableException(String message) {
        super(message, null);
        this.reason = Reason.UNREACHABLE;
        this.brokenConnection = false;
        this.notToRetry = true;
    }

    public Reason reason() {
        return reason;
    }

    /** True when the connection broke, or the database it led to is gone (an embedded H2 closed after a failure). */
    boolean brokenConnection() {
        return brokenConnection;
    }

    /**
     * True when a connection that was working broke (the server ended it, the network dropped it) and the failure
     * came before any commit: the database rolled the transaction back, so it may run again on another connection.
     */
    boolean retryable() {
        return brokenConnection && !notToRetry;
    }

    /**
     * The same failure, not to be run again: raised by a commit (whether it took effect is unknown) or by the pool
     * (which has waited and tried already).
     */
    DatabaseUnavailableException notToRetry() {
        return new DatabaseUnavailableException(getMessage(), (SQLException) getCause(), reason, brokenConnection,
                true);
    }

    /** The reason a driver exception means the database is unavailable, or null when it is about the request. */
    static Reason reasonOf(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        if ("57014".equals(state) || "HYT00".equals(state) || MARIADB_TIMEOUT_CODES.contains(code)) {
            return Reason.TIMED_OUT; // 57014: PostgreSQL's and H2's cancelled statement; HYT00: H2's lock timeout
        }
        if (isBrokenConnection(e) || e instanceof SQLTransientConnectionException) {
            return Reason.UNREACHABLE;
        }
        return null;
    }

    /** An I/O failure underneath (H2 reports a failed write to its file as a general error caused by one). */
    private static boolean causedByIo(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
            e = cause;
        }
        return false;
    }

    /**
     * A connection that cannot be used again: it failed (SQLState class 08 and its kin, an I/O failure underneath)
     * or the embedded database it leads to closed itself after a storage failure. Not a pool that found no connection.
     */
    static boolean isBrokenConnection(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || CONNECTION_STATES.contains(state)
                || MARIADB_CONNECTION_CODES.contains(e.getErrorCode())
                || H2_STORAGE_CODES.contains(e.getErrorCode())
                || e instanceof SQLNonTransientConnectionException || causedByIo(e);
    }
}
