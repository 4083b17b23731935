package dev.restauth.db;

/** An insert or update hit a unique index: a lost race for a username, an e-mail or a token, not a server fault. */
public final class DuplicateKeyException extends DataAccessException {
    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
