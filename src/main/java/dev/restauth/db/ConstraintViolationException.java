package dev.restauth.db;

/** An integrity rule other than uniqueness failed, e.g. a row that references a user deleted meanwhile. */
public final class ConstraintViolationException extends DataAccessException {
    public ConstraintViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
