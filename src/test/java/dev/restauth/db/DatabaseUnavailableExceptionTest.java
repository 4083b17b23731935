package dev.restauth.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which driver failures mean "the database cannot be used now" (503), and which of those may run again. */
class DatabaseUnavailableExceptionTest {
    @Test
    void statementTimeoutsAreUnavailableButNotRunAgain() {
        for (SQLException timeout : new SQLException[] {
                new SQLException("canceling statement due to statement timeout", "57014"), // PostgreSQL, H2
                new SQLException("max_statement_time exceeded", "70100", 1969), // MariaDB
                new SQLException("Lock wait timeout exceeded", "40001", 1205)}) { // MariaDB, in class 40
            DatabaseUnavailableException e = unavailable(timeout);
            assertEquals(DatabaseUnavailableException.Reason.TIMED_OUT, e.reason(), timeout.getMessage());
            assertFalse(e.retryable(), timeout.getMessage());
            assertFalse(e.isTransient(), timeout.getMessage());
        }
    }

    @Test
    void aConnectionTheServerEndedIsUnreachableAndRunsAgainUnlessAtCommit() {
        for (SQLException broken : new SQLException[] {
                new SQLException("terminating connection due to administrator command", "57P01"),
                new SQLException("An I/O error occurred while sending to the backend.", "08006"),
                new SQLNonTransientConnectionException("Socket error", "08000"),
                new SQLException("Connection was killed", "70100", 1927)}) {
            DatabaseUnavailableException e = unavailable(broken);
            assertEquals(DatabaseUnavailableException.Reason.UNREACHABLE, e.reason(), broken.getMessage());
            assertTrue(e.retryable(), broken.getMessage());
            assertFalse(e.notToRetry().retryable(), "a failed commit may have taken effect");
        }
    }

    @Test
    void aFullDiskUnderH2AndAnEmptyPoolAreUnreachable() {
        SQLException writeFailed = new SQLException("General error: Writing failed", "HY000", 50000,
                new IllegalStateException("Writing to the file failed", new IOException("No space left on device")));
        assertEquals(DatabaseUnavailableException.Reason.UNREACHABLE, unavailable(writeFailed).reason());
        assertEquals(DatabaseUnavailableException.Reason.UNREACHABLE,
                unavailable(new SQLException("The database has been closed", "90098", 90098)).reason());
        assertEquals(DatabaseUnavailableException.Reason.UNREACHABLE, unavailable(
                new SQLTransientConnectionException("Connection is not available, request timed out")).reason());
    }

    @Test
    void failuresOfTheRequestStayWhatTheyWere() {
        assertInstanceOf(DuplicateKeyException.class,
                DataAccessException.translate("INSERT", new SQLException("duplicate", "23505")));
        DataAccessException syntax = DataAccessException.translate("SELEC", new SQLException("syntax", "42601"));
        assertFalse(syntax instanceof DatabaseUnavailableException);
        assertTrue(DataAccessException.translate("UPDATE", new SQLException("deadlock", "40P01")).isTransient());
    }

    private static DatabaseUnavailableException unavailable(SQLException e) {
        return assertInstanceOf(DatabaseUnavailableException.class, DataAccessException.translate("SELECT 1", e));
    }
}
